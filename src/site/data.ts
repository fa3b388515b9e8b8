/**
 * The site's data, derived once from the records: what the browse pages list (products,
 * keywords, files, years), who cites whom, the newest articles. A class instance, not a plain
 * object, so Eleventy hands it to every page as it is instead of deep-copying it per page.
 */
import type { ArticleRecord, FileRow } from "../record.ts";
import { slug, withPrefix } from "./urls.ts";

export const PRODUCT_PAGE_SIZE = 100;
const NEWEST = 20;

export interface ProductEntry {
  code: string;
  slug: string;
  /** The most common product name among its articles, e.g. "Microsoft Windows NT". */
  name: string;
  ids: string[];
}

export interface ProductPage {
  product: ProductEntry;
  /** 1-based. */
  page: number;
  pages: number;
  ids: string[];
}

export interface KeywordEntry {
  keyword: string;
  slug: string;
  ids: string[];
}

/** One file-table row of one article. */
export interface FileUse {
  id: string;
  row: FileRow;
}

export interface FileEntry {
  slug: string;
  /** The spellings printed in the articles, e.g. ["Rpcss.exe", "RPCSS.EXE"]. */
  names: string[];
  uses: FileUse[];
}

export interface YearEntry {
  year: string;
  ids: string[];
}

export interface SiteOptions {
  /** "/" or "/kb-archive/". */
  prefix: string;
  /** "https://kb.example.com" when known: makes canonical and og:url absolute. */
  siteUrl?: string;
}

export class SiteData {
  readonly prefix: string;
  readonly siteUrl: string;
  readonly articles: ArticleRecord[];
  readonly byId: Map<string, ArticleRecord>;
  readonly products: ProductEntry[];
  readonly productPages: ProductPage[];
  readonly keywords: KeywordEntry[];
  readonly files: FileEntry[];
  readonly years: YearEntry[];
  readonly citedBy: Map<string, string[]>;
  readonly newest: ArticleRecord[];

  constructor(articles: ArticleRecord[], options: SiteOptions) {
    this.prefix = options.prefix;
    this.siteUrl = (options.siteUrl ?? "").replace(/\/+$/, "");
    this.articles = [...articles].sort((a, b) => idNumber(a.id) - idNumber(b.id));
    this.byId = new Map(this.articles.map((a) => [a.id, a]));
    this.products = groupProducts(this.articles);
    this.productPages = this.products.flatMap(paginate);
    this.keywords = groupKeywords(this.articles);
    this.files = groupFiles(this.articles);
    this.years = groupYears(this.articles);
    this.citedBy = citations(this.articles, this.byId);
    this.newest = this.articles
      .filter((a) => a.lastModified)
      .sort(
        (a, b) =>
          (b.lastModified ?? "").localeCompare(a.lastModified ?? "") ||
          idNumber(b.id) - idNumber(a.id),
      )
      .slice(0, NEWEST);
  }

  /** The HTML pages the site has: one per article, product page, keyword, file and year, and seven more. */
  pageCount(): number {
    const fixed = 7; // home, search, 404 and the indexes of products, files, years, keywords
    return (
      this.articles.length +
      this.productPages.length +
      this.keywords.length +
      this.files.length +
      this.years.length +
      fixed
    );
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** A site path as served: "/kb/265/Q265433/" → "/kb-archive/kb/265/Q265433/". */
  url(path: string): string {
    return withPrefix(this.prefix, path);
  }

  /** The absolute URL when the site URL is known, else the served path. */
  absoluteUrl(path: string): string {
    return this.siteUrl + this.url(path);
  }
}

export function idNumber(id: string): number {
  return Number(id.slice(1));
}

/** The product an article is listed under: its tag, else a slug of its first product name. */
export function productCodeOf(article: ArticleRecord): string {
  return article.productCode ?? slug(article.products[0] ?? "other");
}

function groupProducts(articles: ArticleRecord[]): ProductEntry[] {
  type Group = { code: string; ids: string[]; names: Map<string, number> };
  const groups = new Map<string, Group>();
  for (const article of articles) {
    const code = productCodeOf(article);
    const key = slug(code);
    const group: Group = groups.get(key) ?? { code, ids: [], names: new Map() };
    group.ids.push(article.id);
    for (const name of article.products) group.names.set(name, (group.names.get(name) ?? 0) + 1);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([key, g]) => ({
      code: g.code,
      slug: key,
      name: mostCommon(g.names) ?? g.code,
      ids: g.ids,
    }));
}

function paginate(product: ProductEntry): ProductPage[] {
  const pages = Math.max(1, Math.ceil(product.ids.length / PRODUCT_PAGE_SIZE));
  return Array.from({ length: pages }, (_, i) => ({
    product,
    page: i + 1,
    pages,
    ids: product.ids.slice(i * PRODUCT_PAGE_SIZE, (i + 1) * PRODUCT_PAGE_SIZE),
  }));
}

function groupKeywords(articles: ArticleRecord[]): KeywordEntry[] {
  const groups = new Map<string, KeywordEntry>();
  for (const article of articles) {
    for (const keyword of new Set(article.keywords)) {
      const key = slug(keyword);
      const entry = groups.get(key) ?? { keyword, slug: key, ids: [] };
      if (entry.ids.at(-1) !== article.id) entry.ids.push(article.id);
      groups.set(key, entry);
    }
  }
  return [...groups.values()].sort((a, b) => compare(a.slug, b.slug));
}

function groupFiles(articles: ArticleRecord[]): FileEntry[] {
  const groups = new Map<string, FileEntry>();
  for (const article of articles) {
    for (const row of article.files) {
      const key = slug(row.name);
      const entry = groups.get(key) ?? { slug: key, names: [], uses: [] };
      if (!entry.names.includes(row.name)) entry.names.push(row.name);
      entry.uses.push({ id: article.id, row });
      groups.set(key, entry);
    }
  }
  return [...groups.values()].sort((a, b) => compare(a.slug, b.slug));
}

function groupYears(articles: ArticleRecord[]): YearEntry[] {
  const groups = new Map<string, string[]>();
  for (const article of articles) {
    const year = article.lastModified?.slice(0, 4);
    if (!year) continue;
    const ids = groups.get(year) ?? [];
    ids.push(article.id);
    groups.set(year, ids);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([year, ids]) => ({ year, ids }));
}

/** Id → ids of the articles on this site whose text cites it, in id order. */
function citations(
  articles: ArticleRecord[],
  byId: Map<string, ArticleRecord>,
): Map<string, string[]> {
  const citedBy = new Map<string, string[]>();
  for (const article of articles) {
    for (const ref of new Set(article.references)) {
      if (ref === article.id || !byId.has(ref)) continue;
      const list = citedBy.get(ref) ?? [];
      list.push(article.id);
      citedBy.set(ref, list);
    }
  }
  return citedBy;
}

function mostCommon(counts: Map<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [name, count] of counts) {
    if (
      count > bestCount ||
      (count === bestCount && best !== undefined && compare(name, best) < 0)
    ) {
      best = name;
      bestCount = count;
    }
  }
  return best;
}

/** Locale-independent, so two builds on different machines order things alike. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

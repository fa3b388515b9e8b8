/**
 * The site's data, derived once from the records: what the browse pages list (products,
 * keywords, files, years, each list in pages of 100), who cites whom, the newest articles, and
 * what an article page shows of the others (related articles, newer versions of its files:
 * related.ts, file-versions.ts, each one pass over the whole site). A class instance, not a plain
 * object, so Eleventy hands it to every page as it is instead of deep-copying it per page.
 */
import type { ArticleRecord, FileRow } from "../record.ts";
import { DEFAULT_BRAND, type Brand } from "./brand.ts";
import {
  newerVersions,
  newestFirst,
  newestPerPlatform,
  type FileUse,
  type NewerVersion,
} from "./file-versions.ts";
import { compare, groupProducts, type ProductEntry } from "./products.ts";
import { relatedArticles, type Related } from "./related.ts";
import { slug, withPrefix } from "./urls.ts";

/** Articles per page of a product, keyword or year: every browse page stays well under 400 kB. */
export const PAGE_SIZE = 100;
const NEWEST = 20;

export type { ProductEntry } from "./products.ts";
export type { FileUse } from "./file-versions.ts";

/** One page of a list of articles, 1-based: `of` is what it lists (a product, keyword, year). */
export interface ListPage<T> {
  page: number;
  pages: number;
  ids: string[];
  of: T;
}

export interface ProductPage extends ListPage<ProductEntry> {
  product: ProductEntry;
}

export interface KeywordEntry {
  keyword: string;
  slug: string;
  ids: string[];
}

export interface FileEntry {
  slug: string;
  /** The spellings printed in the articles, e.g. ["Rpcss.exe", "RPCSS.EXE"]. */
  names: string[];
  /** Newest version first (then date); `newest` holds the newest row of each platform. */
  uses: FileUse[];
  newest: Set<FileUse>;
}

export interface YearEntry {
  year: string;
  /** By last-modified date, then id. */
  ids: string[];
}

export interface SiteOptions {
  /** "/" or "/kb-archive/". */
  prefix: string;
  /** "https://kb.example.com" when known: makes canonical and og:url absolute. */
  siteUrl?: string;
  /** The site's name, description, logo, links and language (default: kbsite's own). */
  brand?: Brand;
}

export class SiteData {
  readonly prefix: string;
  readonly siteUrl: string;
  readonly brand: Brand;
  readonly articles: ArticleRecord[];
  readonly byId: Map<string, ArticleRecord>;
  readonly products: ProductEntry[];
  readonly productPages: ProductPage[];
  readonly keywords: KeywordEntry[];
  readonly keywordPages: ListPage<KeywordEntry>[];
  readonly files: FileEntry[];
  readonly years: YearEntry[];
  readonly yearPages: ListPage<YearEntry>[];
  readonly citedBy: Map<string, string[]>;
  readonly newest: ArticleRecord[];
  /** Per article, up to five related articles (src/site/related.ts). */
  readonly related: Map<string, Related[]>;
  /** Per file-table row, the newer version of its file another article ships, if any. */
  readonly newer: Map<FileRow, NewerVersion>;
  private readonly codeOf: Map<string, string>;
  private readonly productBySlug: Map<string, ProductEntry>;

  constructor(articles: ArticleRecord[], options: SiteOptions) {
    this.prefix = options.prefix;
    this.siteUrl = (options.siteUrl ?? "").replace(/\/+$/, "");
    this.brand = options.brand ?? DEFAULT_BRAND;
    this.articles = [...articles].sort((a, b) => idNumber(a.id) - idNumber(b.id));
    this.byId = new Map(this.articles.map((a) => [a.id, a]));
    ({ products: this.products, codeOf: this.codeOf } = groupProducts(this.articles));
    this.productBySlug = new Map(this.products.map((p) => [p.slug, p]));
    this.productPages = this.products.flatMap((product) =>
      paginate(product, product.ids).map((p) => ({ ...p, product })),
    );
    this.keywords = groupKeywords(this.articles);
    this.keywordPages = this.keywords.flatMap((k) => paginate(k, k.ids));
    this.files = groupFiles(this.articles);
    this.years = groupYears(this.articles);
    this.yearPages = this.years.flatMap((y) => paginate(y, y.ids));
    this.citedBy = citations(this.articles, this.byId);
    this.related = relatedArticles(this.articles);
    this.newer = new Map();
    for (const file of this.files)
      newerVersions(file.uses, (id) => this.codeOf.get(id) ?? "", this.newer);
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
      this.keywordPages.length +
      this.files.length +
      this.yearPages.length +
      fixed
    );
  }

  /** The product an article is listed under (src/site/products.ts). */
  productOf(id: string): ProductEntry | undefined {
    return this.productBySlug.get(this.codeOf.get(id) ?? "");
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

function paginate<T>(of: T, ids: string[]): ListPage<T>[] {
  const pages = Math.max(1, Math.ceil(ids.length / PAGE_SIZE));
  return Array.from({ length: pages }, (_, i) => ({
    of,
    page: i + 1,
    pages,
    ids: ids.slice(i * PAGE_SIZE, (i + 1) * PAGE_SIZE),
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
      const entry = groups.get(key) ?? { slug: key, names: [], uses: [], newest: new Set() };
      if (!entry.names.includes(row.name)) entry.names.push(row.name);
      entry.uses.push({ id: article.id, row });
      groups.set(key, entry);
    }
  }
  for (const entry of groups.values()) {
    entry.uses.sort(newestFirst);
    entry.newest = newestPerPlatform(entry.uses);
  }
  return [...groups.values()].sort((a, b) => compare(a.slug, b.slug));
}

function groupYears(articles: ArticleRecord[]): YearEntry[] {
  const groups = new Map<string, ArticleRecord[]>();
  for (const article of articles) {
    const year = article.lastModified?.slice(0, 4);
    if (!year) continue;
    const list = groups.get(year) ?? [];
    list.push(article);
    groups.set(year, list);
  }
  // Within a year by date (articles are in id order, and the sort is stable).
  return [...groups.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([year, list]) => ({
      year,
      ids: list
        .sort((a, b) => compare(a.lastModified ?? "", b.lastModified ?? ""))
        .map((a) => a.id),
    }));
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

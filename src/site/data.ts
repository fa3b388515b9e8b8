/**
 * The site's data, derived once from the records: what the browse pages list (products,
 * keywords, files, years, each list in pages of 100: lists.ts), who cites whom, the newest
 * articles, and what an article page shows of the others (related articles, newer versions of its
 * files: related.ts, file-versions.ts, each one pass over the whole site). A class instance, not
 * a plain object, so Eleventy hands it to every page as it is instead of deep-copying it per page.
 */
import type { ArticleRecord, FileRow } from "../record.ts";
import { DEFAULT_BRAND, type Brand } from "./brand.ts";
import { fileMentions } from "./file-mentions.ts";
import { newerVersions, type NewerVersion } from "./file-versions.ts";
import {
  citations,
  groupFiles,
  groupKeywords,
  groupYears,
  paginate,
  type FileEntry,
  type KeywordEntry,
  type ListPage,
  type YearEntry,
} from "./lists.ts";
import { groupProducts, NOT_STATED, type ProductEntry } from "./products.ts";
import { relatedArticles, type Related } from "./related.ts";
import { slug, withPrefix } from "./urls.ts";

const NEWEST = 20;

export type { ProductEntry } from "./products.ts";
export type { FileUse } from "./file-versions.ts";
export type { FileEntry, KeywordEntry, ListPage, YearEntry } from "./lists.ts";
export { PAGE_SIZE } from "./lists.ts";

export interface ProductPage extends ListPage<ProductEntry> {
  product: ProductEntry;
}

export interface SiteOptions {
  /** "/" or "/kb-archive/". */
  prefix: string;
  /** "https://kb.example.com" when known: makes canonical and og:url absolute. */
  siteUrl?: string;
  /** The site's name, description, logo, links and language (default: kbsite's own). */
  brand?: Brand;
}

/**
 * What every page shows alike and the manifest's build version covers (buildVersion): the prefix,
 * the site URL, the brand. A template's view reads only this of the site; the rest of what a page
 * shows is its model's, which its key hashes.
 */
export type SiteShared = Pick<SiteData, "prefix" | "siteUrl" | "brand" | "url" | "absoluteUrl">;

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
  /** Per file slug, the articles whose text names the file but whose table does not list it. */
  readonly mentions: Map<string, string[]>;
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
    this.mentions = fileMentions(this.articles, this.files);
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

  /** A product code's name as the site lists it ("winnt" → "Microsoft Windows NT"), if it has one. */
  productName(code: string): string | undefined {
    const entry = this.productBySlug.get(slug(code));
    return entry && entry.code !== NOT_STATED.code ? entry.name : undefined;
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

/**
 * Which product each article is listed under, and what each product is called. The source data
 * puts placeholders in the product field ("See article" for 3,349 articles, "DELETE ME", nothing):
 * those are never shown as products. Such an article takes the code its record carries (the
 * flat-text form's tag, merged in from the other copy), else the one its versions ("winnt:4.0")
 * or its keywords make unambiguous, else it is listed under "Product not stated". A code's name
 * is the most common real name among its articles; products are listed by name, A–Z.
 */
import type { ArticleRecord } from "../record.ts";
import { slug } from "./urls.ts";

export interface ProductEntry {
  code: string;
  slug: string;
  /** The most common product name among its articles, e.g. "Microsoft Windows NT". */
  name: string;
  ids: string[];
}

/** The group of the articles no field names a product for; listed last. */
export const NOT_STATED = { code: "not-stated", name: "Product not stated" } as const;

const PLACEHOLDER = /^\s*(see articles?|delete me|none|n\/?a|unknown|other|-*)\s*$/i;

/** Whether a product field's value names a product ("See article" does not). */
export function isProductName(name: string): boolean {
  return !PLACEHOLDER.test(name);
}

// A keyword names a product when nearly all the articles with a code that carry it share one.
const KEYWORD_SHARE = 0.9;
const KEYWORD_MIN = 3;

/** The code of each article (by id) and the products, A–Z by name, "Product not stated" last. */
export function groupProducts(articles: readonly ArticleRecord[]): {
  products: ProductEntry[];
  codeOf: Map<string, string>;
} {
  const stated = (a: ArticleRecord) =>
    a.productCode ?? a.products.filter(isProductName).map(slug)[0];
  const byKeyword = keywordCodes(articles, stated);
  const codeOf = new Map<string, string>();
  type Group = { code: string; ids: string[]; names: Map<string, number> };
  const groups = new Map<string, Group>();
  for (const article of articles) {
    const code = stated(article) ?? inferred(article, byKeyword) ?? NOT_STATED.code;
    const key = slug(code);
    codeOf.set(article.id, key);
    const group: Group = groups.get(key) ?? { code, ids: [], names: new Map() };
    group.ids.push(article.id);
    for (const name of article.products.filter(isProductName))
      group.names.set(name, (group.names.get(name) ?? 0) + 1);
    groups.set(key, group);
  }
  const products = [...groups.entries()].map(([key, g]) => ({
    code: g.code,
    slug: key,
    name: key === NOT_STATED.code ? NOT_STATED.name : (mostCommon(g.names) ?? g.code),
    ids: g.ids,
  }));
  const last = (p: ProductEntry) => (p.slug === NOT_STATED.code ? 1 : 0);
  products.sort(
    (a, b) =>
      last(a) - last(b) ||
      compare(a.name.toLowerCase(), b.name.toLowerCase()) ||
      compare(a.slug, b.slug),
  );
  return { products, codeOf };
}

/** The one code an article's versions ("winnt:4.0") and product keywords point to, if one. */
function inferred(article: ArticleRecord, byKeyword: Map<string, string>): string | undefined {
  const codes = new Set<string>();
  for (const version of article.versions) {
    const code = /^([a-z][a-z0-9]*):/i.exec(version)?.[1];
    if (code) codes.add(code.toLowerCase());
  }
  for (const keyword of article.keywords) {
    const code = byKeyword.get(keyword.toLowerCase());
    if (code) codes.add(code);
  }
  return codes.size === 1 ? [...codes][0] : undefined;
}

/** Keyword (lower case) → the code nearly every article with a code that carries it has. */
function keywordCodes(
  articles: readonly ArticleRecord[],
  stated: (a: ArticleRecord) => string | undefined,
): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const article of articles) {
    const code = stated(article);
    if (!code) continue;
    for (const keyword of new Set(article.keywords.map((k) => k.toLowerCase()))) {
      const byCode = counts.get(keyword) ?? new Map<string, number>();
      byCode.set(code, (byCode.get(code) ?? 0) + 1);
      counts.set(keyword, byCode);
    }
  }
  const codes = new Map<string, string>();
  for (const [keyword, byCode] of counts) {
    const total = [...byCode.values()].reduce((a, b) => a + b, 0);
    const best = mostCommon(byCode);
    if (best && total >= KEYWORD_MIN && byCode.get(best)! >= total * KEYWORD_SHARE)
      codes.set(keyword, best);
  }
  return codes;
}

export function mostCommon(counts: Map<string, number>): string | undefined {
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
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * What the search index holds for an article: a Pagefind custom record made from the record
 * itself, not from the rendered page, so indexing needs no HTML and can run while the pages are
 * written. The text is kept small, as Pagefind's cost grows with it (measured on the corpus:
 * ~1.45 CPU-s per MB of text plus ~0.2 ms per record): the id, title, keywords, file names, the
 * section headings, and the first INDEXED_CHARS characters of the article's own text, without the
 * support and legal boilerplate every article repeats.
 */
import type { ArticleRecord } from "../record.ts";
import { flatten } from "../site/article-text.ts";
import { articlePath } from "../site/urls.ts";
import { BOILERPLATE } from "../../layouts/search/words.js";

/** Support-contact and warranty boilerplate: one rule for both indexes and the excerpts. */
export { BOILERPLATE } from "../../layouts/search/words.js";

/** Characters of section text indexed per article: most articles say what they are about here. */
export const INDEXED_CHARS = 400;

/** Pagefind's `addCustomRecord` argument. */
export interface SearchRecord {
  url: string;
  content: string;
  language: "en";
  /** `delta: "1"` marks an entry of the delta bundle of an incremental build. */
  meta: { id: string; title: string; delta?: "1" };
  filters: { product: string[]; year: string[] };
}

/** The article's own text, paragraph by paragraph, boilerplate left out, cut at `max` characters. */
export function indexedText(article: ArticleRecord, max = INDEXED_CHARS): string {
  const parts: string[] = [];
  let budget = max;
  for (const section of article.sections) {
    parts.push(section.heading);
    for (const block of paragraphs(section.text)) {
      if (budget <= 0) break;
      if (BOILERPLATE.test(block)) continue;
      // One character past the budget says whether the block is cut, and where (at a space).
      const text = flatten(block, budget + 1);
      parts.push(
        text.length > budget ? text.slice(0, text.lastIndexOf(" ", budget) + 1 || budget) : text,
      );
      budget -= text.length;
    }
  }
  return parts.join("\n");
}

/** `text.split(/\n\s*\n/)` one block at a time, so a 20 MB text is not split past the budget. */
function* paragraphs(text: string): Generator<string> {
  let at = 0;
  for (const match of text.matchAll(/\n\s*\n/g)) {
    yield text.slice(at, match.index);
    at = match.index + match[0].length;
  }
  yield text.slice(at);
}

export function searchRecord(article: ArticleRecord): SearchRecord {
  const files = [...new Set(article.files.map((f) => f.name))];
  return {
    url: articlePath(article.id),
    content: [
      `${article.id}: ${article.title}`,
      article.keywords.join(" "),
      files.join(" "),
      indexedText(article),
    ].join("\n"),
    language: "en",
    meta: { id: article.id, title: article.title },
    filters: searchFilters(article),
  };
}

/** The values of the search form's filters an article has: Pagefind's and the word index's. */
export function searchFilters(article: ArticleRecord): SearchRecord["filters"] {
  return {
    product: [...new Set(article.products)],
    year: article.lastModified ? [article.lastModified.slice(0, 4)] : [],
  };
}

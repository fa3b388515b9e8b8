/**
 * What the search index holds for an article: a Pagefind custom record made from the record
 * itself, not from the rendered page, so indexing needs no HTML and can run while the pages are
 * written. The text is kept small, as Pagefind's cost grows with it (measured on the corpus:
 * ~1.45 CPU-s per MB of text plus ~0.2 ms per record): the id, title, keywords, file names, the
 * section headings, and the first INDEXED_CHARS characters of the article's own text, without the
 * support and legal boilerplate every article repeats.
 */
import type { ArticleRecord } from "../record.ts";
import { BOILERPLATE } from "../site/article-text.ts";
import { articlePath } from "../site/urls.ts";

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
    for (const block of section.text.split(/\n\s*\n/)) {
      if (budget <= 0) break;
      if (BOILERPLATE.test(block)) continue;
      const text = block.replace(/\s+/g, " ").trim();
      parts.push(
        text.length > budget ? text.slice(0, text.lastIndexOf(" ", budget) + 1 || budget) : text,
      );
      budget -= text.length;
    }
  }
  return parts.join("\n");
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
    filters: {
      product: [...new Set(article.products)],
      year: article.lastModified ? [article.lastModified.slice(0, 4)] : [],
    },
  };
}

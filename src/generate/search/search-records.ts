/**
 * What the two search indexes hold for an article, made from the record itself, not from the
 * rendered page, so indexing needs no HTML and can run while the pages are written.
 *
 * The word index (word-index.ts) answers words: it gets the id, title, keywords, file names and
 * every section, heading and text, without the support and legal boilerplate every article
 * repeats. Pagefind answers what the word index cannot, a part of a word ("cocreatei", "rpcs"),
 * which people type for names: it gets the id, title, keywords and file names alone. Pagefind's
 * cost grows with the text (on the corpus, the start of the text alone doubled its CPU time, ~40
 * of the 60k build's ~165 CPU-s) and it was the build's critical path.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ArticleRecord } from "../../record.ts";
import type { OutDir } from "../write/out-dir.ts";
import { articlePath } from "../../site/urls.ts";
import { BOILERPLATE } from "../../words/index.ts";

/** Pagefind's `addCustomRecord` argument. */
export interface SearchRecord {
  url: string;
  content: string;
  language: "en";
  /**
   * Shown with a result (the start of the text comes from the article's record: a summary here
   * made Pagefind's work a third dearer). `delta: "1"` marks an entry of the delta bundle of an
   * incremental build.
   */
  meta: { id: string; title: string; delta?: "1" };
  filters: { product: string[]; year: string[] };
}

/** What the word index holds for an article. */
export interface WordRecord {
  id: string;
  title: string;
  /** The names (as Pagefind has them) and the article's own text, boilerplate left out. */
  text: string;
}

/**
 * The article's own text, section by section, boilerplate paragraphs left out, then its
 * "Additional query words" (a record of an older build has none).
 */
export function indexedText(article: ArticleRecord): string {
  const parts: string[] = [];
  for (const section of article.sections) {
    parts.push(section.heading);
    if (!BOILERPLATE.test(section.text)) parts.push(section.text);
    else
      for (const block of paragraphs(section.text)) if (!BOILERPLATE.test(block)) parts.push(block);
  }
  if (article.queryWords) parts.push(article.queryWords);
  return parts.join("\n");
}

/** `text.split(/\n\s*\n/)` one block at a time. */
function* paragraphs(text: string): Generator<string> {
  let at = 0;
  for (const match of text.matchAll(/\n\s*\n/g)) {
    yield text.slice(at, match.index);
    at = match.index + match[0].length;
  }
  yield text.slice(at);
}

/** The article's names, one kind a line: "Q265433: title", keywords, file names. */
function names(article: ArticleRecord): string {
  const files = [...new Set(article.files.map((f) => f.name))];
  return [`${article.id}: ${article.title}`, article.keywords.join(" "), files.join(" ")].join(
    "\n",
  );
}

export function searchRecord(article: ArticleRecord): SearchRecord {
  return {
    url: articlePath(article.id),
    content: names(article),
    language: "en",
    meta: { id: article.id, title: article.title },
    filters: searchFilters(article),
  };
}

export function wordRecord(article: ArticleRecord): WordRecord {
  return {
    id: article.id,
    title: article.title,
    text: `${names(article)}\n${indexedText(article)}`,
  };
}

/** The values of the search form's filters an article has: Pagefind's and the word index's. */
export function searchFilters(article: ArticleRecord): SearchRecord["filters"] {
  return {
    product: [...new Set(article.products)],
    year: article.lastModified ? [article.lastModified.slice(0, 4)] : [],
  };
}

/** The word records of the last build's articles `ids`, from their index.json; null if one is gone. */
export function oldWordRecords(out: OutDir, ids: readonly string[]): WordRecord[] | null {
  const records: WordRecord[] = [];
  for (const id of ids) {
    try {
      const record = JSON.parse(
        readFileSync(join(out.root, articlePath(id), "index.json"), "utf8"),
      );
      records.push(wordRecord(record as ArticleRecord));
    } catch {
      return null;
    }
  }
  return records;
}

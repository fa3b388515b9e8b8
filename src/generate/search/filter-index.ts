/**
 * The search form's filters (product, year) for the word index: each value's articles, as the
 * search page intersects them with the words' results (src/words/index.ts has the format).
 * Made from every article on every build (~60 small files at 60k articles, a few hundred ms);
 * OutDir.update leaves the files whose bytes are the same.
 */
import { FILTERS, encodeIds, filterPath } from "../../words/index.ts";
import type { ArticleRecord } from "../../record.ts";
import type { OutDir } from "../write/out-dir.ts";
import { searchFilters } from "./search-records.ts";

/** Writes every filter value's file; returns how many files there are. */
export function writeFilterIndex(out: OutDir, articles: readonly ArticleRecord[]): number {
  // Filter → value → id numbers first: the value's path (a slug) is made once, not per article.
  const lists = new Map(FILTERS.map((name) => [name, new Map<string, number[]>()]));
  for (const article of articles) {
    const number = Number(article.id.slice(1));
    const filters = searchFilters(article);
    for (const [name, values] of lists) {
      for (const value of filters[name]) {
        const ids = values.get(value);
        if (ids) ids.push(number);
        else values.set(value, [number]);
      }
    }
  }
  // File → its values: values whose slugs collide share a file.
  const files = new Map<string, [string, number[]][]>();
  for (const [name, values] of lists) {
    for (const entry of values) {
      const path = `/${filterPath(name, entry[0])}`;
      files.set(path, [...(files.get(path) ?? []), entry]);
    }
  }
  for (const [path, entries] of files) {
    const sorted = entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([value, ids]) => [value, encodeIds(ids.sort((a, b) => a - b))]);
    out.update(path, JSON.stringify(Object.fromEntries(sorted)) + "\n");
  }
  return files.size;
}

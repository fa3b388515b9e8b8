/**
 * The search form's filters (product, year) for the word index: each value's articles, as the
 * search page intersects them with the words' results (layouts/search/words.js has the format).
 * Made from every article on every build (~60 small files at 60k articles, a few hundred ms);
 * OutDir.update leaves the files whose bytes are the same.
 */
import { FILTERS, encodeIds, filterPath } from "../../layouts/search/words.js";
import type { ArticleRecord } from "../record.ts";
import type { OutDir } from "./out-dir.ts";
import { searchFilters } from "./search-records.ts";

/** Writes every filter value's file; returns how many files there are. */
export function writeFilterIndex(out: OutDir, articles: readonly ArticleRecord[]): number {
  // File → value → id numbers: values whose slugs collide share a file.
  const files = new Map<string, Map<string, number[]>>();
  for (const article of articles) {
    const number = Number(article.id.slice(1));
    const filters = searchFilters(article);
    for (const name of FILTERS) {
      for (const value of filters[name]) {
        const path = `/${filterPath(name, value)}`;
        const values = files.get(path) ?? new Map<string, number[]>();
        files.set(path, values);
        const ids = values.get(value);
        if (ids) ids.push(number);
        else values.set(value, [number]);
      }
    }
  }
  for (const [path, values] of files) {
    const entries = [...values]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([value, ids]) => [value, encodeIds(ids.sort((a, b) => a - b))]);
    out.update(path, JSON.stringify(Object.fromEntries(entries)) + "\n");
  }
  return files.size;
}

/**
 * The site's own word search, run in Node on a built site's files: the same code the search page
 * bundles (src/words/index.ts: findArticles, then the phrase check on the records of a
 * quoted query), reading the buckets and records from disk instead of fetching them. For the
 * recall test and the bench, which score it beside SQLite FTS5 on the same cases; it also sums
 * the bytes the page would fetch for them (the buckets, and the first screen's records).
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { findArticles, holdsPhrases, termFile } from "../src/words/index.ts";
import { articlePath } from "../src/site/urls.ts";

/** Records the page asks for with its first results (layouts/assets/search-start.js FIRST). */
const FIRST = 6;

export interface LocalAnswer {
  /** The first `k` ids, as the page lists them. */
  ids: string[];
  /** Bytes of the buckets and the first screen's records. */
  bytes: number;
  /** How many articles the page says match. */
  count: number;
}

const readJson = (path: string): unknown => {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
};
const sizeOf = (path: string) => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

/** A search of `site` in Node: the page's results for a query, and what they cost. */
export function localSearch(site: string, k = 10): (query: string) => Promise<LocalAnswer> {
  return async (query) => {
    const read = new Set<string>();
    const bucket = async (key: string) => {
      const path = join(site, termFile(key));
      read.add(path);
      return readJson(path) as Record<string, string> | null;
    };
    const { query: parsed, ranked } = await findArticles(query, bucket);
    const records = new Map<string, string>();
    const record = (id: string) => {
      const path = join(site, articlePath(id), "index.json");
      records.set(id, path);
      return readJson(path) as Parameters<typeof holdsPhrases>[0] | null;
    };
    const ids: string[] = [];
    for (const { id } of ranked) {
      if (ids.length >= k) break;
      const found = record(id);
      if (found && !holdsPhrases(found, parsed.phrases)) continue;
      ids.push(id);
    }
    let bytes = 0;
    for (const path of read) bytes += sizeOf(path);
    for (const id of ranked.slice(0, FIRST).map((r) => r.id)) bytes += sizeOf(records.get(id)!);
    return { ids, bytes, count: ranked.length };
  };
}

/**
 * Which search bundles a build (re)makes. A first build, or one after a code change, indexes
 * every article into the SHARDS full shards. A rebuild indexes only the articles whose search
 * record changed, into a small delta bundle (with those since the last full build), and lists the
 * changed and removed ids as hidden: the search page drops their full-shard entries. Past
 * DELTA_LIMIT the full shards are rebuilt.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { ArticleRecord } from "../../record.ts";
import { SEARCH_BUNDLE } from "../write/out-dir.ts";
import { DELTA_LIMIT, searchKey, type Manifest } from "./manifest.ts";
import { bundleOf, shardsOf } from "../search/pagefind-bundles.ts";
import { searchRecord, wordRecord, type SearchRecord } from "../search/search-records.ts";
import type { WordIndexJob } from "../search/word-index.ts";

export const DELTA_BUNDLE = "pagefind/delta";

export interface SearchPlan {
  jobs: { bundle: string; records: SearchRecord[] }[];
  /** pagefind/shards.json: the bundles to merge besides /pagefind/, and the hidden ids. */
  shards: { bundles: string[]; hidden: string[] };
  /** The word index's work: every record, or this build's changes (word-index.ts). */
  words: WordIndexJob;
  /** The search part of the next manifest. */
  manifest: Pick<Manifest, "search" | "bundles" | "delta" | "hidden">;
}

/** The bundles besides /pagefind/ of a build into `shards` shards. */
const fullBundles = (shards: number) =>
  Array.from({ length: shards - 1 }, (_, i) => `${bundleOf(i + 1)}/`);

/**
 * `keyOf` is an article's search key for the manifest (default: a hash of its search record); the
 * build passes its record's key (record-key.ts), already known, as an unchanged record has an
 * unchanged search record: making and hashing 60k search records cost ~3 s per rebuild.
 */
export function planSearch(
  articles: readonly ArticleRecord[],
  previous?: Manifest,
  minPerShard?: number,
  keyOf: (article: ArticleRecord) => string = (article) => searchKey(searchRecord(article)),
): SearchPlan {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const search: Record<string, string> = {};
  for (const article of articles) search[article.id] = keyOf(article);
  if (previous) {
    const changed = Object.keys(search).filter((id) => search[id] !== previous.search[id]);
    const removed = Object.keys(previous.search).filter((id) => !byId.has(id));
    const delta = [...new Set([...previous.delta, ...changed])].filter((id) => byId.has(id));
    const hidden = [...new Set([...previous.hidden, ...changed, ...removed])];
    if (delta.length + hidden.length <= DELTA_LIMIT) {
      const deltaRecords = delta.map((id) => {
        const record = searchRecord(byId.get(id)!);
        return { ...record, meta: { ...record.meta, delta: "1" as const } };
      });
      const rebuild = changed.length + removed.length > 0 && delta.length > 0;
      return {
        jobs: rebuild ? [{ bundle: DELTA_BUNDLE, records: deltaRecords }] : [],
        shards: {
          bundles: [...previous.bundles, ...(delta.length ? [`${DELTA_BUNDLE}/`] : [])],
          hidden,
        },
        words: {
          full: false,
          records: changed.map((id) => wordRecord(byId.get(id)!)),
          drop: [...changed, ...removed],
        },
        manifest: { search, bundles: previous.bundles, delta, hidden },
      };
    }
  }
  const shards = shardsOf(articles.map(searchRecord), minPerShard);
  const bundles = fullBundles(shards.length);
  return {
    jobs: shards.map((shard, k) => ({ bundle: bundleOf(k), records: shard })),
    shards: { bundles, hidden: [] },
    words: { full: true },
    manifest: { search, bundles, delta: [], hidden: [] },
  };
}

/** Whether no file of the search bundles is empty. */
export function bundleWhole(root: string): boolean {
  const dir = join(root, SEARCH_BUNDLE);
  try {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
      if (entry.isFile() && statSync(join(entry.parentPath, entry.name)).size === 0) return false;
  } catch {
    return false; // no bundle: index everything
  }
  return true;
}

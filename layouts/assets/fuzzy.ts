// Typo tolerance in the browser: the search page (search-start.js) and the suggestions
// (suggest.ts) import this file only when a word matches nothing, so a query without a slip never
// loads it. The rules and the vocabulary's files are src/words/fuzzy.ts's.
import type { Found } from "../../src/words/engine.ts";
import { withCorrection, type Corrected } from "../../src/words/correct.ts";
import {
  bucketsToSearch,
  FUZZY_FILES,
  fuzzyPath,
  nearWords,
  type FuzzyBucket,
} from "../../src/words/fuzzy.ts";

const fetched = new Map<string, Promise<FuzzyBucket | null>>();
let fileCount: Promise<number | null> | undefined;

/** A vocabulary bucket's file, fetched once per page; null when it cannot be had. */
function loader(prefix: string): (bucket: number) => Promise<FuzzyBucket | null> {
  fileCount ??= fetch(prefix + FUZZY_FILES)
    .then((r) => (r.ok ? (r.json() as Promise<{ files: number }>) : null))
    .then((manifest) => manifest?.files ?? null)
    .catch(() => null);
  return async (bucket) => {
    const files = await fileCount!;
    if (!files) return null;
    const url = prefix + fuzzyPath(bucket, files);
    if (!fetched.has(url))
      fetched.set(
        url,
        fetch(url)
          .then((r) => (r.ok ? (r.json() as Promise<FuzzyBucket>) : null))
          .catch(() => null),
      );
    return fetched.get(url)!;
  };
}

/** `found` (the exact results of `text`), or its correction's (correct.ts withCorrection). */
export function corrected(
  prefix: string,
  text: string,
  found: Found,
  search: (text: string) => Promise<Found>,
): Promise<Corrected> {
  return withCorrection(text, found, search, loader(prefix));
}

/**
 * The archive's words closest to a typed one or whose start is (`starts`), as the articles spell
 * them, closest first.
 */
export async function nearest(prefix: string, typed: string, starts = false): Promise<string[]> {
  const load = loader(prefix);
  const buckets = await Promise.all([...bucketsToSearch(typed)].map(load));
  return nearWords(typed, buckets, starts).near.map((n) => n.word);
}

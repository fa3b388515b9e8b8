// Typo tolerance in the browser: the search page (search-start.js) and the suggestions
// (suggest.ts) import this file only when a word matches nothing, so a query without a slip never
// loads it. The rules and the vocabulary's files are src/words/fuzzy.ts's.
import { correctQuery, type Correction } from "../../src/words/correct.ts";
import { bucketsToSearch, fuzzyPath, nearWords, type FuzzyBucket } from "../../src/words/fuzzy.ts";

export type { Correction };

const fetched = new Map<string, Promise<FuzzyBucket | null>>();

/** A vocabulary file, fetched once per page; null when it cannot be had. */
function loader(prefix: string): (bucket: number) => Promise<FuzzyBucket | null> {
  return (bucket) => {
    const url = prefix + fuzzyPath(bucket);
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

/** The query searched instead of `text` (correct.ts correctQuery), or null. */
export function correct(
  prefix: string,
  text: string,
  missing: readonly string[],
  results: number,
): Promise<Correction | null> {
  return correctQuery(text, missing, results, loader(prefix));
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

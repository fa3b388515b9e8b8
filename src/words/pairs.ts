// The query's neighbouring words in an article (rank.ts ranks by them): whether two of them are
// neighbours there, told by the postings' neighbour hashes, or for two common words by their
// pair term's postings (tokens.ts pairTerm).
import { isCommonWord, type Postings } from "./postings.ts";
import { neighbourHash, pairTerm, type Run } from "./tokens.ts";

export type Lists = ReadonlyMap<string, Postings>;

/** Two neighbouring terms of the query, and the pair term's postings when both are common. */
export interface Pair {
  a: string;
  b: string;
  quoted: boolean;
  pair: Postings | null;
}

/** The index of `id` in the sorted `ids`, or -1. */
export function find(ids: readonly number[], id: number): number {
  let low = 0;
  let high = ids.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = ids[mid]!;
    if (at === id) return mid;
    if (at < id) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** The query's neighbouring terms, each with how to test them. */
export function pairsOf(runs: readonly Run[], lists: Lists): Pair[] {
  return runs.flatMap(({ terms, quoted }) =>
    terms.slice(1).map((b, i) => {
      const a = terms[i]!;
      const common = isCommonWord(a) && isCommonWord(b);
      return { a, b, quoted, pair: common ? (lists.get(pairTerm(a, b)) ?? null) : null };
    }),
  );
}

/**
 * Whether article `id` holds `a` right before `b`: true, false, or null when it cannot be told
 * (a term a found compound stands for, a list without neighbours, more neighbours than listed).
 */
export function neighbours(
  { a, b, pair }: Pair,
  id: number,
  lists: Lists,
  at: ReadonlyMap<string, number>,
): boolean | null {
  // Missing from a tiered pair's strong tier, it may be in the tail: not told.
  if (pair) return find(pair.ids, id) >= 0 ? true : pair.tiered ? null : false;
  const [ia, ib] = [at.get(a), at.get(b)];
  if (ia === undefined || ib === undefined) return null;
  const next = lists.get(a)?.next?.[ia];
  const prev = lists.get(b)?.prev?.[ib];
  if (next && !next.includes(neighbourHash(b))) return false;
  if (prev && !prev.includes(neighbourHash(a))) return false;
  return next || prev ? true : null;
}

// Ranking, the same in the browser and in the tests: the articles holding every term a query
// needs, by BM25 (the weights of postings.ts times each term's idf), those that hold each part of
// the query as a phrase first. Whether two neighbouring words of the query are neighbours in an
// article is told by the postings' neighbour hashes, or for two common words by their pair
// term's postings. A quoted part must be held as a phrase; a common pair held adds its own weight
// (adjacency counts unquoted). A tiered list (postings.ts) holds only its strong tier: rank then
// says whether its first TOP are sure to be the complete lists' first TOP (the bound every
// article the tails could add stays under the TOP-th score), else the tails must be read.
import { type Postings } from "./postings.ts";
import { find, neighbours, pairsOf, type Lists, type Pair } from "./pairs.ts";
import { type Run } from "./tokens.ts";

/** A ranked article: its id ("Q265433"), score, and whether it holds the query as a phrase. */
export interface Ranked {
  id: string;
  score: number;
  phrase: boolean;
}

/**
 * BM25's idf of a term held by `count` articles, against a nominal archive of 100,000 (the index
 * does not store the size, so a rebuild changes only the buckets it touches; within one query the
 * size barely moves the order).
 */
const idf = (count: number): number => {
  const size = Math.max(100_000, count);
  return Math.log(1 + (size - count + 0.5) / (count + 0.5));
};

/** Added to the score of an article holding every part of the query as a phrase. */
const PHRASE = 1000;

/** A held pair of common words counts as much as this share of a word. */
const ADJACENT = 0.5;

/** The results rank must be sure of from the strong tiers alone: a first page. */
export const TOP = 10;

/** The weight a tiered list's tail can reach: its strong tier's lowest; 0 for a whole list. */
const ceiling = (list: Postings): number =>
  list.tiered ? list.weights.reduce((low, w) => Math.min(low, w), Infinity) : 0;

const countOf = (list: Postings): number => list.total ?? list.ids.length;

/**
 * The articles holding every term of `terms`, best first, as { id: "Q265433", score, phrase }.
 * `lists` maps a term (and pair term) to its decoded postings (postings.ts); `runs` are the
 * query's parts (tokens.ts parseQuery). `phrase` says every pair of neighbours that could be
 * tested was, at least one, and held; a quoted part's must.
 */
export function rank(terms: readonly string[], lists: Lists, runs: readonly Run[] = []): Ranked[] {
  return rankTiers(terms, lists, runs).ranked;
}

/**
 * rank, and whether its first TOP are sure whatever the tiered lists' tails hold (`sure`; always
 * so without a tiered list). Held only by the strong tiers, `ranked` is not every article.
 * `loose`: an article of the whole lists missing from a strong tier is kept, weighing half the
 * tier's lowest there, for a caller that checks the words on its text (a quoted phrase).
 */
export function rankTiers(
  terms: readonly string[],
  lists: Lists,
  runs: readonly Run[] = [],
  loose = false,
): { ranked: Ranked[]; sure: boolean } {
  const needed: { term: string; list: Postings }[] = [];
  for (const term of terms) {
    const list = lists.get(term);
    if (!list || list.ids.length === 0) return { ranked: [], sure: true };
    needed.push({ term, list });
  }
  if (needed.length === 0) return { ranked: [], sure: true };
  // A whole list first: loose, the articles come from it.
  const tiered = (list: Postings) => (list.tiered ? 1 : 0);
  needed.sort((a, b) => tiered(a.list) - tiered(b.list) || a.list.ids.length - b.list.ids.length);
  const first = needed[0]!;
  const rest = needed.slice(1);
  const factors = needed.map(({ list }) => idf(countOf(list)));
  const pairs = pairsOf(runs, lists);
  const pairFactors = pairs.map(({ pair }) => (pair ? ADJACENT * idf(countOf(pair)) : 0));
  const results: { id: number; score: number; phrase: boolean }[] = [];
  const at = new Map<string, number>();
  for (let i = 0; i < first.list.ids.length; i++) {
    const id = first.list.ids[i]!;
    let score = factors[0]! * first.list.weights[i]!;
    at.set(first.term, i);
    let held = true;
    for (let k = 0; k < rest.length && held; k++) {
      const { term, list } = rest[k]!;
      const index = find(list.ids, id);
      if (index < 0 && loose && list.tiered)
        (at.delete(term), (score += (factors[k + 1]! * ceiling(list)) / 2));
      else if (index < 0) held = false;
      else (at.set(term, index), (score += factors[k + 1]! * list.weights[index]!));
    }
    if (!held) continue;
    let tested = 0;
    let phrase = true;
    let rejected = false;
    for (const [p, pair] of pairs.entries()) {
      const holds = neighbours(pair, id, lists, at);
      if (holds !== null) tested++;
      if (holds && pair.pair)
        score += pairFactors[p]! * pair.pair.weights[find(pair.pair.ids, id)]!;
      if (holds !== false) continue;
      phrase = false;
      if (pair.quoted) rejected = true;
    }
    if (rejected) continue;
    phrase &&= tested > 0;
    results.push({ id, score: score + (phrase ? PHRASE : 0), phrase });
  }
  results.sort((a, b) => b.score - a.score || a.id - b.id);
  const ranked = results.map(({ id, score, phrase }) => ({ id: `Q${id}`, score, phrase }));
  const lowest = needed.map(({ list }) => ceiling(list));
  if (!lowest.some((w) => w > 0)) return { ranked, sure: true };
  if (results.length < TOP) return { ranked, sure: false };
  const seen = new Set(results.map((r) => r.id));
  const most = bound(needed, factors, lowest, pairs, pairFactors, seen, lists);
  return { ranked, sure: results[TOP - 1]!.score >= most };
}

/**
 * The most an article not ranked (`seen`) can score once the tails are read: for each article
 * of a strong tier, and for one in none, its known weights, the tier's lowest where it is
 * missing from a tier (none where a whole list lacks it), its pairs likewise, and the phrase's
 * bonus unless one of its pairs is known not to hold.
 */
function bound(
  needed: readonly { term: string; list: Postings }[],
  factors: readonly number[],
  lowest: readonly number[],
  pairs: readonly Pair[],
  pairFactors: readonly number[],
  seen: ReadonlySet<number>,
  lists: Lists,
): number {
  const scoreOf = (id: number): number => {
    let score = 0;
    const at = new Map<string, number>();
    for (const [i, { term, list }] of needed.entries()) {
      const index = id < 0 ? -1 : find(list.ids, id);
      if (index >= 0) (at.set(term, index), (score += factors[i]! * list.weights[index]!));
      else if (lowest[i]! > 0) score += factors[i]! * lowest[i]!;
      else return -Infinity;
    }
    let phrase = pairs.length > 0;
    for (const [p, pair] of pairs.entries()) {
      if (!pair.pair) {
        phrase &&= id < 0 || neighbours(pair, id, lists, at) !== false;
        continue;
      }
      const index = id < 0 ? -1 : find(pair.pair.ids, id);
      if (index >= 0) score += pairFactors[p]! * pair.pair.weights[index]!;
      else if (pair.pair.tiered) score += pairFactors[p]! * ceiling(pair.pair);
      else phrase = false;
    }
    return score + (phrase ? PHRASE : 0);
  };
  let most = scoreOf(-1);
  for (const { list } of needed)
    for (const id of list.ids) if (!seen.has(id)) most = Math.max(most, scoreOf(id));
  return most;
}

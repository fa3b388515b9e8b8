// A query of words → the articles that hold them, best first: the search page runs it on the
// buckets it fetches, the tests and the bench on a built site's files. One round of requests
// for the query's terms (a compound, the words outside compounds, the pairs of neighbouring
// common words), a second only for the words of a compound the index lacks (it may be written
// apart in the articles).
import { decodePostings, isCommonWord, type Postings } from "./postings.ts";
import { rankTiers, type Ranked } from "./rank.ts";
import { pairTerm, parseQuery, type Query } from "./tokens.ts";

/** A bucket file's JSON: term → its postings' text. */
export type Bucket = Record<string, string>;

/**
 * What a query found: the query read, the articles ranked, and its words no article holds.
 * `rest`, when the strong tiers sufficed for the first results, reads the tails and resolves to
 * every article, `ranked` first in its order.
 */
export interface Found {
  query: Query;
  ranked: Ranked[];
  missing: string[];
  rest: (() => Promise<Ranked[]>) | null;
}

/** The postings of a term no article holds. */
const NONE: Postings = { ids: [], weights: [], neighbours: null, next: null, prev: null };

/**
 * `bucket(key)` resolves to the JSON of the file `key` is in (index.ts termFile: a term's bucket,
 * "~term" its tail's), or null if it cannot be had. Resolves to { query (parseQuery's), ranked
 * ([{ id, score, phrase }]), missing (the query's words no article holds), rest }. `complete`
 * (a filtered search) asks for every article at once. A quoted phrase reads every tail too: its
 * list is complete.
 */
export async function findArticles(
  text: string,
  bucket: (key: string) => Promise<Bucket | null>,
  { complete = false } = {},
): Promise<Found> {
  const query = parseQuery(text);
  const lists = new Map<string, Postings>();
  const load = (terms: string[]) =>
    Promise.all(
      terms
        .filter((term) => !lists.has(term))
        .map(async (term) => {
          lists.set(term, NONE);
          const postings = (await bucket(term))?.[term];
          lists.set(term, postings ? decodePostings(postings) : NONE);
        }),
    );
  const inCompounds = new Set(query.compounds.flatMap((c) => c.parts));
  const alone = query.words.filter((term) => !inCompounds.has(term));
  const pairs = query.runs.flatMap(({ terms }) =>
    terms
      .slice(1)
      .flatMap((b, i) =>
        isCommonWord(terms[i]!) && isCommonWord(b) ? [pairTerm(terms[i]!, b)] : [],
      ),
  );
  await load([...query.compounds.map((c) => c.term), ...alone, ...pairs]);
  const found = query.compounds.filter((c) => lists.get(c.term)!.ids.length > 0);
  const covered = new Set(found.flatMap((c) => c.parts));
  const parts = query.words.filter((term) => !covered.has(term));
  await load(parts);
  const terms = [...found.map((c) => c.term), ...parts];
  const missing = parts.filter((term) => lists.get(term)!.ids.length === 0);
  if (missing.length) return { query, ranked: [], missing, rest: null };
  const tails = async () => {
    const tiered = [...lists].filter(([, list]) => list.tiered);
    await Promise.all(
      tiered.map(async ([term, list]) => lists.set(term, await withTail(term, list))),
    );
  };
  const withTail = async (term: string, list: Postings): Promise<Postings> => {
    const tail = (await bucket(`~${term}`))?.[term];
    return tail ? merged(list, decodePostings(tail)) : { ...list, tiered: false };
  };
  // A quoted phrase with a word of a whole list: its articles, checked on their text by the
  // caller (excerpt.ts holdsPhrases), need no tail; of common words alone, every tail.
  const whole = terms.some((term) => !lists.get(term)!.tiered);
  if (query.phrases.length && whole && !complete)
    return { query, ranked: rankTiers(terms, lists, query.runs, true).ranked, missing, rest: null };
  if (complete || query.phrases.length) await tails();
  const first = rankTiers(terms, lists, query.runs);
  if (![...lists.values()].some((l) => l.tiered))
    return { query, ranked: first.ranked, missing, rest: null };
  if (!first.sure) {
    await tails();
    return { query, ranked: rankTiers(terms, lists, query.runs).ranked, missing, rest: null };
  }
  const rest = async () => {
    await tails();
    const all = rankTiers(terms, lists, query.runs).ranked;
    const shown = new Set(first.ranked.map((r) => r.id));
    return [...first.ranked, ...all.filter((r) => !shown.has(r.id))];
  };
  return { query, ranked: first.ranked, missing, rest };
}

/** A tiered list's strong tier and its tail as one list, in id order. */
function merged(top: Postings, tail: Postings): Postings {
  const order = [
    ...top.ids.map((id, i) => [id, top.weights[i]!]),
    ...tail.ids.map((id, i) => [id, tail.weights[i]!]),
  ];
  order.sort((a, b) => a[0]! - b[0]!);
  return {
    ...NONE,
    ids: order.map((p) => p[0]!),
    weights: order.map((p) => p[1]!),
    total: top.total,
  };
}

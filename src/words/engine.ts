// A query of words → the articles that hold them, best first: the search page runs it on the
// buckets it fetches, the tests and the bench on a built site's files. One round of requests
// for the query's terms (a compound, the words outside compounds, the pairs of neighbouring
// common words), a second only for the words of a compound the index lacks (it may be written
// apart in the articles).
import { decodePostings, isCommonWord, type Postings } from "./postings.ts";
import { rank, type Ranked } from "./rank.ts";
import { pairTerm, parseQuery, type Query } from "./tokens.ts";

/** A bucket file's JSON: term → its postings' text. */
export type Bucket = Record<string, string>;

/** What a query found: the query read, the articles ranked, and its words no article holds. */
export interface Found {
  query: Query;
  ranked: Ranked[];
  missing: string[];
}

/** The postings of a term no article holds. */
const NONE: Postings = { ids: [], weights: [], neighbours: null, next: null, prev: null };

/**
 * `bucket(term)` resolves to the JSON of the term's bucket (or null if it cannot be had).
 * Resolves to { query (parseQuery's), ranked ([{ id, score, phrase }]), missing (the query's
 * words no article holds) }.
 */
export async function findArticles(
  text: string,
  bucket: (term: string) => Promise<Bucket | null>,
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
  return { query, ranked: missing.length ? [] : rank(terms, lists, query.runs), missing };
}

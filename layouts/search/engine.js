// A query of words → the articles that hold them, best first: the search page runs it on the
// buckets it fetches, the tests and the bench on a built site's files. One round of requests
// for the query's terms (a compound, the words outside compounds, the pairs of neighbouring
// common words), a second only for the words of a compound the index lacks (it may be written
// apart in the articles).
import { decodePostings, isCommonWord } from "./postings.js";
import { rank } from "./rank.js";
import { pairTerm, parseQuery } from "./tokens.js";

/**
 * `bucket(term)` resolves to the JSON of the term's bucket (or null if it cannot be had).
 * Resolves to { query (parseQuery's), ranked ([{ id, score, phrase }]), missing (the query's
 * words no article holds) }.
 */
export async function findArticles(text, bucket) {
  const query = parseQuery(text);
  const lists = new Map();
  const load = (terms) =>
    Promise.all(
      terms
        .filter((term) => !lists.has(term))
        .map(async (term) => {
          lists.set(term, null);
          const postings = (await bucket(term))?.[term];
          lists.set(term, postings ? decodePostings(postings) : { ids: [], weights: [] });
        }),
    );
  const inCompounds = new Set(query.compounds.flatMap((c) => c.parts));
  const alone = query.words.filter((term) => !inCompounds.has(term));
  const pairs = query.runs.flatMap(({ terms }) =>
    terms
      .slice(1)
      .flatMap((b, i) =>
        isCommonWord(terms[i]) && isCommonWord(b) ? [pairTerm(terms[i], b)] : [],
      ),
  );
  await load([...query.compounds.map((c) => c.term), ...alone, ...pairs]);
  const found = query.compounds.filter((c) => lists.get(c.term).ids.length > 0);
  const covered = new Set(found.flatMap((c) => c.parts));
  const parts = query.words.filter((term) => !covered.has(term));
  await load(parts);
  const terms = [...found.map((c) => c.term), ...parts];
  const missing = parts.filter((term) => lists.get(term).ids.length === 0);
  return { query, ranked: missing.length ? [] : rank(terms, lists, query.runs), missing };
}

// The word index, as one import for the build (src/generate/search/word-index.ts) and the search
// page: its files, and the rules it is made and read by, each in a module of its own —
// tokens.ts (words → terms, buckets), postings.ts (the postings' text), rank.ts (which articles
// and in what order), excerpt.ts (what a result shows), engine.ts (a query → its results).
// Nothing here imports node: the page gets it bundled by esbuild (src/generate/write/scripts.ts).
//
// Files: /search/words/B.json for each bucket B of BUCKETS (tokens.ts bucketOf), a JSON object
// { term: postings } in code-unit order of the terms. Every word of every article's own text
// is in it (title, keywords, file names, section headings and text; the support boilerplate
// left out). The postings' form is in postings.ts.
//
// Filters: /search/filters/NAME/SLUG.json for each value of the search form's filters (product,
// year), a JSON object { value: ids }, the ids of the articles it applies to as gaps alone ("FCymjI"
// for Q5, Q7, Q265433). Values whose slugs collide share a file.
import { slug } from "../site/urls.ts";
import { bucketOf } from "./tokens.ts";

export { BOILERPLATE } from "./boilerplate.ts";
export {
  BUCKETS,
  MAX_WORD,
  STOP_WORDS,
  bucketOf,
  compoundsOf,
  eachToken,
  exactTermsOf,
  tokensOf,
  JOINER,
  MAX_COMPOUND,
  indexed,
  neighbourHash,
  pairTerm,
  parseQuery,
  termOf,
  wordsOf,
} from "./tokens.ts";
export {
  ANY,
  MAX_NEIGHBOURS,
  MAX_WEIGHT,
  decodePostings,
  encodePostings,
  isCommon,
  isCommonWord,
  neighbourCodes,
  neighbourCount,
  neighbourText,
  pushHash,
  splitTier,
  TIER,
} from "./postings.ts";
export { decodeIds, encodeIds } from "./digits.ts";
export type { NeighbourCodes, Postings } from "./postings.ts";
export type { Query, Run } from "./tokens.ts";
export { rank, type Ranked } from "./rank.ts";
export { holdsPhrases, passage, type Passage, type TextRecord } from "./excerpt.ts";
export { findArticles, type Bucket, type Found } from "./engine.ts";

/** The bucket file of bucket `bucket`, relative to the site prefix. */
export const wordBucketPath = (bucket: number): string => `search/words/${bucket}.json`;

/**
 * The tail file of bucket `bucket`: { term: postings } of the tails of its tiered common terms
 * (postings.ts), in the common form; only buckets holding a tiered term have one.
 */
export const wordTailPath = (bucket: number): string => `search/tails/${bucket}.json`;

/** The file a key of findArticles' `bucket` is in: a term's bucket, "~term" its tail's. */
export const termFile = (key: string): string =>
  key.startsWith("~") ? wordTailPath(bucketOf(key.slice(1))) : wordBucketPath(bucketOf(key));

/** The filters the search form offers, by their names in the address (?product=…&year=…). */
export const FILTERS: readonly ("product" | "year")[] = ["product", "year"];

/** The file of a filter's value, relative to the site prefix. */
export const filterPath = (name: string, value: string): string =>
  `search/filters/${name}/${slug(value)}.json`;

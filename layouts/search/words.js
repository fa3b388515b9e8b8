// The word index, as one import for the build (src/generate/search/word-index.ts) and the search page:
// its files, and the rules it is made and read by, each in a module of its own —
// tokens.js (words → terms, buckets), postings.js (the postings' text), rank.js (which articles
// and in what order), excerpt.js (what a result shows), engine.js (a query → its results).
// The page gets them bundled (esbuild: "stemmer" is an npm package), never as files.
//
// Files: /search/words/B.json for each bucket B of BUCKETS (tokens.js bucketOf), a JSON object
// { term: postings } in code-unit order of the terms. Every word of every article's own text
// is in it (title, keywords, file names, section headings and text; the support boilerplate
// left out). The postings' form is in postings.js.
//
// Filters: /search/filters/NAME/SLUG.json for each value of the search form's filters (product,
// year), a JSON object { value: ids }, the ids of the articles it applies to as gaps alone ("FCymjI"
// for Q5, Q7, Q265433). Values whose slugs collide share a file.
import { slug } from "../assets/kb.js";

export { BOILERPLATE } from "./boilerplate.js";
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
} from "./tokens.js";
export {
  ANY,
  MAX_NEIGHBOURS,
  MAX_WEIGHT,
  decodeIds,
  decodePostings,
  encodeIds,
  encodePostings,
  isCommon,
  isCommonWord,
  neighbourCodes,
  neighbourCount,
  neighbourText,
  pushHash,
} from "./postings.js";
export { rank } from "./rank.js";
export { holdsPhrases, passage } from "./excerpt.js";
export { findArticles } from "./engine.js";

/** The bucket file of bucket `bucket`, relative to the site prefix. */
export const wordBucketPath = (bucket) => `search/words/${bucket}.json`;

/** The filters the search form offers, by their names in the address (?product=…&year=…). */
export const FILTERS = ["product", "year"];

/** The file of a filter's value, relative to the site prefix. */
export const filterPath = (name, value) => `search/filters/${name}/${slug(value)}.json`;

// How text becomes terms, the same in the build (src/generate/search/word-index.ts) and in the
// browser (bundled into the search page), so a pasted message is cut exactly as the article was.
//
// A word is a run of letters and digits, lower-cased; its term is its Porter stem when it is
// all letters ("leaks", "leaking" → "leak"), else the word itself ("0x0000001e", "win32"). Words
// of one character and stop words ("the", "of") are not indexed: they are in nearly every
// article and say nothing of what it is about; a phrase skips over them, on both sides alike.
// A compound is words joined by "_" or "." with nothing between (RPC_S_OUT_OF_MEMORY,
// 4.0.1381.7, Ntmarta.dll): it is a term of its own besides its words, so an identifier, a
// version or a file name is found as written, not only as its parts. Backslashes and spaces
// separate words, so a registry path is a sequence of words, found whole or by its last parts.
import { stemmer } from "stemmer";

/** Words longer than this (hex dumps, base64 run together) are not indexed. */
export const MAX_WORD = 32;

/** Compounds longer than this are not indexed as a whole (their words still are). */
export const MAX_COMPOUND = 64;

/** Lucene's English stop words: left out of the index and of the words a result must hold. */
export const STOP_WORDS = new Set(
  "a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with".split(
    " ",
  ),
);

const WORD = /[\p{L}\p{N}]+/gu;
/** A word or a compound: one pass over a text finds both (the build's hot loop). */
const TOKEN = /[\p{L}\p{N}]+(?:[._][\p{L}\p{N}]+)*/gu;
/** A word written in camel case (GlobalLocked, InputMasks): an identifier, not prose. */
const CAMEL = /\b[A-Za-z0-9]*[a-z][A-Z][A-Za-z0-9]*/g;

/** What joins the words of a compound. */
export const JOINER = /[._]/;
const LETTERS = /^[a-z]{3,}$/;

/** The words of a text: runs of letters and digits, lower-cased. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Whether a lower-cased word is indexed: not a stop word, two characters or more, not overlong. */
export const indexed = (word: string): boolean =>
  word.length > 1 && word.length <= MAX_WORD && !STOP_WORDS.has(word);

/** A lower-cased word's term: "leaks", "leaking" → "leak"; words with digits stay as they are. */
export function termOf(word: string): string {
  return LETTERS.test(word) ? stemmer(word) : word;
}

/** The words and compounds of a text, lower-cased, in order ("rpcss.exe", "leaks"). */
export const tokensOf = (text: string): string[] => text.toLowerCase().match(TOKEN) ?? [];

/**
 * The words and compounds of a text, lower-cased, in order: `onWord(word)` for every word (the
 * words of a compound too), `onCompound(compound)` after a compound's words.
 */
export function eachToken(
  text: string,
  onWord: (word: string) => void,
  onCompound: (compound: string) => void,
): void {
  for (const token of tokensOf(text)) {
    if (!token.includes(".") && !token.includes("_")) {
      onWord(token);
      continue;
    }
    for (const word of token.split(JOINER)) onWord(word);
    if (token.length <= MAX_COMPOUND) onCompound(token);
  }
}

/** The compounds of a text, lower-cased: "rpc_s_out_of_memory", "4.0.1381.7", "ntmarta.dll". */
export function compoundsOf(text: string): string[] {
  const found: string[] = [];
  eachToken(
    text,
    () => {},
    (compound) => found.push(compound),
  );
  return found;
}

/**
 * The exact terms of a text: its camel-case words whose stem is another word ("globallocked",
 * stemmed "globallock"), as "=globallocked". An identifier is found as written, not drowned by
 * its more common relatives; a camel-case word whose stem is itself needs none.
 */
export function exactTermsOf(text: string): string[] {
  const found: string[] = [];
  for (const word of text.match(CAMEL) ?? []) {
    const lower = word.toLowerCase();
    if (lower.length <= MAX_WORD && termOf(lower) !== lower) found.push(`=${lower}`);
  }
  return found;
}

/** A part of a query (a quoted phrase or the text between) as its indexed terms, in order. */
export interface Run {
  terms: string[];
  quoted: boolean;
}

/** A query as parseQuery reads it. */
export interface Query {
  words: string[];
  compounds: { term: string; parts: string[] }[];
  runs: Run[];
  phrases: string[][];
}

/** Buckets of the word index: files of ~1–2 kB at 60k articles, so a rare word costs little. */
export const BUCKETS = 16384;

/** FNV-1a of the term's UTF-16 code units. */
function hashOf(term: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** The bucket a term is in: its hash mod BUCKETS. */
export const bucketOf = (term: string): number => hashOf(term) % BUCKETS;

/**
 * A term's 12-bit neighbour hash (two base64url digits), from its hash's bits above its
 * bucket's: a posting lists those of the terms next to its term (postings.ts), so a phrase's
 * neighbours are tested without positions, wrong once in ~4,000 per neighbour listed.
 */
export const neighbourHash = (term: string): number => Math.floor(hashOf(term) / BUCKETS) & 4095;

/**
 * The term of two neighbouring common terms (postings.ts isCommon), "window nt": common terms
 * carry no neighbours, so their pairs are terms of their own, found by a phrase of them.
 */
export const pairTerm = (a: string, b: string): string => `${a} ${b}`;

/**
 * A query, read as people paste it: `"…"` (straight or curly quotes) marks a phrase the results
 * must hold; an unquoted sentence ranks those that hold it as a phrase first. Returns
 * - `words`: the indexed terms a result must hold, in order, each once;
 * - `compounds`: each compound, and each exact term (exactTermsOf), with the terms of its words
 *   (held if it is);
 * - `runs`: each part of the query (a quoted phrase or the text between) as its indexed terms in
 *   order, with whether it is quoted: the pairs of neighbours a phrase is tested by;
 * - `phrases`: each quoted part as all its terms, stop words too, for the check on the text.
 */
export function parseQuery(query: string): Query {
  const words: string[] = [];
  const compounds: Query["compounds"] = [];
  const runs: Run[] = [];
  const phrases: string[][] = [];
  for (const match of query.matchAll(/["“”]([^"“”]*)["“”]?|[^"“”]+/g)) {
    const quoted = match[1] !== undefined;
    const text = match[1] ?? match[0];
    const terms = wordsOf(text).filter(indexed).map(termOf);
    if (terms.length === 0) continue;
    runs.push({ terms, quoted });
    if (quoted) phrases.push(wordsOf(text).map(termOf));
    for (const term of terms) if (!words.includes(term)) words.push(term);
    for (const compound of [...compoundsOf(text), ...exactTermsOf(text)]) {
      if (compounds.some((c) => c.term === compound)) continue;
      const parts = wordsOf(compound).filter(indexed).map(termOf);
      compounds.push({ term: compound, parts });
    }
  }
  return { words, compounds, runs, phrases };
}

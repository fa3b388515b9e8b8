// The word index: a small inverted index that answers a query of words in two rounds of requests,
// the query terms' buckets and then the first results' records (Pagefind needs five dependent
// rounds: on the 60k site its first results took 550–650 ms).
// The build (src/build/word-index.ts) and the search page share this file, so a word is cut and
// stemmed the same way on both sides. The page gets it bundled (esbuild: "stemmer" is an npm
// package), never as a file of its own.
//
// Files: /search/words/B.json for each bucket B (a term's bucket is its FNV-1a hash mod BUCKETS),
// a JSON object { term: postings }. A term is a word's Porter stem. Its postings are the articles
// whose search text (src/build/search-records.ts) holds it, in id order, each as the gap from the
// previous id's number, then its weight: BM25's term-frequency part, scaled to 1–63. Numbers are
// written in base64url digits, five bits of the gap per digit, low bits first, a digit ≥ 32
// saying that another follows; the weight is one digit. Q5 weighing 40, Q7 12 and Q265433 63 are
// "Fo" "CM" "ymjI_" (gaps 5, 2 and 265426), "FoCMymjI_".
//
// Filters: /search/filters/NAME/SLUG.json for each value of the search form's filters (product,
// year), a JSON object { value: ids }, the ids of the articles it applies to as gaps alone ("FCymjI"
// for Q5, Q7, Q265433). Values whose slugs collide share a file.
import { stemmer } from "stemmer";
import { slug } from "../assets/kb.js";

/** Buckets of the index: ~1,000 files, ~10 kB each at 60k articles. */
export const BUCKETS = 1024;

/** Words longer than this (hex dumps, paths run together) are not indexed. */
export const MAX_WORD = 32;

/** Support and warranty boilerplate: shown on the pages, left out of the index and the excerpts. */
export const BOILERPLATE =
  /Product Support Services|Microsoft Technical Support|CNTACTMS|In special cases, charges|A supported fix is now available|THE INFORMATION PROVIDED IN THE MICROSOFT KNOWLEDGE BASE/i;

/** The bucket file of bucket `bucket`, relative to the site prefix. */
export const wordBucketPath = (bucket) => `search/words/${bucket}.json`;

/** The words of a text: runs of letters and digits, lower-cased. */
export function wordsOf(text) {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A lower-cased word's term: "leaks", "leaking" → "leak"; words with digits stay as they are. */
export function termOf(word) {
  return /^[a-z]{3,}$/.test(word) ? stemmer(word) : word;
}

/** The distinct terms of a query, in order. */
export function queryTerms(query) {
  const words = wordsOf(query).filter((w) => w.length <= MAX_WORD);
  return [...new Set(words.map(termOf))];
}

/** FNV-1a of the term's UTF-16 code units, mod BUCKETS. */
export function bucketOf(term) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % BUCKETS;
}

const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const DIGIT_CODES = [...DIGITS].map((c) => c.charCodeAt(0));
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i++) VALUE[DIGITS.charCodeAt(i)] = i;

/** Weights run 1–63: one digit. */
export const MAX_WEIGHT = 63;

/** Numbers in id order → text: each the gap from the one before, with `step` numbers per id. */
function encodeGaps(numbers, step) {
  const codes = [];
  let previous = 0;
  for (let i = 0; i < numbers.length; i += step) {
    let gap = numbers[i] - previous;
    previous = numbers[i];
    while (gap >= 32) {
      codes.push(DIGIT_CODES[32 | (gap & 31)]);
      gap = Math.floor(gap / 32);
    }
    codes.push(DIGIT_CODES[gap]);
    if (step === 2) codes.push(DIGIT_CODES[numbers[i + 1]]);
  }
  let text = "";
  for (let i = 0; i < codes.length; i += 8192)
    text += String.fromCharCode(...codes.slice(i, i + 8192));
  return text;
}

/** Text → numbers, the inverse of encodeGaps; throws on a character that is not a digit. */
function decodeGaps(text, step) {
  const numbers = [];
  let number = 0;
  let i = 0;
  while (i < text.length) {
    let gap = 0;
    let scale = 1;
    let digit;
    while ((digit = VALUE[text.charCodeAt(i++)] ?? -1) >= 32) {
      gap += (digit & 31) * scale;
      scale *= 32;
    }
    if (digit < 0) throw new Error(`postings: not a base64url digit at ${i - 1}`);
    number += gap + digit * scale;
    numbers.push(number);
    if (step === 1) continue;
    const weight = VALUE[text.charCodeAt(i++)] ?? -1;
    if (weight < 0) throw new Error(`postings: not a base64url digit at ${i - 1}`);
    numbers.push(weight);
  }
  return numbers;
}

/** Postings as numbers, id and weight in turn ([265433, 40, 297534, 12, …]) in id order → text. */
export const encodePostings = (postings) => encodeGaps(postings, 2);

/** Postings text → numbers, id and weight in turn; throws on a character that is not a digit. */
export const decodePostings = (text) => decodeGaps(text, 2);

/** Id numbers in order ([5, 7, 265433]) → a filter's text. */
export const encodeIds = (ids) => encodeGaps(ids, 1);

/** A filter's text → id numbers. */
export const decodeIds = (text) => decodeGaps(text, 1);

/** The filters the search form offers, by their names in the address (?product=…&year=…). */
export const FILTERS = ["product", "year"];

/** The file of a filter's value, relative to the site prefix. */
export const filterPath = (name, value) => `search/filters/${name}/${slug(value)}.json`;

/**
 * BM25's idf of a term held by `count` articles, against a nominal archive of 100,000 (the index
 * does not store the size, so a rebuild changes only the buckets it touches; within one query the
 * size barely moves the order).
 */
const idf = (count) => {
  const size = Math.max(100_000, count);
  return Math.log(1 + (size - count + 0.5) / (count + 0.5));
};

/**
 * The articles holding every term, best first (by the sum of idf × weight, then by id), as
 * { id: "Q265433", score }. `lists` holds each term's decoded postings.
 */
export function rank(lists) {
  if (lists.length === 0 || lists.some((list) => list.length === 0)) return [];
  const [first, ...rest] = [...lists].sort((a, b) => a.length - b.length);
  let scores = new Map();
  const factor = idf(first.length / 2);
  for (let i = 0; i < first.length; i += 2) scores.set(first[i], factor * first[i + 1]);
  for (const list of rest) {
    const factor = idf(list.length / 2);
    const next = new Map();
    for (let i = 0; i < list.length; i += 2) {
      const score = scores.get(list[i]);
      if (score !== undefined) next.set(list[i], score + factor * list[i + 1]);
    }
    scores = next;
  }
  return [...scores]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([n, score]) => ({ id: `Q${n}`, score }));
}

/**
 * A result's excerpt from its record's sections: about `size` words around the first word of the
 * text whose term is one of `terms` (boilerplate paragraphs skipped), else the text's first words.
 * Pieces [text, marked]: marked pieces are matching words. Empty for a record without text.
 */
export function excerpt(record, terms, size = 30) {
  const wanted = new Set(terms);
  const paragraphs = (record.sections ?? [])
    .flatMap((section) => String(section.text ?? "").split(/\n\s*\n/))
    .filter((p) => p.trim() !== "" && !BOILERPLATE.test(p));
  // Alternating separators and words: even indexes are the text between words.
  const split = (p) => p.replace(/\s+/g, " ").split(/([\p{L}\p{N}]+)/u);
  const hit = (word) => wanted.has(termOf(word.toLowerCase()));
  let parts = null;
  let at = 0;
  for (const paragraph of paragraphs) {
    const candidate = split(paragraph);
    const index = candidate.findIndex((part, i) => i % 2 === 1 && hit(part));
    if (index >= 0) {
      parts = candidate;
      at = index;
      break;
    }
  }
  if (!parts) {
    if (paragraphs.length === 0) return [];
    parts = split(paragraphs[0]);
    at = 1;
  }
  // Start a few words before the match (up to a third of the excerpt), and run on to `size` words.
  const start = Math.max(1, at - 2 * Math.min(6, Math.floor(size / 3)));
  const end = Math.min(parts.length, start + 2 * size - 1);
  const pieces = [];
  if (start > 1) pieces.push(["… ", false]);
  for (let i = start; i < end; i++) {
    const part = parts[i];
    if (i % 2 === 1 && hit(part)) pieces.push([part, true]);
    else if (part) pieces.push([part, false]);
  }
  if (end < parts.length - 1) pieces.push([" …", false]);
  else if (end === parts.length - 1 && parts[end].trim()) pieces.push([parts[end], false]);
  return pieces;
}

// The word index's postings as text, the same in the build and the browser. Numbers are written
// in base64url digits, five bits per digit, low bits first, a digit of 32 or more saying that
// another follows (a varint); ids as the gap from the previous id's number, in id order.
//
// A term's postings take one of two forms:
// - full: per article, the id gap, its weight (BM25's term-frequency part, 1–63, one digit),
//   then its neighbours: a digit whose low three bits count the distinct terms right after the
//   term in the article and high three those right before (7: more than MAX_NEIGHBOURS, not
//   listed), then their neighbour hashes (tokens.js), two digits each. A phrase's neighbours
//   are tested with them, without positions. Q5 weighing 40, "leak" after it, is "Fo" "B" "…".
// - common ("!" first): terms of COMMON_TERMS (common-terms.js), in most articles, and pairs of
//   them (tokens.js pairTerm): per article the id gap doubled, plus 1 when the term is strong in
//   it (weight ≥ STRONG): a digit or two per article, and no neighbours.
import { COMMON_TERMS } from "./common-terms.js";

const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const DIGIT_CODES = [...DIGITS].map((c) => c.charCodeAt(0));
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i++) VALUE[DIGITS.charCodeAt(i)] = i;

/** Weights run 1–63: one digit. */
export const MAX_WEIGHT = 63;

/** Neighbours listed per side at most; past it, any term counts as a neighbour. */
export const MAX_NEIGHBOURS = 6;
/** The count of a side with more neighbours than listed. */
export const ANY = 7;

/** A common term's weight in an article is told as strong (≥ STRONG) or weak, and read as these. */
export const STRONG = 32;
const STRONG_WEIGHT = 48;
const WEAK_WEIGHT = 16;

/** Whether a term's postings take the common form: a common term, or a pair of them. */
export const isCommon = (term) => COMMON_TERMS.has(term) || term.includes(" ");

/** Whether a term is one of the common terms, whose neighbours are pair terms. */
export const isCommonWord = (term) => COMMON_TERMS.has(term);

function pushVarint(codes, value) {
  while (value >= 32) {
    codes.push(DIGIT_CODES[32 | (value & 31)]);
    value = Math.floor(value / 32);
  }
  codes.push(DIGIT_CODES[value]);
}

function text(codes) {
  let out = "";
  for (let i = 0; i < codes.length; i += 8192)
    out += String.fromCharCode(...codes.slice(i, i + 8192));
  return out;
}

/** The count digit of a posting's neighbours: `next` and `prev` listed, or ANY for more. */
export const neighbourCount = (next, prev) => DIGIT_CODES[next | (prev << 3)];

/** A neighbour hash's two digits, pushed onto `codes`. */
export function pushHash(codes, hash) {
  codes.push(DIGIT_CODES[hash & 63], DIGIT_CODES[hash >> 6]);
}

/**
 * A posting's neighbours as text: the count digit and the hashes (`next`, `prev`: arrays of
 * neighbour hashes, or null for more than MAX_NEIGHBOURS).
 */
export function neighbourText(next, prev) {
  const codes = [neighbourCount(next?.length ?? ANY, prev?.length ?? ANY)];
  for (const hash of next ?? []) pushHash(codes, hash);
  for (const hash of prev ?? []) pushHash(codes, hash);
  return String.fromCharCode(...codes);
}

/**
 * Postings' neighbour texts as the encoder takes them: `codes`, every posting's digits in turn,
 * and `ends`, where each posting's end.
 */
export function neighbourCodes(texts) {
  const codes = [];
  const ends = [];
  for (const text of texts) {
    for (let k = 0; k < text.length; k++) codes.push(text.charCodeAt(k));
    ends.push(codes.length);
  }
  return { codes, ends };
}

/** A reader of varints and digits over `text` from `at`; throws on a character not a digit. */
function reader(text, at = 0) {
  const digit = () => {
    const value = VALUE[text.charCodeAt(at++)] ?? -1;
    if (value < 0) throw new Error(`postings: not a base64url digit at ${at - 1}`);
    return value;
  };
  return {
    at: () => at,
    more: () => at < text.length,
    digit,
    varint() {
      let value = 0;
      let scale = 1;
      let d;
      while ((d = digit()) >= 32) {
        value += (d & 31) * scale;
        scale *= 32;
      }
      return value + d * scale;
    },
  };
}

/**
 * A term's postings → its text. `ids` and `weights` per article in id order; `neighbours`, for
 * a term of the full form, their digits ({ codes, ends }: neighbourCodes).
 */
export function encodePostings(term, ids, weights, neighbours) {
  const codes = [];
  let previous = 0;
  const common = isCommon(term);
  if (common) codes.push(33); // "!"
  for (let i = 0; i < ids.length; i++) {
    const gap = ids[i] - previous;
    previous = ids[i];
    if (common) {
      pushVarint(codes, gap * 2 + (weights[i] >= STRONG ? 1 : 0));
      continue;
    }
    pushVarint(codes, gap);
    codes.push(DIGIT_CODES[weights[i]]);
    for (let k = i ? neighbours.ends[i - 1] : 0; k < neighbours.ends[i]; k++)
      codes.push(neighbours.codes[k]);
  }
  return text(codes);
}

/**
 * A term's text → { ids, weights, neighbours, next, prev } in id order: `neighbours` each
 * article's neighbourText (for a rebuild to keep as it is), `next` and `prev` its neighbour
 * hashes (null: any); the three null for the common form, whose weights are STRONG_WEIGHT or
 * WEAK_WEIGHT.
 */
export function decodePostings(text) {
  const common = text.charCodeAt(0) === 33;
  const read = reader(text, common ? 1 : 0);
  const ids = [];
  const weights = [];
  const neighbours = common ? null : [];
  const next = common ? null : [];
  const prev = common ? null : [];
  let id = 0;
  const hashes = (count) => {
    if (count === ANY) return null;
    const out = [];
    for (let k = 0; k < count; k++) out.push(read.digit() | (read.digit() << 6));
    return out;
  };
  while (read.more()) {
    if (common) {
      const value = read.varint();
      id += Math.floor(value / 2);
      ids.push(id);
      weights.push(value % 2 ? STRONG_WEIGHT : WEAK_WEIGHT);
      continue;
    }
    id += read.varint();
    ids.push(id);
    weights.push(read.digit());
    const start = read.at();
    const counts = read.digit();
    next.push(hashes(counts & 7));
    prev.push(hashes(counts >> 3));
    neighbours.push(text.slice(start, read.at()));
  }
  return { ids, weights, neighbours, next, prev };
}

/** Id numbers in order ([5, 7, 265433]) → a filter's text, gaps alone ("FCymjI"). */
export function encodeIds(ids) {
  const codes = [];
  let previous = 0;
  for (const id of ids) (pushVarint(codes, id - previous), (previous = id));
  return text(codes);
}

/** A filter's text → id numbers. */
export function decodeIds(text) {
  const read = reader(text);
  const ids = [];
  let id = 0;
  while (read.more()) ids.push((id += read.varint()));
  return ids;
}

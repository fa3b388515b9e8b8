// The word index's postings as text, the same in the build and the browser. Numbers are
// base64url varints (digits.ts); ids the gap from the previous id's number, in id order.
//
// A term's postings take one of two forms:
// - full: per article, the id gap, its weight (BM25's term-frequency part, 1–63, one digit),
//   then its neighbours: a digit whose low three bits count the distinct terms right after the
//   term in the article and high three those right before (7: more than MAX_NEIGHBOURS, not
//   listed), then their neighbour hashes (tokens.ts), two digits each. A phrase's neighbours
//   are tested with them, without positions. Q5 weighing 40, "leak" after it, is "Fo" "B" "…".
// - common ("!" first): terms of COMMON_TERMS (common-terms.ts), in most articles, and pairs of
//   them (tokens.ts pairTerm): per article the id gap doubled, plus 1 when the term is strong in
//   it (weight ≥ STRONG): a digit or two per article, and no neighbours.
import { COMMON_TERMS } from "./common-terms.ts";
import { DIGIT_CODES, pushVarint, reader, text } from "./digits.ts";

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
export const isCommon = (term: string): boolean => COMMON_TERMS.has(term) || term.includes(" ");

/** Whether a term is one of the common terms, whose neighbours are pair terms. */
export const isCommonWord = (term: string): boolean => COMMON_TERMS.has(term);

/** The count digit of a posting's neighbours: `next` and `prev` listed, or ANY for more. */
export const neighbourCount = (next: number, prev: number): number =>
  DIGIT_CODES[next | (prev << 3)]!;

/** A neighbour hash's two digits, pushed onto `codes`. */
export function pushHash(codes: number[], hash: number): void {
  codes.push(DIGIT_CODES[hash & 63]!, DIGIT_CODES[hash >> 6]!);
}

/**
 * A posting's neighbours as text: the count digit and the hashes (`next`, `prev`: arrays of
 * neighbour hashes, or null for more than MAX_NEIGHBOURS).
 */
export function neighbourText(
  next: readonly number[] | null,
  prev: readonly number[] | null,
): string {
  const codes = [neighbourCount(next?.length ?? ANY, prev?.length ?? ANY)];
  for (const hash of next ?? []) pushHash(codes, hash);
  for (const hash of prev ?? []) pushHash(codes, hash);
  return String.fromCharCode(...codes);
}

/**
 * Postings' neighbour texts as the encoder takes them: `codes`, every posting's digits in turn,
 * and `ends`, where each posting's end.
 */
export function neighbourCodes(texts: readonly string[]): NeighbourCodes {
  const codes: number[] = [];
  const ends: number[] = [];
  for (const text of texts) {
    for (let k = 0; k < text.length; k++) codes.push(text.charCodeAt(k));
    ends.push(codes.length);
  }
  return { codes, ends };
}

/** Postings' neighbours as the encoder takes them (neighbourCodes). */
export interface NeighbourCodes {
  codes: number[];
  ends: number[];
}

/** A term's decoded postings, in id order. */
export interface Postings {
  ids: number[];
  weights: number[];
  /** Each article's neighbourText, as stored; null for the common form. */
  neighbours: string[] | null;
  /** Each article's neighbour hashes after and before the term (null: any); null for the common form. */
  next: (number[] | null)[] | null;
  prev: (number[] | null)[] | null;
}

/**
 * A term's postings → its text. `ids` and `weights` per article in id order; `neighbours`, for
 * a term of the full form, their digits ({ codes, ends }: neighbourCodes).
 */
export function encodePostings(
  term: string,
  ids: readonly number[],
  weights: readonly number[],
  neighbours: NeighbourCodes | null,
): string {
  const codes: number[] = [];
  let previous = 0;
  const common = isCommon(term);
  if (common) codes.push(33); // "!"
  for (let i = 0; i < ids.length; i++) {
    const gap = ids[i]! - previous;
    previous = ids[i]!;
    if (common) {
      pushVarint(codes, gap * 2 + (weights[i]! >= STRONG ? 1 : 0));
      continue;
    }
    // A full-form term always comes with its neighbours (word-count.ts).
    const { codes: digits, ends } = neighbours!;
    pushVarint(codes, gap);
    codes.push(DIGIT_CODES[weights[i]!]!);
    for (let k = i ? ends[i - 1]! : 0; k < ends[i]!; k++) codes.push(digits[k]!);
  }
  return text(codes);
}

/**
 * A term's text → { ids, weights, neighbours, next, prev } in id order: `neighbours` each
 * article's neighbourText (for a rebuild to keep as it is), `next` and `prev` its neighbour
 * hashes (null: any); the three null for the common form, whose weights are STRONG_WEIGHT or
 * WEAK_WEIGHT.
 */
export function decodePostings(text: string): Postings {
  const common = text.charCodeAt(0) === 33;
  const read = reader(text, common ? 1 : 0);
  const ids: number[] = [];
  const weights: number[] = [];
  const neighbours: string[] | null = common ? null : [];
  const next: (number[] | null)[] | null = common ? null : [];
  const prev: (number[] | null)[] | null = common ? null : [];
  let id = 0;
  const hashes = (count: number) => {
    if (count === ANY) return null;
    const out: number[] = [];
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
    // The full form: the three lists are arrays.
    next!.push(hashes(counts & 7));
    prev!.push(hashes(counts >> 3));
    neighbours!.push(text.slice(start, read.at()));
  }
  return { ids, weights, neighbours, next, prev };
}

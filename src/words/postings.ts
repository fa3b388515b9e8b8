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
//   them (tokens.ts pairTerm): per article the id gap and its weight digit, no neighbours.
// - tiered ("~" first, then the count of articles holding the term): a common term held by more
//   than TIER articles keeps only its TIER strongest (highest weight, then lowest id) in its
//   bucket, in id order as the common form; the rest, every weight at most the tier's lowest, are
//   the common form under the same term in its bucket's tail file (index.ts wordTailPath). A
//   query reads the strong tier first and the tail only when its top results could change.
import { COMMON_TERMS } from "./common-terms.ts";
import { DIGIT_CODES, pushVarint, reader, text } from "./digits.ts";

/** Weights run 1–63: one digit. */
export const MAX_WEIGHT = 63;

/** Neighbours listed per side at most; past it, any term counts as a neighbour. */
export const MAX_NEIGHBOURS = 6;
/** The count of a side with more neighbours than listed. */
export const ANY = 7;

/** A common term's postings past this many are split: the strongest TIER, then the tail. */
export const TIER = 1500;

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
  /** Articles holding the term, tail too (a tiered list holds only its strong tier). */
  total?: number;
  /** A tiered list's tail is elsewhere, every weight there at most the tier's lowest. */
  tiered?: boolean;
}

/**
 * A common term's postings split in two when they are more than TIER: the TIER strongest
 * (highest weight, the lower id first among equals) and the rest, each in id order.
 */
export function splitTier(
  ids: readonly number[],
  weights: readonly number[],
): { top: [number[], number[]]; rest: [number[], number[]] } | null {
  if (ids.length <= TIER) return null;
  const order = ids.map((_, i) => i).sort((a, b) => weights[b]! - weights[a]! || ids[a]! - ids[b]!);
  const inTop = new Uint8Array(ids.length);
  for (const i of order.slice(0, TIER)) inTop[i] = 1;
  const top: [number[], number[]] = [[], []];
  const rest: [number[], number[]] = [[], []];
  for (let i = 0; i < ids.length; i++) {
    const into = inTop[i] ? top : rest;
    into[0].push(ids[i]!);
    into[1].push(weights[i]!);
  }
  return { top, rest };
}

/**
 * A term's postings → its text. `ids` and `weights` per article in id order; `neighbours`, for
 * a term of the full form, their digits ({ codes, ends }: neighbourCodes); `total`, for the
 * strong tier of a tiered common term, how many articles hold it.
 */
export function encodePostings(
  term: string,
  ids: readonly number[],
  weights: readonly number[],
  neighbours: NeighbourCodes | null,
  total?: number,
): string {
  const codes: number[] = [];
  let previous = 0;
  const common = isCommon(term);
  if (common && total !== undefined)
    (codes.push(126), pushVarint(codes, total)); // "~"
  else if (common) codes.push(33); // "!"
  for (let i = 0; i < ids.length; i++) {
    const gap = ids[i]! - previous;
    previous = ids[i]!;
    pushVarint(codes, gap);
    if (common) {
      codes.push(DIGIT_CODES[weights[i]!]!);
      continue;
    }
    // A full-form term always comes with its neighbours (word-count.ts).
    const { codes: digits, ends } = neighbours!;
    codes.push(DIGIT_CODES[weights[i]!]!);
    for (let k = i ? ends[i - 1]! : 0; k < ends[i]!; k++) codes.push(digits[k]!);
  }
  return text(codes);
}

/**
 * A term's text → { ids, weights, neighbours, next, prev } in id order: `neighbours` each
 * article's neighbourText (for a rebuild to keep as it is), `next` and `prev` its neighbour
 * hashes (null: any); the three null for the common form. A tiered list says so, with its total.
 */
export function decodePostings(text: string): Postings {
  const tiered = text.charCodeAt(0) === 126;
  const common = tiered || text.charCodeAt(0) === 33;
  const read = reader(text, common ? 1 : 0);
  const total = tiered ? read.varint() : undefined;
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
    id += read.varint();
    ids.push(id);
    weights.push(read.digit());
    if (common) continue;
    const start = read.at();
    const counts = read.digit();
    // The full form: the three lists are arrays.
    next!.push(hashes(counts & 7));
    prev!.push(hashes(counts >> 3));
    neighbours!.push(text.slice(start, read.at()));
  }
  if (tiered) return { ids, weights, neighbours, next, prev, total, tiered };
  return { ids, weights, neighbours, next, prev };
}

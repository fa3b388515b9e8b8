// A query's slips corrected (fuzzy.ts has the rules and the files): for the search page, the
// bench and the tests, given a way to read the vocabulary's files. Only words that match nothing,
// or that almost nothing holds while a close word is common, are corrected; ids, numbers, hex
// codes, file names and identifiers with "_" or "." stay exact.
import type { Found } from "./engine.ts";
import {
  bucketsToSearch,
  correctable,
  fuzzyBucketOf,
  nearWords,
  PREFIX,
  type FuzzyBucket,
} from "./fuzzy.ts";
import { termOf, tokensOf } from "./tokens.ts";

/** Fewer results than this and a query's rare words are checked for slips. */
export const FEW = 3;

/** Words a query may have at most for its rare words to be checked when it finds almost nothing. */
const SHORT = 2;

/** The vocabulary file a word itself is in: the one of its first PREFIX letters. */
const ownBucket = (word: string) => fuzzyBucketOf(word.toLowerCase().slice(0, PREFIX));

/** How many articles hold `word`, from its own file. */
function ownCount(word: string, bucket: FuzzyBucket | null): number {
  const lower = word.toLowerCase();
  for (const [w, n] of Object.entries(bucket ?? {})) if (w.toLowerCase() === lower) return n;
  return 0;
}

/** A word held by this many articles or fewer is rare: a slip, if a close word is commoner. */
const RARE = 2;

/** A rare word is corrected when its correction is held by this many times more articles. */
const COMMONER = 10;

/** Words as close as the best also searched, at most (a one-word correction only). */
const ALTERNATIVES = 2;

/**
 * A query's correction: the text searched instead, and each word's [typed, corrected]; for a
 * single corrected word, `others` are the texts with the other words as close as the best
 * ("eimport": import, then reimport), whose results are shown interleaved with its.
 */
export interface Correction {
  text: string;
  words: [typed: string, corrected: string][];
  others: string[];
}

/** The words of a query that may be corrected, in order, each once. */
export function correctableWords(text: string): string[] {
  const words = tokensOf(text).filter((t) => !/[._]/.test(t) && correctable(t));
  return [...new Set(words)];
}

/** `text` with every whole-word `from` (any case) replaced by `to`. */
function replaceWord(text: string, from: string, to: string): string {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${from}(?![\\p{L}\\p{N}])`, "giu");
  return text.replace(pattern, to);
}

/**
 * The correction of `text`, or null when it needs none or has none. `missing` are the terms the
 * exact search found no article for (engine.ts), `results` how many it ranked; `load(bucket)`
 * reads a vocabulary file (null when it cannot be had). Every missing term must be a word that
 * can be corrected and is, or the corrected query would still find nothing.
 */
export async function correctQuery(
  text: string,
  missing: readonly string[],
  results: number,
  load: (bucket: number) => Promise<FuzzyBucket | null>,
): Promise<Correction | null> {
  const words = correctableWords(text);
  const missingWords = words.filter((w) => missing.includes(termOf(w)));
  if (missingWords.length < new Set(missing).size) return null;
  // Almost nothing found: only a short query's words are checked (a pasted message held by one
  // article is no slip), and a word no rarer than RARE costs one file, its own.
  const short = tokensOf(text).length <= SHORT;
  const asked = missing.length ? missingWords : results < FEW && short ? words : [];
  if (asked.length === 0) return null;
  const files = new Map<number, Promise<FuzzyBucket | null>>();
  const read = (b: number) => (files.has(b) || files.set(b, load(b)), files.get(b)!);
  const found = await Promise.all(
    asked.map(async (word) => {
      if (!missingWords.includes(word) && ownCount(word, await read(ownBucket(word))) > RARE)
        return { word, own: Infinity, near: [] };
      const buckets = await Promise.all([...bucketsToSearch(word)].map(read));
      return { word, ...nearWords(word, buckets) };
    }),
  );
  const fixed: Correction["words"] = [];
  let corrected = text;
  let others: string[] = [];
  for (const { word, own, near } of found) {
    const best = near[0];
    const wanted =
      missingWords.includes(word) || (own <= RARE && best && best.articles >= COMMONER * own);
    if (!best || !wanted) {
      if (missingWords.includes(word)) return null;
      continue;
    }
    fixed.push([word, best.word]);
    others = near
      .slice(1, 1 + ALTERNATIVES)
      .filter((n) => n.edits === best.edits)
      .map((n) => replaceWord(text, word, n.word));
    corrected = replaceWord(corrected, word, best.word);
  }
  if (fixed.length !== 1) others = [];
  return fixed.length ? { text: corrected, words: fixed, others } : null;
}

/**
 * What a query found, corrected: `correction` says what was searched instead, when it was, and
 * `exact` how many of the results (the first) hold the words as typed.
 */
export type Corrected = Found & { correction?: Correction; exact?: number };

/**
 * The exact results `found` of `text`, or when a word matches nothing (or the query almost
 * nothing) those of its correction, below the exact ones. `search` is engine.ts's findArticles
 * on the same buckets (passed in, so the page's fuzzy.js does not carry a copy of it).
 */
export async function withCorrection(
  text: string,
  found: Found,
  search: (text: string) => Promise<Found>,
  load: (bucket: number) => Promise<FuzzyBucket | null>,
): Promise<Corrected> {
  if (!found.missing.length && found.ranked.length >= FEW) return found;
  const correction = await correctQuery(text, found.missing, found.ranked.length, load);
  if (!correction) return found;
  const [again, ...others] = await Promise.all([correction.text, ...correction.others].map(search));
  if (again!.missing.length || !again!.ranked.length) return found;
  const held = new Set(found.ranked.map((r) => r.id));
  const lists = [again!, ...others.filter((o) => !o.missing.length)].map((o) => o.ranked);
  const ranked = [...found.ranked];
  // Round robin: the best correction's first, then each other's first, and so on.
  for (let i = 0; lists.some((list) => i < list.length); i++)
    for (const list of lists) {
      const hit = list[i];
      if (hit && !held.has(hit.id)) (held.add(hit.id), ranked.push(hit));
    }
  return { ...again!, ranked, correction, exact: found.ranked.length };
}

/**
 * Counting the word index's postings from the articles' word records: every indexed word's
 * weight in each article, and its neighbours there (src/words/postings.ts has the form);
 * compounds, camel-case words as written, and the pairs of neighbouring common words as terms
 * of their own (terms.ts holds them). word-index.ts writes what this counts.
 */
import {
  ANY,
  JOINER,
  MAX_COMPOUND,
  MAX_NEIGHBOURS,
  MAX_WEIGHT,
  exactTermsOf,
  neighbourCount,
  pushHash,
  tokensOf,
  wordsOf,
} from "../../words/index.ts";
import type { WordRecord } from "./search-records.ts";
import type { Term, Terms } from "./terms.ts";

/** BM25's parameters, the usual ones. */
const K1 = 1.2;
const B = 0.75;

/**
 * BM25's average length, fixed (~350 indexed words per article on the corpus): a posting's weight
 * then depends on its article alone, so a rebuild need not touch the buckets of articles that did
 * not change.
 */
const TYPICAL_LENGTH = 350;

/**
 * Of a posting's weight (1–63), what the title adds when it holds the term (a word, or a pair of
 * common words): BM25F-like, the title a field of its own, not saturated with the text's count,
 * so an article titled with a query's words outranks one that repeats them in its text.
 */
const TITLE_BONUS = 24;

/** Adds `hash` to the first `count` of `list`; returns the new count (ANY past MAX_NEIGHBOURS). */
function neighbour(list: number[], count: number, hash: number): number {
  if (count === ANY) return ANY;
  for (let i = 0; i < count; i++) if (list[i] === hash) return count;
  if (count === MAX_NEIGHBOURS) return ANY;
  list[count] = hash;
  return count + 1;
}

/**
 * Counts a record's words into `terms`, collecting the terms it holds in `found`: each indexed
 * word's count and neighbours (the indexed words right before and after it, stop words skipped),
 * its compounds, the pairs of neighbouring common words, and the title's words again. Counted on
 * the terms themselves (a Map per article cost ~2 s at 60k), by methods of one class: this loop
 * runs 21M times at 60k articles, and a closure or an array per token doubled its time.
 */
export class Counter {
  readonly found: Term[] = [];
  private number = 0;
  private before: Term | null = null;
  /** Indexed words of the text: BM25's length. */
  length = 0;

  constructor(private readonly terms: Terms) {}

  count(number: number, record: WordRecord): void {
    this.number = number;
    this.found.length = this.length = 0;
    this.before = null;
    for (const token of tokensOf(record.text)) {
      if (!token.includes(".") && !token.includes("_")) {
        this.word(token);
        continue;
      }
      for (const word of token.split(JOINER)) this.word(word);
      if (token.length <= MAX_COMPOUND) this.add(this.terms.ofTerm(token), 1);
    }
    for (const exact of exactTermsOf(record.text)) this.add(this.terms.ofTerm(exact), 1);
    let before: Term | null = null;
    for (const word of wordsOf(record.title)) {
      const entry = this.terms.ofWord(word);
      if (!entry) continue; // a stop word, skipped as in the text
      this.add(entry, 0);
      entry.titled = true;
      if (before?.common && entry.common) {
        const pair = this.terms.ofPair(before, entry);
        this.add(pair, 0);
        pair.titled = true;
      }
      before = entry;
    }
  }

  /** Appends the counted article's postings to its terms (in id order: the caller's job). */
  post(): void {
    for (const entry of this.found) {
      entry.ids.push(this.number);
      entry.weights.push(weightOf(entry.tf, this.length, entry.titled));
      const { neighbours } = entry;
      if (!neighbours) continue;
      const { codes } = neighbours;
      codes.push(neighbourCount(entry.nextCount, entry.prevCount));
      if (entry.nextCount !== ANY)
        for (let i = 0; i < entry.nextCount; i++) pushHash(codes, entry.next[i]!);
      if (entry.prevCount !== ANY)
        for (let i = 0; i < entry.prevCount; i++) pushHash(codes, entry.prev[i]!);
      neighbours.ends.push(codes.length);
    }
  }

  private word(word: string): void {
    const entry = this.terms.ofWord(word);
    if (!entry) return; // a stop word: neighbours skip over it, as the query's do
    this.add(entry, 1);
    this.length++;
    const before = this.before;
    if (before) {
      if (before.common && entry.common) this.add(this.terms.ofPair(before, entry), 1);
      else {
        if (before.neighbours)
          before.nextCount = neighbour(before.next, before.nextCount, entry.hash);
        if (entry.neighbours) entry.prevCount = neighbour(entry.prev, entry.prevCount, before.hash);
      }
    }
    this.before = entry;
  }

  private add(entry: Term, tf: number): void {
    if (entry.seen !== this.number) {
      entry.seen = this.number;
      entry.tf = entry.nextCount = entry.prevCount = 0;
      entry.titled = false;
      this.found.push(entry);
    }
    entry.tf += tf;
  }
}

/**
 * BM25's term-frequency part for `tf` in a text of `length` words, scaled to 1–(MAX_WEIGHT −
 * TITLE_BONUS), plus TITLE_BONUS when the title holds the term.
 */
function weightOf(tf: number, length: number, titled: boolean): number {
  const part = tf / (tf + K1 * (1 - B + (B * length) / TYPICAL_LENGTH)); // over its limit, K1 + 1
  const text = Math.max(1, Math.round(part * (MAX_WEIGHT - TITLE_BONUS)));
  return titled ? text + TITLE_BONUS : text;
}

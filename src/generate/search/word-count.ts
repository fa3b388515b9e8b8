/**
 * Counting the word index's postings from the articles' word records: every indexed word's
 * weight in each article, and its neighbours there (layouts/search/postings.js has the form);
 * compounds, camel-case words as written, and the pairs of neighbouring common words as terms
 * of their own. word-index.ts
 * writes what this counts.
 */
import {
  ANY,
  JOINER,
  MAX_COMPOUND,
  MAX_NEIGHBOURS,
  MAX_WEIGHT,
  bucketOf,
  exactTermsOf,
  indexed,
  isCommonWord,
  neighbourCount,
  neighbourHash,
  pairTerm,
  pushHash,
  termOf,
  tokensOf,
  wordsOf,
  type NeighbourCodes,
} from "../../../layouts/search/words.js";
import type { WordRecord } from "./search-records.ts";

/** BM25's parameters, the usual ones. */
const K1 = 1.2;
const B = 0.75;

/**
 * BM25's average length, fixed (~350 indexed words per article on the corpus): a posting's weight
 * then depends on its article alone, so a rebuild need not touch the buckets of articles that did
 * not change.
 */
const TYPICAL_LENGTH = 350;

/** A title word counts as this many words of the text: a title says what the article is about. */
const TITLE_WEIGHT = 3;

/** A term and its postings, in id order. */
export interface Term {
  term: string;
  bucket: number;
  hash: number;
  /** A common word: its neighbours are pair terms, not hashes. */
  common: boolean;
  ids: number[];
  weights: number[];
  /** Each article's neighbour digits (postings.js neighbourCodes); null for the common form. */
  neighbours: NeighbourCodes | null;
  /** The pair terms of this common word and the common words after it. */
  pairs: Map<Term, Term> | null;
  /**
   * The article being counted, the term's count in it, and its neighbours' hashes there: the
   * first `nextCount` of `next` (ANY: too many to list), the same before. Slots are reused from
   * article to article: new arrays per term and article were ~4M allocations at 60k.
   */
  seen: number;
  tf: number;
  next: number[];
  nextCount: number;
  prev: number[];
  prevCount: number;
}

/**
 * Every term of the index, and every word seen → its term: one lookup per word of the text,
 * instead of stemming, hashing and two map lookups (8 s of the 60k build before).
 */
export class Terms {
  readonly byTerm = new Map<string, Term>();
  /** null for a word that is not indexed (a stop word, one letter, overlong). */
  private readonly byWord = new Map<string, Term | null>();

  ofTerm(term: string, form: "full" | "common" = isCommonWord(term) ? "common" : "full"): Term {
    let entry = this.byTerm.get(term);
    if (!entry) {
      // One literal, every field in one order: a spread made these slow dictionary objects.
      const [bucket, hash, common] = [bucketOf(term), neighbourHash(term), isCommonWord(term)];
      const neighbours = form === "full" ? { codes: [], ends: [] } : null;
      entry = {
        term,
        bucket,
        hash,
        common,
        ids: [] as number[],
        weights: [] as number[],
        neighbours,
        pairs: null,
        seen: -1,
        tf: 0,
        next: [] as number[],
        nextCount: 0,
        prev: [] as number[],
        prevCount: 0,
      };
      this.byTerm.set(term, entry);
    }
    return entry;
  }

  ofWord(word: string): Term | null {
    let entry = this.byWord.get(word);
    if (entry === undefined) {
      entry = indexed(word) ? this.ofTerm(termOf(word)) : null;
      this.byWord.set(word, entry);
    }
    return entry;
  }

  /** The pair term of common words `a` and `b`. */
  ofPair(a: Term, b: Term): Term {
    a.pairs ??= new Map();
    let pair = a.pairs.get(b);
    if (!pair) a.pairs.set(b, (pair = this.ofTerm(pairTerm(a.term, b.term), "common")));
    return pair;
  }
}

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
    for (const word of wordsOf(record.title)) {
      const entry = this.terms.ofWord(word);
      if (entry) this.add(entry, TITLE_WEIGHT - 1);
    }
  }

  /** Appends the counted article's postings to its terms (in id order: the caller's job). */
  post(): void {
    for (const entry of this.found) {
      entry.ids.push(this.number);
      entry.weights.push(weightOf(entry.tf, this.length));
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
      this.found.push(entry);
    }
    entry.tf += tf;
  }
}

/** BM25's term-frequency part for `tf` in a text of `length` words, scaled to 1–MAX_WEIGHT. */
function weightOf(tf: number, length: number): number {
  const part = tf / (tf + K1 * (1 - B + (B * length) / TYPICAL_LENGTH)); // over its limit, K1 + 1
  return Math.max(1, Math.round(part * MAX_WEIGHT));
}

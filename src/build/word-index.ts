/**
 * The word index (layouts/search/words.js has its format and ranking): built from the articles'
 * word records (search-records.ts). A full build makes every bucket. A rebuild
 * reads the buckets back, drops the changed and removed articles' postings and adds the changed
 * ones', so it writes the same bytes a cold build of the same content would, and rewrites only
 * the buckets whose bytes change.
 */
import { readFileSync } from "node:fs";
import {
  BUCKETS,
  MAX_WEIGHT,
  MAX_WORD,
  bucketOf,
  decodePostings,
  encodePostings,
  termOf,
  wordBucketPath,
  wordsOf,
} from "../../layouts/search/words.js";
import type { OutDir } from "./out-dir.ts";
import type { WordRecord } from "./search-records.ts";

/** BM25's parameters, the usual ones. */
const K1 = 1.2;
const B = 0.75;

/**
 * BM25's average length, fixed (the search texts are cut to a few hundred characters, ~80 words
 * on the corpus): a posting's weight then depends on its article alone, so a rebuild need not
 * touch the buckets of articles that did not change.
 */
const TYPICAL_LENGTH = 80;

/** A title word counts as this many words of the text: a title says what the article is about. */
const TITLE_WEIGHT = 3;

export class WordIndexError extends Error {
  override name = "WordIndexError";
}

/** What the word index is told to do: every article, or only what changed since the last build. */
export type WordIndexJob = { full: true } | { full: false; records: WordRecord[]; drop: string[] };

/** A term and its postings (id number and weight in turn, in id order). */
interface Term {
  term: string;
  bucket: number;
  postings: number[];
  /** The article being counted, and the term's count in it so far. */
  seen: number;
  tf: number;
}

/**
 * Every term of the index, and every word seen → its term: one lookup per word of the text,
 * instead of stemming, hashing and two map lookups (8 s of the 60k build before).
 */
class Terms {
  readonly byTerm = new Map<string, Term>();
  private readonly byWord = new Map<string, Term>();

  ofTerm(term: string): Term {
    let entry = this.byTerm.get(term);
    if (!entry)
      this.byTerm.set(
        term,
        (entry = { term, bucket: bucketOf(term), postings: [], seen: -1, tf: 0 }),
      );
    return entry;
  }

  ofWord(word: string): Term {
    let entry = this.byWord.get(word);
    if (!entry) this.byWord.set(word, (entry = this.ofTerm(termOf(word))));
    return entry;
  }
}

/** BM25's term-frequency part for `tf` in a text of `length` words, scaled to 1–MAX_WEIGHT. */
function weightOf(tf: number, length: number): number {
  const part = tf / (tf + K1 * (1 - B + (B * length) / TYPICAL_LENGTH)); // over its limit, K1 + 1
  return Math.max(1, Math.round(part * MAX_WEIGHT));
}

/** A record's terms and their weights, as the index holds them. */
export function termWeights(record: WordRecord): Map<string, number> {
  const terms = new Terms();
  addRecords(terms, [record]);
  return new Map([...terms.byTerm.values()].map((t) => [t.term, t.postings[1]!]));
}

const idNumber = (id: string) => Number(id.slice(1));

/** Adds the records' postings; returns the buckets they fall in. */
function addRecords(terms: Terms, records: readonly WordRecord[]): Set<number> {
  const touched = new Set<number>();
  const numbered = records.map((record) => ({ record, number: idNumber(record.id) }));
  numbered.sort((a, b) => a.number - b.number);
  // Counted on the terms themselves: a Map per article cost ~2 s of the 60k build.
  const found: Term[] = [];
  const count = (number: number, text: string, times: number) => {
    let length = 0;
    for (const word of wordsOf(text)) {
      if (word.length > MAX_WORD) continue;
      const entry = terms.ofWord(word);
      if (entry.seen !== number) ((entry.seen = number), (entry.tf = 0), found.push(entry));
      entry.tf += times;
      length++;
    }
    return length;
  };
  for (const { record, number } of numbered) {
    found.length = 0;
    const length = count(number, record.text, 1);
    count(number, record.title, TITLE_WEIGHT - 1);
    for (const entry of found) {
      touched.add(entry.bucket);
      const { postings } = entry;
      const weight = weightOf(entry.tf, length);
      // A full build's postings come in id order; a rebuild's land among the old ones.
      if (postings.length === 0 || postings[postings.length - 2]! < number)
        postings.push(number, weight);
      else {
        let at = postings.length;
        while (at > 0 && postings[at - 2]! > number) at -= 2;
        postings.splice(at, 0, number, weight);
      }
    }
  }
  return touched;
}

/** A bucket's file: its terms in code-unit order, so the same postings give the same bytes. */
function bucketText(entries: Term[]): string {
  entries.sort((a, b) => (a.term < b.term ? -1 : 1));
  const parts = entries.map((e) => `${JSON.stringify(e.term)}:"${encodePostings(e.postings)}"`);
  return `{${parts.join(",")}}\n`;
}

/** Reads a bucket written by an earlier build into `terms`, without the `drop` ids' postings. */
function readBucket(out: OutDir, index: number, drop: ReadonlySet<number>, terms: Terms): void {
  const path = `${out.root}/${wordBucketPath(index)}`;
  let stored: Record<string, string>;
  try {
    stored = JSON.parse(readFileSync(path, "utf8")) as Record<string, string>;
  } catch (cause) {
    throw new WordIndexError(
      `${path}: the last build's word index could not be read (${String(cause)}); build into a new folder or delete this one`,
      { cause },
    );
  }
  for (const [term, text] of Object.entries(stored)) {
    const decoded = decodePostings(text);
    const kept: number[] = [];
    for (let i = 0; i < decoded.length; i += 2)
      if (!drop.has(decoded[i]!)) kept.push(decoded[i]!, decoded[i + 1]!);
    terms.ofTerm(term).postings = kept;
  }
}

/** The buckets an earlier build wrote, from its manifest's file hashes. */
export function bucketsIn(hashes: Record<string, string> = {}): number[] {
  const pattern = /^search\/words\/(\d+)\.json$/;
  return Object.keys(hashes).flatMap((path) => {
    const match = pattern.exec(path);
    return match ? [Number(match[1])] : [];
  });
}

/**
 * Writes the word index for `job` into `out`: a full build indexes `all()`, made here rather than
 * when the build is planned, so the search indexers start ~2 s sooner at 60k articles. A rebuild
 * needs `previous`, the buckets the last build wrote (bucketsIn), and falls back to `all()` if one
 * of them is gone or damaged. Returns how many buckets the index has.
 */
export function writeWordIndex(
  out: OutDir,
  job: WordIndexJob,
  all: () => WordRecord[],
  previous: readonly number[] = [],
): number {
  // A bucket gone, truncated or changed since the last build wrote it: rebuild the whole index.
  if (!job.full && previous.some((index) => !out.intact(wordBucketPath(index))))
    return writeWordIndex(out, { full: true }, all);
  const terms = new Terms();
  const read = new Set<number>();
  if (job.full) {
    addRecords(terms, all());
  } else {
    // Which buckets an old version of an article used is not recorded: all are read, ~10 MB.
    const drop = new Set(job.drop.map(idNumber));
    const touched = addRecords(new Terms(), job.records);
    for (const index of previous) {
      if (drop.size === 0 && !touched.has(index)) continue;
      readBucket(out, index, drop, terms);
      read.add(index);
    }
    addRecords(terms, job.records);
  }
  const buckets = new Map<number, Term[]>();
  for (const entry of terms.byTerm.values()) {
    if (entry.postings.length === 0) continue;
    const list = buckets.get(entry.bucket);
    if (list) list.push(entry);
    else buckets.set(entry.bucket, [entry]);
  }
  const kept = new Set(previous.filter((index) => !read.has(index)));
  let count = 0;
  for (let index = 0; index < BUCKETS; index++) {
    const entries = buckets.get(index);
    if (entries) out.update(`/${wordBucketPath(index)}`, bucketText(entries));
    else if (kept.has(index) && !job.full) out.keep(`/${wordBucketPath(index)}`);
    else continue;
    count++;
  }
  return count;
}

/**
 * The word index (src/words/ has its format and ranking): built from the articles'
 * word records (search-records.ts). A full build makes every bucket. A rebuild
 * reads the buckets back, drops the changed and removed articles' postings and adds the changed
 * ones', so it writes the same bytes a cold build of the same content would, and rewrites only
 * the buckets whose bytes change.
 */
import { BUCKETS, neighbourCodes, wordBucketPath } from "../../words/index.ts";
import type { OutDir } from "../write/out-dir.ts";
import { wordRecord, type WordRecord } from "./search-records.ts";
import { Counter } from "./word-count.ts";
import { Terms, type Term } from "./terms.ts";
import { bucketText, fileOf, readBucket, sortTerms } from "./word-buckets.ts";

export { WordIndexError } from "./word-buckets.ts";

/**
 * What the word index is told to do: every article, or only what changed since the last build:
 * the changed articles' new records, the ids whose old postings go, and the old records of those
 * ids (their pages' index.json as the last build wrote them; null if one could not be read), so
 * only the buckets of their terms are read again.
 */
export type WordIndexJob =
  | { full: true }
  | { full: false; records: WordRecord[]; drop: string[]; old?: WordRecord[] | null };

/** A record's terms and their postings for it: [weight, its neighbours' digits or null]. */
export function termPostings(record: WordRecord): Map<string, [number, string | null]> {
  const terms = new Terms();
  addRecords(terms, [record]);
  const digits = (t: Term) => t.neighbours && String.fromCharCode(...t.neighbours.codes);
  return new Map([...terms.byTerm.values()].map((t) => [t.term, [t.weights[0]!, digits(t)]]));
}

const idNumber = (id: string) => Number(id.slice(1));

/** Adds the records' postings; returns the buckets they fall in. */
function addRecords(terms: Terms, records: readonly WordRecord[]): Set<number> {
  const touched = new Set<number>();
  const numbered = records.map((record) => ({ record, number: idNumber(record.id) }));
  numbered.sort((a, b) => a.number - b.number);
  const counter = new Counter(terms);
  for (const { record, number } of numbered) {
    counter.count(number, record);
    counter.post();
    for (const entry of counter.found) (touched.add(entry.bucket), settle(entry));
  }
  return touched;
}

/** Moves a term's last posting to its place: a full build's come in id order, a rebuild's not. */
function settle(entry: Term): void {
  const { ids, weights, neighbours } = entry;
  const last = ids.length - 1;
  let at = last;
  while (at > 0 && ids[at - 1]! > ids[last]!) at--;
  if (at === last) return;
  ids.splice(at, 0, ids.pop()!);
  weights.splice(at, 0, weights.pop()!);
  if (!neighbours) return;
  // A rebuild's few postings: their digits are moved as texts.
  const { codes, ends } = neighbours;
  const texts = ends.map((end, i) => String.fromCharCode(...codes.slice(i ? ends[i - 1] : 0, end)));
  texts.splice(at, 0, texts.pop()!);
  Object.assign(neighbours, neighbourCodes(texts));
}

/** The buckets an earlier build wrote, from its manifest's file hashes. */
export function bucketsIn(hashes: Record<string, string> = {}): number[] {
  const pattern = /^search\/(words|tails)\/(\d+)\.json$/;
  return Object.keys(hashes).flatMap((path) => {
    const match = pattern.exec(path);
    return match ? [Number(match[2]) + (match[1] === "tails" ? BUCKETS : 0)] : [];
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
  counted?: Promise<Map<number, string>> | Map<number, string>,
): number | Promise<number> {
  if (job.full && counted instanceof Promise) return counted.then((texts) => write(out, texts));
  // A bucket gone, truncated or changed since the last build wrote it: rebuild the whole index.
  if (!job.full && previous.some((index) => !out.intact(fileOf(index))))
    return writeWordIndex(out, { full: true }, all);
  if (job.full) return write(out, counted instanceof Map ? counted : indexTexts(all()));
  const terms = new Terms();
  // The buckets of the new records' terms and of the old ones'; without the old records, all
  // (~50 MB at 60k articles).
  const drop = new Set(job.drop.map(idNumber));
  const touched = addRecords(new Terms(), job.records);
  const old = job.old === undefined ? (drop.size ? null : []) : job.old;
  if (old) for (const index of addRecords(new Terms(), old)) touched.add(index);
  for (const index of [...touched]) touched.add(index + BUCKETS);
  const read = new Set<number>();
  for (const index of previous) {
    if (old && !touched.has(index)) continue;
    readBucket(out, index, drop, terms);
    read.add(index);
  }
  sortTerms(terms);
  addRecords(terms, job.records);
  return write(out, textsOf(terms), new Set(previous.filter((index) => !read.has(index))));
}

/** Every bucket's text for `records`: a full build's index (word-aside.ts runs it on a thread). */
export function indexTexts(records: readonly WordRecord[]): Map<number, string> {
  const terms = new Terms();
  addRecords(terms, records);
  return textsOf(terms);
}

/** The buckets' texts of the terms counted. */
function textsOf(terms: Terms): Map<number, string> {
  const buckets = new Map<number, Term[]>();
  for (const entry of terms.byTerm.values()) {
    if (entry.ids.length === 0) continue;
    const list = buckets.get(entry.bucket);
    if (list) list.push(entry);
    else buckets.set(entry.bucket, [entry]);
  }
  const texts = new Map<number, string>();
  for (const [index, entries] of buckets) {
    const [words, tails] = bucketText(entries);
    texts.set(index, words);
    if (tails) texts.set(index + BUCKETS, tails);
  }
  return texts;
}

/**
 * Writes the buckets' (and tails') texts, keeping the unchanged files `kept` of the last build.
 * Returns how many buckets there are.
 */
function write(out: OutDir, texts: Map<number, string>, kept = new Set<number>()): number {
  let count = 0;
  for (let index = 0; index < 2 * BUCKETS; index++) {
    const text = texts.get(index);
    if (text !== undefined) out.update(`/${fileOf(index)}`, text);
    else if (kept.has(index)) out.keep(`/${fileOf(index)}`);
    else continue;
    if (index < BUCKETS) count++;
  }
  return count;
}

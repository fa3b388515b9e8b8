/**
 * The word index's files as word-index.ts writes and reads them back: a bucket's text and its
 * tail file's (a common term past TIER postings split, src/words/postings.ts), and an earlier
 * build's bucket or tail read into the terms of a rebuild.
 */
import { readFileSync } from "node:fs";
import {
  BUCKETS,
  decodePostings,
  encodePostings,
  neighbourCodes,
  splitTier,
  wordBucketPath,
  wordTailPath,
} from "../../words/index.ts";
import type { OutDir } from "../write/out-dir.ts";
import type { Term, Terms } from "./terms.ts";
import { UserError } from "../../user-error.ts";

export class WordIndexError extends UserError {
  override name = "WordIndexError";
}

/**
 * A bucket's file and its tail file's (or null): its terms in code-unit order, so the same
 * postings give the same bytes; a common term past TIER postings is split (postings.ts).
 */
export function bucketText(entries: Term[]): [string, string | null] {
  entries.sort((a, b) => (a.term < b.term ? -1 : 1));
  const parts: string[] = [];
  const tails: string[] = [];
  for (const e of entries) {
    const key = JSON.stringify(e.term);
    const split = e.neighbours ? null : splitTier(e.ids, e.weights);
    if (!split) {
      parts.push(`${key}:"${encodePostings(e.term, e.ids, e.weights, e.neighbours)}"`);
      continue;
    }
    const [[topIds, topWeights], [restIds, restWeights]] = [split.top, split.rest];
    parts.push(`${key}:"${encodePostings(e.term, topIds, topWeights, null, e.ids.length)}"`);
    tails.push(`${key}:"${encodePostings(e.term, restIds, restWeights, null)}"`);
  }
  return [`{${parts.join(",")}}\n`, tails.length ? `{${tails.join(",")}}\n` : null];
}

/** Bucket index → its file: below BUCKETS a bucket, above it that bucket's tail file. */
export const fileOf = (index: number) =>
  index < BUCKETS ? wordBucketPath(index) : wordTailPath(index - BUCKETS);

/**
 * Reads a bucket (or tail) file written by an earlier build into `terms`, without the `drop`
 * ids' postings; a tail's postings come after the strong tier's, out of id order (sortTerms).
 */
export function readBucket(
  out: OutDir,
  index: number,
  drop: ReadonlySet<number>,
  terms: Terms,
): void {
  const path = `${out.root}/${fileOf(index)}`;
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
    const { ids, weights, neighbours } = decodePostings(text);
    const entry = terms.ofTerm(term, neighbours ? "full" : "common");
    const kept: string[] = [];
    for (let i = 0; i < ids.length; i++) {
      if (drop.has(ids[i]!)) continue;
      entry.ids.push(ids[i]!);
      entry.weights.push(weights[i]!);
      if (neighbours) kept.push(neighbours[i]!);
    }
    if (entry.neighbours) entry.neighbours = neighbourCodes(kept);
  }
}

/** Puts the common terms' postings read from a bucket and its tail back in id order. */
export function sortTerms(terms: Terms): void {
  for (const entry of terms.byTerm.values()) {
    const { ids, weights } = entry;
    if (entry.neighbours || ids.every((id, i) => i === 0 || ids[i - 1]! < id)) continue;
    const order = ids.map((_, i) => i).sort((a, b) => ids[a]! - ids[b]!);
    entry.ids = order.map((i) => ids[i]!);
    entry.weights = order.map((i) => weights[i]!);
  }
}

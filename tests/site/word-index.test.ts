/**
 * The word index the build writes (src/build/word-index.ts): every term of every article's search
 * text is found, with that article, in its bucket; a rebuild that drops and changes articles
 * writes what a cold build of the result writes; a damaged index is rebuilt, not used or fatal.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { OutDir } from "../../src/build/out-dir.ts";
import { wordRecord, type WordRecord } from "../../src/build/search-records.ts";
import { termWeights, writeWordIndex } from "../../src/build/word-index.ts";
import { collect } from "../../src/corpus/collect.ts";
import { bucketOf, decodePostings, wordBucketPath } from "../../layouts/search/words.js";
import { sampleContentDir } from "../helpers/repo.ts";

const temp = mkdtempSync(join(tmpdir(), "kbsite-words-"));
after(() => rmSync(temp, { recursive: true, force: true }));
let records: WordRecord[] = [];
before(async () => {
  records = (await collect([sampleContentDir])).articles.map(wordRecord);
});

let folders = 0;
/** A new output folder with the word index of `records` written into it. */
function built(records: WordRecord[]): OutDir {
  const out = new OutDir(join(temp, `site-${folders++}`));
  writeWordIndex(out, { full: true }, () => records);
  return out;
}

/** The index's files: bucket file name → its text. */
function index(out: OutDir): Map<string, string> {
  const dir = join(out.root, "search/words");
  return new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), "utf8")]));
}

/** The ids whose postings for `term` the index holds, with their weights. */
function postingsOf(out: OutDir, term: string): Map<string, number> {
  const bucket = JSON.parse(
    readFileSync(join(out.root, wordBucketPath(bucketOf(term))), "utf8"),
  ) as Record<string, string>;
  const flat = decodePostings(bucket[term] ?? "");
  const found = new Map<string, number>();
  for (let i = 0; i < flat.length; i += 2) found.set(`Q${flat[i]}`, flat[i + 1]!);
  return found;
}

describe("the word index of the sample", () => {
  it("lists every term of every article with that article and its weight", () => {
    const out = built(records);
    for (const record of records) {
      for (const [term, weight] of termWeights(record)) {
        assert.equal(postingsOf(out, term).get(record.id), weight, `${record.id} ${term}`);
      }
    }
  });

  it("weighs a word of the title above the same count of a word of the text alone", () => {
    const weights = termWeights(records.find((r) => r.id === "Q265433")!);
    // "Release" is in the title; "apartment" twice in the text.
    assert.ok(weights.get("releas")! > weights.get("apart")!, JSON.stringify([...weights]));
    for (const weight of weights.values()) assert.ok(weight >= 1 && weight <= 63);
  });

  it("rebuilt after a change and a removal, equals a cold build of the result", () => {
    const out = built(records);
    const changed = records.map((r) =>
      r.id === "Q265433" ? { ...r, text: `${r.text} zanzibarically` } : r,
    );
    const after = changed.filter((r) => r.id !== "Q246691");
    const buckets = [...index(out).keys()].map((f) => Number(f.replace(".json", "")));
    const again = new OutDir(out.root, out.root, out.hashes);
    writeWordIndex(
      again,
      {
        full: false,
        records: after.filter((r) => r.id === "Q265433"),
        drop: ["Q265433", "Q246691"],
      },
      () => after,
      buckets,
    );
    for (const path of again.stale(Object.keys(out.hashes))) rmSync(join(out.root, path));
    const cold = built(after);
    assert.deepEqual(index(again), index(cold));
    assert.ok(postingsOf(again, "zanzibar").has("Q265433"), "the new word is found");
    assert.ok(!postingsOf(again, "createremotethread").has("Q246691"), "the removed article went");
  });

  it("falls back to every record when a bucket of the last build is missing", () => {
    const out = built(records);
    const buckets = [...index(out).keys()].map((f) => Number(f.replace(".json", "")));
    rmSync(join(out.root, wordBucketPath(buckets[0]!)));
    const again = new OutDir(out.root, out.root, out.hashes);
    writeWordIndex(again, { full: false, records: [], drop: ["Q246691"] }, () => records, buckets);
    assert.deepEqual(index(again), index(built(records)));
  });

  it("rebuilds the whole index when a bucket of the last build was truncated (issue 13)", () => {
    const out = built(records);
    const buckets = [...index(out).keys()].map((f) => Number(f.replace(".json", "")));
    const path = join(out.root, wordBucketPath(buckets[0]!));
    writeFileSync(path, readFileSync(path, "utf8").slice(0, 10));
    const again = new OutDir(out.root, out.root, out.hashes);
    writeWordIndex(again, { full: false, records: [], drop: ["Q1"] }, () => records, buckets);
    assert.deepEqual(index(again), index(built(records)));
  });
});

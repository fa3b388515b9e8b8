/**
 * The word index the build writes (src/generate/search/word-index.ts): every term of every article's search
 * text is found, with that article, in its bucket; a rebuild that drops and changes articles
 * writes what a cold build of the result writes; a damaged index is rebuilt, not used or fatal.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { OutDir } from "../../src/generate/write/out-dir.ts";
import { wordRecord, type WordRecord } from "../../src/generate/search/search-records.ts";
import { termPostings, writeWordIndex } from "../../src/generate/search/word-index.ts";
import { collect } from "../../src/corpus/collect.ts";
import {
  bucketOf,
  decodePostings,
  isCommon,
  neighbourHash,
  pairTerm,
  wordBucketPath,
} from "../../src/words/index.ts";
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

/** The bucket of `term`, empty when the index has none. */
function bucketOfTerm(out: OutDir, term: string): Record<string, string> {
  const path = join(out.root, wordBucketPath(bucketOf(term)));
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as Record<string, string>) : {};
}

/** The ids whose postings for `term` the index holds, with [weight, neighbourText or null]. */
function postingsOf(out: OutDir, term: string): Map<string, [number, string | null]> {
  const { ids, weights, neighbours } = decodePostings(bucketOfTerm(out, term)[term] ?? "");
  return new Map(ids.map((id, i) => [`Q${id}`, [weights[i]!, neighbours?.[i] ?? null]]));
}

/** The neighbour hashes after `term` in article `id`. */
function nextOf(out: OutDir, term: string, id: string): number[] | null | undefined {
  const { ids, next } = decodePostings(bucketOfTerm(out, term)[term] ?? "");
  return next?.[ids.indexOf(Number(id.slice(1)))];
}

describe("the word index of the sample", () => {
  it("lists every term of every article with that article, its weight and neighbours", () => {
    const out = built(records);
    for (const record of records) {
      for (const [term, [weight, neighbours]] of termPostings(record)) {
        // A common term keeps its weight in the article, and no neighbours.
        const kept = isCommon(term) ? [weight, null] : [weight, neighbours];
        assert.deepEqual(postingsOf(out, term).get(record.id), kept, `${record.id} ${term}`);
      }
    }
  });

  it("holds every word of the text, deep in it, and its neighbours", () => {
    const out = built(records);
    // Seed 003's CAUSE, past its first 400 characters: "… SyncSocket …".
    assert.ok(postingsOf(out, "syncsocket").has("Q297534"));
    const next = nextOf(out, "cocreateinst", "Q265433");
    assert.ok(next?.includes(neighbourHash("releas")), "CoCreateInstance() and Release");
  });

  it("holds neighbouring common words as a pair term", () => {
    const out = built(records);
    // Seed 001's title: "… Windows NT …".
    assert.ok(postingsOf(out, pairTerm("window", "nt")).size >= 1);
  });

  it("holds identifiers, versions and file names whole, besides their words", () => {
    const out = built(records);
    assert.ok(postingsOf(out, "rpcss.exe").has("Q265433"));
    assert.ok(postingsOf(out, "rpcss").has("Q265433"));
  });

  it("weighs a word of the title above the same count of a word of the text alone", () => {
    const weights = new Map(
      [...termPostings(records.find((r) => r.id === "Q265433")!)].map(([t, [w]]) => [t, w]),
    );
    // "Release" is in the title; "apartment" twice in the text.
    assert.ok(weights.get("releas")! > weights.get("apart")!, JSON.stringify([...weights]));
    for (const weight of weights.values()) assert.ok(weight >= 1 && weight <= 63);
  });

  for (const reading of ["the buckets of the old records' terms", "every bucket"]) {
    it(`rebuilt after a change and a removal, reading ${reading}, equals a cold build`, () => {
      const out = built(records);
      const changed = records.map((r) =>
        r.id === "Q265433" ? { ...r, text: `${r.text} zanzibarically` } : r,
      );
      const after = changed.filter((r) => r.id !== "Q246691");
      const buckets = [...index(out).keys()].map((f) => Number(f.replace(".json", "")));
      const again = new OutDir(out.root, out.root, out.hashes);
      const drop = ["Q265433", "Q246691"];
      const old = reading === "every bucket" ? null : records.filter((r) => drop.includes(r.id));
      writeWordIndex(
        again,
        { full: false, records: after.filter((r) => r.id === "Q265433"), drop, old },
        () => after,
        buckets,
      );
      for (const path of again.stale(Object.keys(out.hashes))) rmSync(join(out.root, path));
      const cold = built(after);
      assert.deepEqual(index(again), index(cold));
      assert.ok(postingsOf(again, "zanzibar").has("Q265433"), "the new word is found");
      assert.ok(
        !postingsOf(again, "createremotethread").has("Q246691"),
        "the removed article went",
      );
    });
  }

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

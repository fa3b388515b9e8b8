/**
 * Everyday words on a big archive (issue 25): two common words, each in more articles than a
 * strong tier holds, rank the articles titled with both first, and in the order of how strongly
 * they hold them, not by id; the first results come from the strong tiers alone (no tail file
 * read), "more" reads the tails and lists every article once; a quoted phrase reads them at once
 * and its list is complete; the article holding the words side by side comes first, unquoted
 * too; an article's "Additional query words" are found.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after } from "node:test";
import { OutDir } from "../../src/generate/write/out-dir.ts";
import { bucketsIn, indexTexts, writeWordIndex } from "../../src/generate/search/word-index.ts";
import { wordRecord } from "../../src/generate/search/search-records.ts";
import {
  BUCKETS,
  TIER,
  bucketOf,
  findArticles,
  termFile,
  wordBucketPath,
  wordTailPath,
  type Bucket,
} from "../../src/words/index.ts";
import { record } from "../site/fixtures.ts";

const COUNT = TIER + 400;
const TITLED = [1700, 1234, 1811]; // titled with both words, not first by id
const SIDE_BY_SIDE = 1500; // "outlook password" in its text, neither in its title

const articles = Array.from({ length: COUNT }, (_, i) => {
  const n = 1000 + i;
  const titled = TITLED.includes(n);
  const text =
    n === SIDE_BY_SIDE
      ? "Type the outlook password again."
      : `The password is asked by the mail client. Outlook starts.${n % 3 ? " Outlook opens." : ""}`;
  return record({
    id: `Q${n}`,
    title: titled ? `Outlook Asks for the Password Again ${n}` : `Mail article ${n}`,
    sections: [{ id: "symptoms", heading: "SYMPTOMS", text }],
    ...(n === 1100 ? { queryWords: "zanzibarquery outlook98" } : {}),
  });
});

const texts = indexTexts(articles.map(wordRecord));
const files = new Map<string, Bucket>();
for (const [index, text] of texts) {
  const path = index < BUCKETS ? wordBucketPath(index) : wordTailPath(index - BUCKETS);
  files.set(path, JSON.parse(text) as Bucket);
}

/** A search of the index in memory, noting the files it read. */
async function search(query: string, options = {}) {
  const read: string[] = [];
  const found = await findArticles(
    query,
    async (key) => {
      read.push(termFile(key));
      return files.get(termFile(key)) ?? null;
    },
    options,
  );
  return { found, read };
}

describe("everyday words past a strong tier", () => {
  it("are tiered: the bucket holds the strong tier, the tail file the rest", () => {
    const bucket = files.get(wordBucketPath(bucketOf("password")))!;
    assert.ok(bucket.password!.startsWith("~"));
    assert.ok(files.get(wordTailPath(bucketOf("password")))!.password!.startsWith("!"));
  });

  it("rank the titled articles first, from the strong tiers alone", async () => {
    const { found, read } = await search("outlook password");
    // The one holding them side by side, then those titled with both.
    const first = found.ranked.slice(0, 4).map((r) => r.id);
    assert.equal(first[0], `Q${SIDE_BY_SIDE}`);
    assert.deepEqual(new Set(first.slice(1)), new Set(TITLED.map((n) => `Q${n}`)));
    assert.ok(!read.some((path) => path.startsWith("search/tails/")), read.join(" "));
    assert.ok(found.rest, "the rest waits for more");
  });

  it("list every article once when more is asked for", async () => {
    const { found } = await search("outlook password");
    const all = await found.rest!();
    assert.equal(all.length, COUNT);
    assert.equal(new Set(all.map((r) => r.id)).size, COUNT);
    assert.deepEqual(all.slice(0, found.ranked.length), found.ranked);
  });

  it("read every tail for a quoted phrase, so its list is complete", async () => {
    const { found, read } = await search('"outlook password"');
    assert.ok(read.some((path) => path.startsWith("search/tails/")));
    assert.equal(found.rest, null);
    // Only one holds the words side by side; the titled ones hold them apart.
    assert.deepEqual(
      found.ranked.map((r) => r.id),
      [`Q${SIDE_BY_SIDE}`],
    );
  });

  it("find an article by its Additional query words", async () => {
    const { found } = await search("zanzibarquery");
    assert.deepEqual(
      found.ranked.map((r) => r.id),
      ["Q1100"],
    );
  });
});

const temp = mkdtempSync(join(tmpdir(), "kbsite-tiers-"));
after(() => rmSync(temp, { recursive: true, force: true }));

/** The index's files under `dir` (search/words, search/tails): path → text. */
function filesOf(root: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const dir of ["search/words", "search/tails"])
    for (const f of readdirSync(join(root, dir)))
      found.set(`${dir}/${f}`, readFileSync(join(root, dir, f), "utf8"));
  return found;
}

describe("a rebuild of tiered terms", () => {
  it("after a change and a removal in the strong tier, equals a cold build", () => {
    // (sortTerms puts a tail read back after its tier in id order again)
    const records = articles.map(wordRecord);
    const out = new OutDir(join(temp, "site"));
    writeWordIndex(out, { full: true }, () => records);
    // A titled article loses the words; another strong one goes: the tier takes from the tail.
    const changedId = `Q${TITLED[0]}`;
    const goneId = `Q${TITLED[1]}`;
    const changed = records.map((r) =>
      r.id === changedId ? { ...r, title: "Mail article", text: "Nothing here." } : r,
    );
    const later = changed.filter((r) => r.id !== goneId);
    const again = new OutDir(out.root, out.root, out.hashes);
    const drop = [changedId, goneId];
    writeWordIndex(
      again,
      {
        full: false,
        records: later.filter((r) => r.id === changedId),
        drop,
        old: records.filter((r) => drop.includes(r.id)),
      },
      () => later,
      bucketsIn(out.hashes),
    );
    for (const path of again.stale(Object.keys(out.hashes))) rmSync(join(out.root, path));
    const cold = new OutDir(join(temp, "cold"));
    writeWordIndex(cold, { full: true }, () => later);
    const coldFiles = filesOf(cold.root);
    assert.ok([...coldFiles.keys()].some((path) => path.startsWith("search/tails/")));
    assert.deepEqual(filesOf(again.root), coldFiles);
  });
});

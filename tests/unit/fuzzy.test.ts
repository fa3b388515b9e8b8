/**
 * Typo tolerance (issue 25): the rules of src/words/fuzzy.ts (the distance, which words may be
 * corrected and how far, the deletion keys that split the vocabulary), the vocabulary files
 * src/generate/search/fuzzy-index.ts writes, and src/words/correct.ts reading them back as the
 * page does: a slip of one or two letters finds its word, gibberish and ids find nothing.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fuzzyTexts, vocabulary } from "../../src/generate/search/fuzzy-index.ts";
import { correctQuery, withCorrection } from "../../src/words/correct.ts";
import type { Found } from "../../src/words/engine.ts";
import { termOf } from "../../src/words/tokens.ts";
import {
  bucketsOfWord,
  bucketsToSearch,
  correctable,
  FUZZY_BUCKETS,
  fuzzyFileCount,
  deletionKeys,
  editDistance,
  maxEdits,
  type FuzzyBucket,
} from "../../src/words/fuzzy.ts";

describe("the edit distance", () => {
  it("counts a swap of two neighbours as one edit (Damerau, optimal string alignment)", () => {
    assert.equal(editDistance("cocreateinstnace", "cocreateinstance", 2), 1);
    assert.equal(editDistance("ab", "ba", 2), 1);
    assert.equal(editDistance("ca", "abc", 3), 3); // OSA: no edit of a swapped pair
  });

  it("counts drops, doubles and replacements as one edit each", () => {
    assert.equal(editDistance("regopenkeyex", "regopenkeyexx", 2), 1);
    assert.equal(editDistance("regopenkeyex", "regopenkyex", 2), 1);
    assert.equal(editDistance("regopenkeyex", "regopenkeyax", 2), 1);
    assert.equal(editDistance("kitten", "sitting", 5), 3);
    assert.equal(editDistance("same", "same", 0), 0);
  });

  it("stops past the bound, answering bound + 1", () => {
    assert.equal(editDistance("kitten", "sitting", 1), 2);
    assert.equal(editDistance("abcdefgh", "hgfedcba", 2), 3);
    assert.equal(editDistance("short", "muchlongerword", 2), 3);
  });
});

describe("which words are corrected, and how far", () => {
  it("allows one edit for 5–8 letters, two beyond, none below", () => {
    assert.deepEqual([4, 5, 8, 9, 16].map(maxEdits), [0, 1, 1, 2, 2]);
  });

  it("never corrects ids, numbers, hex codes or file names", () => {
    for (const word of ["Q265433", "265433", "0x0000001e", "c0000005", "rpcss.exe", "RPC_S_OUT"])
      assert.equal(correctable(word), false, word);
    assert.equal(correctable("CoCreateInstnace"), true);
  });

  it("files every word within reach under a key its slip shares", () => {
    const pairs: [string, string][] = [
      ["cocreateinstance", "ocreateinstance"], // first letter dropped
      ["cocreateinstance", "occreateinstance"], // first two swapped
      ["cocreateinstance", "cocreateinstanec"], // last two swapped
      ["printer", "pritner"],
      ["printer", "prrinter"],
      ["regopenkeyex", "rgeopneKeyEx"], // two swaps
    ];
    for (const [word, typed] of pairs) {
      const filed = bucketsOfWord(word);
      assert.ok(
        [...bucketsToSearch(typed)].some((b) => filed.has(b)),
        `${typed} → ${word}`,
      );
    }
    assert.equal(deletionKeys("abcdefghij", 2).size, 1 + 7 + 21);
  });
});

describe("the vocabulary and the corrections", () => {
  const records = [
    { id: "Q1", title: "CoCreateInstance fails", text: "Call CoCreateInstance with CLSCTX_ALL." },
    { id: "Q2", title: "Printer", text: "cocreateinstance and the printer spooler; printers" },
    { id: "Q3", title: "Printing", text: "The printer driver prints" },
  ];
  const { files, texts } = fuzzyTexts(records);
  const load = async (b: number): Promise<FuzzyBucket | null> =>
    texts[b % files] ? (JSON.parse(texts[b % files]!) as FuzzyBucket) : null;

  it("puts a small vocabulary in few files, a large one in up to FUZZY_BUCKETS", () => {
    assert.equal(files, 1, "three articles' words fit one file");
    assert.equal(fuzzyFileCount(34e6), 8192);
    assert.equal(fuzzyFileCount(1e9), FUZZY_BUCKETS);
    assert.equal(fuzzyFileCount(0), 1);
  });

  it("keeps each word once, in its most frequent spelling, with its articles", () => {
    const words = vocabulary(records);
    assert.equal(words.get("cocreateinstance")?.articles, 2);
    assert.equal(words.get("printer")?.articles, 2);
    assert.equal(words.has("the"), false, "three letters");
    const all = Object.assign({}, ...texts.filter(Boolean).map((t) => JSON.parse(t!)));
    assert.equal(all.CoCreateInstance, 2);
    assert.equal(all.cocreateinstance, undefined);
  });

  it("corrects a word that matches nothing, keeping the rest of the query", async () => {
    const fix = await correctQuery("CoCreateInstnace fails", [termOf("cocreateinstnace")], 0, load);
    assert.deepEqual(fix, {
      text: "CoCreateInstance fails",
      words: [["cocreateinstnace", "CoCreateInstance"]],
      others: [],
    });
  });

  it("says nothing for gibberish, ids and words being typed", async () => {
    assert.equal(await correctQuery("qzxvwkjh", ["qzxvwkjh"], 0, load), null);
    assert.equal(await correctQuery("Q999999", ["q999999"], 0, load), null);
    // A start of a word is Pagefind's to answer, not a slip.
    assert.equal(await correctQuery("cocreateinst", [termOf("cocreateinst")], 0, load), null);
  });

  it("corrects nothing when a missing word cannot be corrected", async () => {
    assert.equal(
      await correctQuery("pritner 0xdeadbeef", ["pritner", "0xdeadbeef"], 0, load),
      null,
    );
  });

  it("corrects a rare word of a short query that finds almost nothing, not a long one's", async () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      id: `Q${10 + i}`,
      title: "Spooler",
      text: "the printer stops",
    }));
    const more = fuzzyTexts([...records, ...many, { id: "Q99", title: "", text: "printre" }]);
    const read = async (b: number) => {
      const text = more.texts[b % more.files];
      return text ? (JSON.parse(text) as FuzzyBucket) : null;
    };
    const fix = await correctQuery("printre", [], 1, read);
    assert.equal(fix?.text, "printer");
    assert.equal(await correctQuery("printre", [], 5, read), null, "enough results");
    assert.equal(await correctQuery("printer", [], 1, read), null, "a common word");
    assert.equal(await correctQuery("the printre stops at once", [], 1, read), null, "long");
  });

  it("lists the exact results first, then the correction's, interleaved with as close words'", async () => {
    const words = [
      { id: "Q1", title: "", text: "import" },
      { id: "Q2", title: "", text: "import" },
      { id: "Q3", title: "", text: "reimport" },
    ];
    const vocab = fuzzyTexts(words);
    const read = async (b: number) => {
      const text = vocab.texts[b % vocab.files];
      return text ? (JSON.parse(text) as FuzzyBucket) : null;
    };
    const hit = (id: string) => ({ id, score: 1, phrase: false });
    const lists: Record<string, string[]> = { import: ["Q1", "Q2"], reimport: ["Q3"] };
    const search = async (text: string): Promise<Found> => ({
      query: { words: [text], compounds: [], runs: [], phrases: [] },
      ranked: (lists[text] ?? []).map(hit),
      missing: lists[text] ? [] : [text],
      rest: null,
    });
    const typed = await search("eimport");
    const found = await withCorrection("eimport", typed, search, read);
    assert.deepEqual(found.correction?.text, "import");
    assert.deepEqual(found.correction?.others, ["reimport"]);
    assert.deepEqual(
      found.ranked.map((r) => r.id),
      ["Q1", "Q3", "Q2"],
    );
    assert.equal(found.exact, 0);
    // Enough exact results: nothing is corrected, nothing read.
    const plenty = { ...typed, missing: [], ranked: ["Q7", "Q8", "Q9"].map(hit) };
    assert.equal(await withCorrection("eimport", plenty, search, read), plenty);
  });
});

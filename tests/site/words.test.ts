/**
 * The word index's shared rules (layouts/search/words.js): how words become terms, the postings
 * encoding, the ranking and the excerpts. The browser runs this very file (bundled).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  BUCKETS,
  bucketOf,
  decodeIds,
  decodePostings,
  encodeIds,
  encodePostings,
  excerpt,
  filterPath,
  queryTerms,
  rank,
} from "../../layouts/search/words.js";

describe("query terms", () => {
  it("lower-cases, stems and drops repeats, keeping words with digits as they are", () => {
    assert.deepEqual(queryTerms("Memory LEAKS, leaking memory in Win32"), [
      "memori",
      "leak",
      "in",
      "win32",
    ]);
  });

  it("cuts at anything but letters and digits, and skips overlong words", () => {
    assert.deepEqual(queryTerms(`rpcss.exe "CoCreateInstance()" ${"f".repeat(40)}`), [
      "rpcss",
      "ex",
      "cocreateinst",
    ]);
  });

  it("puts every term in a bucket in range, the same one each time", () => {
    for (const term of ["a", "memori", "ßtraße", "0x0000001e"]) {
      const bucket = bucketOf(term);
      assert.ok(Number.isInteger(bucket) && bucket >= 0 && bucket < BUCKETS, `${term}: ${bucket}`);
      assert.equal(bucketOf(term), bucket);
    }
    assert.notEqual(bucketOf("memori"), bucketOf("leak"));
  });
});

describe("postings", () => {
  it("decode to what was encoded, small and large gaps alike", () => {
    const postings: number[] = [];
    let id = 0;
    for (let i = 0; i < 2000; i++) {
      id += 1 + ((i * 7919) % (i % 3 === 0 ? 40 : 300_000));
      postings.push(id, 1 + (i % 63));
    }
    postings.push(999_999_999, 63);
    assert.deepEqual(decodePostings(encodePostings(postings)), postings);
  });

  it("are written as the format says", () => {
    assert.equal(encodePostings([5, 40, 7, 12, 265433, 63]), "FoCMymjI_");
  });

  it("take one digit for a near gap and its weight, more for a far one", () => {
    assert.equal(encodePostings([5, 1]).length, 2);
    assert.equal(encodePostings([5, 1, 6, 1]).length, 4);
    assert.equal(encodePostings([40, 1]).length, 3);
  });

  it("refuse text that is not base64url digits", () => {
    assert.throws(() => decodePostings("AB!C"), /not a base64url digit/);
  });
});

describe("filter lists", () => {
  it("decode to the ids encoded, and are written as the format says", () => {
    const ids = [1, 2, 3, 40, 1000, 265433, 999_999_999];
    assert.deepEqual(decodeIds(encodeIds(ids)), ids);
    assert.equal(encodeIds([5, 7, 265433]), "FCymjI");
    assert.deepEqual(decodeIds(""), []);
    assert.throws(() => decodeIds("F!"), /not a base64url digit/);
  });

  it("live in one file per value, named by its slug", () => {
    assert.equal(
      filterPath("product", "Microsoft Windows NT"),
      "search/filters/product/microsoft-windows-nt.json",
    );
    assert.equal(filterPath("year", "2001"), "search/filters/year/2001.json");
    assert.equal(filterPath("product", "../../etc"), "search/filters/product/etc.json");
  });
});

describe("ranking", () => {
  const lists = {
    memori: [10, 5, 20, 60, 30, 5, 40, 5],
    leak: [20, 50, 30, 5, 50, 9],
  };

  it("keeps only the articles holding every term, the heavier first", () => {
    assert.deepEqual(
      rank([lists.memori, lists.leak]).map((r) => r.id),
      ["Q20", "Q30"],
    );
  });

  it("breaks ties by id, and weighs a rare term above a common one", () => {
    const common = Array.from({ length: 2000 }, (_, i) => [i + 1, 10]).flat();
    const rare = [3, 10, 7, 10];
    const ranked = rank([common, rare]);
    assert.deepEqual(
      ranked.map((r) => r.id),
      ["Q3", "Q7"],
    );
    const rareOnly = rank([rare])[0]!.score;
    const commonOnly = rank([common])[0]!.score;
    assert.ok(rareOnly > commonOnly, `${rareOnly} > ${commonOnly}`);
  });

  it("finds nothing when a term has no postings or there are no terms", () => {
    assert.deepEqual(rank([lists.memori, []]), []);
    assert.deepEqual(rank([]), []);
  });
});

describe("excerpts", () => {
  const record = (...texts: string[]) => ({ sections: texts.map((text) => ({ text })) });
  const shown = (pieces: [string, boolean][]) =>
    pieces.map(([text, marked]) => (marked ? `[${text}]` : text)).join("");

  it("shows the words around the first match, marked, skipping support boilerplate", () => {
    const text = record(
      "Nothing here.\n\nContact Microsoft Product Support Services about the memory leak.",
      "One two three four five six seven eight nine: the service leaks memory slowly.",
    );
    assert.equal(shown(excerpt(text, ["memori", "leak"], 4)), "… service [leaks] [memory] slowly.");
    assert.equal(
      shown(excerpt(text, ["memori", "leak"], 12)),
      "… eight nine: the service [leaks] [memory] slowly.",
    );
  });

  it("stops after `size` words", () => {
    const text = record("The memory leak grows by one two three four five six seven eight.");
    assert.equal(shown(excerpt(text, ["leak"], 5)), "… memory [leak] grows by one …");
  });

  it("falls back to the text's first words, and to nothing without text", () => {
    assert.equal(shown(excerpt(record("Alpha beta gamma delta."), ["zeta"], 2)), "Alpha beta …");
    assert.deepEqual(excerpt({ sections: [] }, ["zeta"]), []);
  });
});

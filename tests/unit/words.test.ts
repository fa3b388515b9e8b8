/**
 * The word index's shared rules (src/words/): how text and queries become terms,
 * the postings' two forms, the ranking with its phrase tests, and what a result shows. The
 * browser runs these very files (bundled).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  BUCKETS,
  bucketOf,
  compoundsOf,
  decodeIds,
  decodePostings,
  encodeIds,
  encodePostings,
  filterPath,
  holdsPhrases,
  isCommon,
  splitTier,
  TIER,
  neighbourCodes,
  neighbourHash,
  neighbourText,
  pairTerm,
  parseQuery,
  passage,
  rank,
  type Postings,
} from "../../src/words/index.ts";

describe("parseQuery", () => {
  it("lower-cases and stems, drops stop words, one-letter words and repeats", () => {
    assert.deepEqual(parseQuery("Memory LEAKS, leaking memory in a Win32 service").words, [
      "memori",
      "leak",
      "win32",
      "servic",
    ]);
  });

  it("keeps identifiers, versions and file names whole as compounds, with their words", () => {
    const { words, compounds } = parseQuery("RPC_S_OUT_OF_MEMORY in Rpcss.exe 4.0.1381.7");
    assert.deepEqual(
      compounds.map((c) => c.term),
      ["rpc_s_out_of_memory", "rpcss.exe", "4.0.1381.7"],
    );
    assert.deepEqual(compounds[0]!.parts, ["rpc", "out", "memori"]);
    assert.ok(words.includes("1381") && words.includes("rpcss"));
  });

  it("cuts a registry path at its backslashes into a run of words", () => {
    const { runs } = parseQuery("CurrentControlSet\\Services\\Spooler");
    assert.deepEqual(runs, [{ terms: ["currentcontrolset", "servic", "spooler"], quoted: false }]);
  });

  it("reads quoted phrases, straight or curly, and keeps their every word for the text check", () => {
    const { runs, phrases } = parseQuery("stop “The RPC server is unavailable” now");
    assert.deepEqual(
      runs.map((r) => [r.terms, r.quoted]),
      [
        [["stop"], false],
        [["rpc", "server", "unavail"], true],
        [["now"], false],
      ],
    );
    assert.deepEqual(phrases, [["the", "rpc", "server", "is", "unavail"]]);
  });

  it("finds compounds in text as the query does", () => {
    assert.deepEqual(compoundsOf("Set TcpTimedWaitDelay in Tcpip.sys. Done."), ["tcpip.sys"]);
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
  it("decode to what was encoded, small and large gaps alike, in the full form", () => {
    const [ids, weights, neighbours]: [number[], number[], string[]] = [[], [], []];
    let id = 0;
    for (let i = 0; i < 2000; i++) {
      id += 1 + ((i * 7919) % (i % 3 === 0 ? 40 : 300_000));
      ids.push(id);
      weights.push(1 + (i % 63));
      const hashes = Array.from({ length: i % 9 }, (_, k) => (i * 37 + k * 101) % 4096);
      neighbours.push(neighbourText(i % 9 > 6 ? null : hashes, hashes.slice(0, i % 4)));
    }
    const decoded = decodePostings(
      encodePostings("zanzibar", ids, weights, neighbourCodes(neighbours)),
    );
    assert.deepEqual(
      [decoded.ids, decoded.weights, decoded.neighbours],
      [ids, weights, neighbours],
    );
    assert.deepEqual(decoded.next![1], [(37 + 0) % 4096]);
    assert.equal(decoded.next![7], null, "more than six neighbours: any");
  });

  it("are written as the format says", () => {
    // Q5 weighing 40 ("o"), one neighbour after (hash 65: "BB"), none before.
    assert.equal(
      encodePostings("zanzibar", [5], [40], neighbourCodes([neighbourText([65], [])])),
      "FoBBB",
    );
    assert.ok(isCommon("window") && isCommon(pairTerm("window", "nt")));
    // Q5 weighing 40, Q7 12: the gap and the weight digit each.
    assert.equal(encodePostings("window", [5, 7], [40, 12], null), "!FoCM");
  });

  it("keep a common term's weight, and no neighbours", () => {
    const { ids, weights, next } = decodePostings("!FoCM");
    assert.deepEqual([ids, weights, next], [[5, 7], [40, 12], null]);
  });

  it("split a common term past TIER postings: its strongest first, the tail below their lowest", () => {
    const ids = Array.from({ length: TIER + 3 }, (_, i) => i + 1);
    const weights = ids.map((id) => 1 + (id % 63));
    const split = splitTier(ids, weights)!;
    assert.equal(split.top[0].length, TIER);
    assert.equal(split.rest[0].length, 3);
    assert.ok(Math.max(...split.rest[1]) <= Math.min(...split.top[1]));
    assert.deepEqual(
      [...split.top[0], ...split.rest[0]].sort((a, b) => a - b),
      ids,
    );
    assert.equal(splitTier(ids.slice(0, TIER), weights), null);
    const top = decodePostings(encodePostings("window", ...split.top, null, ids.length));
    assert.deepEqual(
      [top.ids, top.weights, top.total, top.tiered],
      [...split.top, ids.length, true],
    );
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

describe("rank", () => {
  type Row = [number, number, string[], string[]];
  /** Postings of [id, weight, terms right after, terms right before] per article. */
  const list = (...rows: Row[]): Postings => ({
    ids: rows.map((r) => r[0]),
    weights: rows.map((r) => r[1]),
    neighbours: [],
    next: rows.map((r) => r[2].map(neighbourHash)),
    prev: rows.map((r) => r[3].map(neighbourHash)),
  });
  // Q10 and Q30 hold "memory leak" as a phrase; Q20 holds both words apart, and weighs more.
  const lists = new Map([
    [
      "memori",
      list([10, 20, ["leak"], []], [20, 60, ["grow"], []], [30, 20, ["leak"], []], [40, 5, [], []]),
    ],
    ["leak", list([10, 20, [], ["memori"]], [20, 60, [], ["fix"]], [30, 10, [], ["memori"]])],
  ]);
  const run = (terms: string[], quoted = false) => [{ terms, quoted }];

  it("keeps only the articles holding every term, phrase holders first, then by weight", () => {
    const ranked = rank(["memori", "leak"], lists, run(["memori", "leak"]));
    assert.deepEqual(
      ranked.map((r) => [r.id, r.phrase]),
      [
        ["Q10", true],
        ["Q30", true],
        ["Q20", false],
      ],
    );
  });

  it("keeps only phrase holders for a quoted phrase", () => {
    const ranked = rank(["memori", "leak"], lists, run(["memori", "leak"], true));
    assert.deepEqual(
      ranked.map((r) => r.id),
      ["Q10", "Q30"],
    );
  });

  it("tests two common words by their pair term", () => {
    const common = (...ids: number[]): Postings => ({
      ids,
      weights: ids.map(() => 16),
      neighbours: null,
      next: null,
      prev: null,
    });
    const both = new Map([
      ["window", common(1, 2, 3)],
      ["nt", common(1, 2, 3)],
      [pairTerm("window", "nt"), common(2)],
    ]);
    const ranked = rank(["window", "nt"], both, run(["window", "nt"]));
    assert.equal(ranked[0]!.id, "Q2");
    assert.deepEqual(
      rank(["window", "nt"], both, run(["window", "nt"], true)).map((r) => r.id),
      ["Q2"],
    );
  });

  it("weighs a rare term above a common one, and breaks ties by id", () => {
    const common = list(...Array.from({ length: 2000 }, (_, i): Row => [i + 1, 10, [], []]));
    const rare = list([3, 10, [], []], [7, 10, [], []]);
    const both = new Map([
      ["common", common],
      ["rare", rare],
    ]);
    assert.deepEqual(
      rank(["common", "rare"], both).map((r) => r.id),
      ["Q3", "Q7"],
    );
    assert.ok(rank(["rare"], both)[0]!.score > rank(["common"], both)[0]!.score);
  });

  it("finds nothing when a term has no postings or there are no terms", () => {
    assert.deepEqual(rank(["memori", "zanzibar"], lists), []);
    assert.deepEqual(rank([], lists), []);
  });
});

describe("passage", () => {
  const record = (...texts: string[]) => ({
    sections: texts.map((text, i) => ({ id: `s${i}`, heading: `S${i}`, text })),
  });
  const shown = ({ pieces }: { pieces: [string, boolean][] }) =>
    pieces.map(([text, marked]) => (marked ? `[${text}]` : text)).join("");

  it("shows where most of the words are, wherever in the article, and names its section", () => {
    const text = record(
      "The service leaks handles.\n\nContact Microsoft Product Support Services about the memory leak.",
      "One two three four five six seven eight nine: the service leaks memory slowly.",
    );
    const found = passage(text, ["memori", "leak"], 4);
    assert.equal(shown(found), "… service [leaks] [memory] slowly.");
    assert.deepEqual(found.section, { id: "s1", heading: "S1" });
  });

  it("never marks a stop word, and stops after `size` words", () => {
    const text = record("The memory leak grows by one two three four five six seven eight.");
    assert.equal(shown(passage(text, ["leak", "the"], 5)), "… memory [leak] grows by one …");
  });

  it("falls back to the text's first words, and to nothing without text", () => {
    assert.equal(shown(passage(record("Alpha beta gamma delta."), ["zeta"], 2)), "Alpha beta …");
    assert.deepEqual(passage({ sections: [] }, ["zeta"]).pieces, []);
  });
});

describe("holdsPhrases", () => {
  const record = {
    title: "Rpcss Leaks Memory",
    sections: [{ text: "The RPC server is\nunavailable." }],
  };

  it("says whether the text holds each phrase word for word, in any form of its words", () => {
    assert.ok(
      holdsPhrases(record, parseQuery('"the RPC servers are unavailable"').phrases) === false,
    );
    assert.ok(holdsPhrases(record, parseQuery('"RPC server is unavailable"').phrases));
    assert.ok(holdsPhrases(record, parseQuery('"rpcss leaking memory"').phrases));
    assert.ok(holdsPhrases(record, []));
  });
});

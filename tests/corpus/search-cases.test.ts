/**
 * The search test set's recipe (issue 12; scripts/search-cases.ts). Without any corpus: the PRNG
 * is deterministic and the kind classifiers take what people paste and leave the rest. With a
 * built site in KB_SEARCH_SITE (the 60k site the committed set was made from): every committed
 * case's string is past the first 800 characters of its source's section text, outside the
 * boilerplate, held by the articles it lists and by at most 8; and a small regeneration with the
 * same seed gives the start of each kind's list, so the set is reproducible.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { before, describe, it } from "node:test";
import {
  asked,
  findAll,
  holdsAt,
  HolderIndex,
  isHexCode,
  isIdentifier,
  KINDS,
  loadSite,
  mulberry32,
  normalize,
  paragraphs,
  pickCases,
  shuffled,
  type Case,
} from "../../scripts/search-cases.ts";
import { repoRoot } from "./corpus-dir.ts";

describe("the search test set's recipe, without a corpus", () => {
  it("draws the same numbers from the same seed, on any machine", () => {
    const r = mulberry32(12);
    assert.deepEqual(
      [r(), r(), r()],
      [0.2881509135477245, 0.07566750887781382, 0.5801610664930195],
    );
    assert.deepEqual(shuffled([1, 2, 3, 4, 5, 6, 7, 8], mulberry32(12)), [8, 2, 6, 7, 5, 4, 1, 3]);
    assert.notEqual(mulberry32(13)(), mulberry32(12)());
  });
  it("takes identifiers, not plain words, keywords or registry roots", () => {
    for (const w of ["CoCreateInstance", "TcpTimedWaitDelay", "lpfnWndProc", "RPC_S_OUT_OF_MEMORY"])
      assert.ok(isIdentifier(w), w);
    for (const w of [
      "Windows",
      "WinNT",
      "NT",
      "HKEY_LOCAL_MACHINE",
      "kbWinNT400PreSP7Fix",
      "McDonald",
    ])
      assert.ok(!isIdentifier(w), w);
  });
  it("takes error codes, not addresses or words made of hex letters", () => {
    for (const c of [
      "0x0000001E",
      "0x80070005",
      "STOP 0x0000007B",
      "c0000005",
      "0xC0000005",
      "0x7FFF",
    ])
      assert.ok(isHexCode(c), c);
    for (const c of ["77f674e0", "0x684041d8", "deadbeef", "20000101", "0x12", "80070005"])
      assert.ok(!isHexCode(c), c);
  });
  it("holds a string at word boundaries only", () => {
    const text = normalize(
      "See HKLM\\System\\CurrentControlSet\\Services\\Spooler\\Printers, 0x0000001E5.",
    );
    assert.ok(holdsAt(text, normalize("CurrentControlSet\\Services\\Spooler")));
    assert.ok(!holdsAt(text, normalize("CurrentControlSet\\Services\\Spool")));
    assert.ok(!holdsAt(text, "0x0000001e"));
  });
  it("finds each kind past the offset, and nothing in boilerplate", () => {
    const text = [
      "Early: you receive the following error message:\n\n  Too early to be taken by the recipe.",
      "x".repeat(800),
      "When you start the computer, you receive the following error message:",
      "  The system could not log you on\n  because the domain is not available.",
      'The call to CoCreateInstance fails, and you receive "Class not registered on this computer."',
      "Set HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters to 1; STOP 0x0000007B.",
      "Contact Microsoft Product Support Services: 0x80070005 in RpcSsLeak.",
    ].join("\n\n");
    const of = (kind: (typeof KINDS)[number]) => findAll(text, 800, kind).map((f) => f.text);
    assert.deepEqual(of("message"), [
      "The system could not log you on because the domain is not available.",
      "Class not registered on this computer.",
    ]);
    assert.deepEqual(of("identifier"), ["CoCreateInstance", "CurrentControlSet"]);
    assert.deepEqual(of("hex"), ["STOP 0x0000007B"]);
    const [path] = findAll(text, 800, "registry");
    assert.equal(
      path?.text,
      "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters",
    );
    assert.equal(asked(path!, 0, mulberry32(1)), path!.text);
    assert.match(asked(path!, 1, mulberry32(1))!, /^(\w+\\){1,3}Parameters$/);
  });
});

const site = process.env.KB_SEARCH_SITE;
const fixture = JSON.parse(
  readFileSync(`${repoRoot}/tests/fixtures/search-cases.json`, "utf8"),
) as {
  recipe: {
    seed: number;
    perKind: number;
    minOffset: number;
    maxHolders: number;
    articles: number;
  };
  cases: Case[];
};
const skip = !site
  ? "KB_SEARCH_SITE is not set (a built site, e.g. /tmp/site-base); skipping the set's corpus checks"
  : !existsSync(`${site}/kb`)
    ? `KB_SEARCH_SITE=${site} has no kb/ folder; skipping the set's corpus checks`
    : undefined;

/** Where the string occurs in the raw section text (any spacing, any case), at minOffset or past. */
function offsetsOf(sectionText: string, text: string): number[] {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
  return [...sectionText.matchAll(new RegExp(escaped, "gi"))].map((m) => m.index);
}

describe("the committed search test set, on the site it was made from", { skip }, () => {
  let index: HolderIndex;
  before(() => {
    index = new HolderIndex(loadSite(site!));
  });
  const { recipe, cases } = fixture;

  it("was made from this site", () => {
    assert.equal(index.articles.length, recipe.articles, "a different site: holders would differ");
  });
  it(`has ${recipe.perKind} cases per kind from distinct articles, half the messages quoted`, () => {
    for (const kind of KINDS)
      assert.equal(cases.filter((c) => c.kind === kind).length, recipe.perKind);
    assert.equal(new Set(cases.map((c) => c.source)).size, cases.length);
    const messages = cases.filter((c) => c.kind === "message");
    assert.equal(messages.filter((c) => c.quoted).length, recipe.perKind / 2);
    for (const c of messages)
      assert.equal(c.quoted, c.query.startsWith('"') && c.query.endsWith('"'));
  });
  it("takes each string from past the first 800 characters of its source, outside boilerplate", () => {
    const byId = new Map(index.articles.map((a) => [a.id, a]));
    for (const c of cases) {
      const article = byId.get(c.source);
      assert.ok(article, `${c.source} is not in the site`);
      const text = c.quoted ? c.query.slice(1, -1) : c.query;
      const own = paragraphs(article.sectionText).filter((p) => !p.boilerplate);
      const at = offsetsOf(article.sectionText, text).filter(
        (i) =>
          i >= recipe.minOffset && own.some((p) => i >= p.start && i < p.start + p.text.length),
      );
      assert.ok(at.length > 0, `${c.source}: ${c.query} is not past ${recipe.minOffset}`);
    }
  });
  it("lists every holder, at most 8, the source among them", () => {
    for (const c of cases) {
      const holders = index.holders(c.quoted ? c.query.slice(1, -1) : c.query, recipe.maxHolders);
      assert.deepEqual(holders, c.holders, c.query);
      assert.ok(c.holders.includes(c.source), c.query);
    }
  });
  it("is what its kind says", () => {
    for (const c of cases.filter((c) => c.kind === "identifier"))
      assert.ok(isIdentifier(c.query), c.query);
    for (const c of cases.filter((c) => c.kind === "hex")) assert.ok(isHexCode(c.query), c.query);
    for (const c of cases.filter((c) => c.kind === "registry")) assert.match(c.query, /\\/);
  });
  it("is reproducible: a small regeneration with the seed is the start of each kind's list", () => {
    const small = pickCases(index, recipe.seed, 5);
    for (const kind of KINDS) {
      const committed = cases.filter((c) => c.kind === kind).slice(0, 5);
      assert.deepEqual(
        small.filter((c) => c.kind === kind),
        committed,
        kind,
      );
    }
  });
});

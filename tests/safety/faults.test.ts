/**
 * Issue 13, any kill is recovered: a build of a few thousand real articles is killed (SIGKILL,
 * from a fault injected at that point: src/generate/publish/failpoint.ts) in each phase — collect, article
 * pages, browse pages, search index, the commit and halfway through its moves — and the next
 * build of the same command exits 0 with the site a clean build of the same content writes:
 * every page, record and word bucket the same, Pagefind's index whole. A kill before the commit
 * leaves the site as it was. Skips, saying so, without the corpus.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { defaultStateDir } from "../../src/generate/publish/state.ts";
import { differences, kbsite, pagefindProblems, realArticles, siteContent } from "./harness.ts";

const temp = mkdtempSync(join(tmpdir(), "kbsite-faults-"));
after(() => rmSync(temp, { recursive: true, force: true }));
/** Ten id folders: 2,234 articles in 4,468 files. */
const FOLDERS = ["100", "101", "102", "103", "104", "105", "106", "107", "108", "109"];
const corpus = realArticles(join(temp, "content"), FOLDERS);
const content = corpus.dir ?? "";
/** A temp folder of the builds' own, to see that a kill leaves nothing in it but the parse cache. */
const buildTemp = join(temp, "tmp");
const env = { TMPDIR: buildTemp };
const build = (out: string, failpoint?: string) =>
  kbsite(
    ["build", "--content", content, "--out", out],
    failpoint ? { ...env, KBSITE_FAILPOINT: failpoint } : env,
  );

describe("a build killed in any phase", { skip: corpus.skip, timeout: 600_000 }, () => {
  let clean: Map<string, string>;

  before(async () => {
    const run = await build(join(temp, "clean"));
    assert.equal(run.code, 0, run.stderr);
    clean = siteContent(join(temp, "clean"));
  });

  const POINTS: [string, string][] = [
    ["collect", "collect@1500"],
    ["the article pages", "article-pages@4"],
    ["the browse pages", "browse-pages@40"],
    ["the search index, once Pagefind wrote a bundle", "search-written"],
    ["the commit, once its journal is written", "commit"],
    ["the commit, halfway through its moves", "commit-merge@3"],
  ];
  for (const [phase, point] of POINTS)
    it(`is recovered by the next build when killed in ${phase}`, async () => {
      const out = join(temp, point.replace(/\W/g, "-"));
      const killed = await build(out, point);
      assert.equal(
        killed.signal,
        "SIGKILL",
        `killed at ${point}: ${killed.stdout}${killed.stderr}`,
      );
      if (!point.startsWith("commit"))
        assert.deepEqual(
          readdirSync(out),
          ["kbsite.json"],
          "a first build killed before its commit wrote only its marker",
        );
      const again = await build(out);
      assert.equal(again.code, 0, again.stderr);
      assert.deepEqual(differences(siteContent(out), clean), [], "the site a clean build writes");
      assert.deepEqual(pagefindProblems(out), []);
      assert.deepEqual(readdirSync(defaultStateDir(out)).sort(), [
        "build-report.json",
        "manifest.json",
        "records-jsonl",
      ]);
      const left = readdirSync(buildTemp).filter((name) => name.startsWith("kbsite-search"));
      assert.deepEqual(left, [], "no search records left in the temp folder");
    });

  it("leaves the site as it was when a rebuild is killed before its commit, and is finished from its journal when killed during it", async () => {
    const out = join(temp, "rebuilt");
    assert.equal((await build(out)).code, 0);
    const before = siteContent(out);
    const file = join(
      content,
      "kb",
      "100",
      readdirSync(join(content, "kb", "100"))[0]!,
      "README.md",
    );
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace(/^title: "(Q\d+): /m, 'title: "$1: Zanzibarically '));
    try {
      const early = await build(out, "article-pages");
      assert.equal(early.signal, "SIGKILL");
      const now = siteContent(out);
      assert.deepEqual(
        differences(now, before).map((p) => [p, now.get(p), before.get(p)]),
        [],
        "killed before its commit: unchanged",
      );
      const late = await build(out, "commit-merge@2");
      assert.equal(late.signal, "SIGKILL");
      const again = await build(out);
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, /finished it/);
      const cold = join(temp, "rebuilt-cold");
      assert.equal((await build(cold)).code, 0);
      assert.deepEqual(
        differences(siteContent(out), siteContent(cold)).filter(
          (p) => p !== "pagefind/shards.json",
        ),
        [],
      );
      assert.ok([...siteContent(out).values()].some((page) => page.includes("Zanzibarically")));
      assert.deepEqual(pagefindProblems(out), []);
    } finally {
      writeFileSync(file, text);
    }
  });
});

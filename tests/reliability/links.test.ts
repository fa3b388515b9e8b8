/**
 * scripts/check-links.ts: no internal link of a built site is broken. Run over the sample built at
 * the host root and under a sub-path, and over a deliberately broken copy to prove it can fail.
 */
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { scanHtml } from "../../scripts/check-links-html.ts";
import { repoRoot, sampleContentDir } from "../helpers/repo.ts";
import { kbsite, listFiles, run, type RunResult } from "./site.ts";

const SUMMARY = /checked (\d+) links in (\d+) pages, (\d+) broken/;

function checkLinks(args: string[]): Promise<RunResult> {
  const tsx = path.join(repoRoot, "node_modules", "tsx", "dist", "cli.mjs");
  return run(process.execPath, [tsx, path.join(repoRoot, "scripts", "check-links.ts"), ...args]);
}

function summary(result: RunResult) {
  const m = SUMMARY.exec(result.stdout);
  assert.ok(m, `no summary line in: ${result.stdout}${result.stderr}`);
  return { links: Number(m[1]), pages: Number(m[2]), broken: Number(m[3]) };
}

describe("scanHtml", () => {
  it("takes href and src of every element, decoding entities, in any quoting", () => {
    const { links } = scanHtml(
      `<a href="/a/?x=1&amp;y=2">a</a><img src='b.png'><link rel=stylesheet href=c.css><A HREF = "/d/">`,
    );
    assert.deepEqual(links, ["/a/?x=1&y=2", "b.png", "c.css", "/d/"]);
  });

  it("skips comments and the insides of script, style, textarea and title", () => {
    const { links } = scanHtml(
      `<!-- <a href="/c/"> --><script>var s = '<a href="/s/">';</script><style>a{}</style>` +
        `<title><a href="/t/"></title><textarea><a href="/x/"></textarea><a href="/ok/">`,
    );
    assert.deepEqual(links, ["/ok/"]);
  });

  it("reads the insides of xmp, iframe, noembed and noframes as text too, as browsers do", () => {
    const { links } = scanHtml(
      `<xmp><a href="/x/"></xmp><iframe><a href="/i/"></iframe><noembed><a href="/e/"></noembed>` +
        `<noframes><a href="/f/"></noframes><a href="/ok/">`,
    );
    assert.deepEqual(links, ["/ok/"]);
  });

  it("collects ids and the names of <a> elements as fragment targets", () => {
    const { ids } = scanHtml(`<h2 id="cause">C</h2><a name="top"></a><input name="q">`);
    assert.deepEqual([...ids].sort(), ["cause", "top"]);
  });
});

describe("check-links over built sites", { timeout: 300_000 }, () => {
  let tmp: string;
  let site: string;
  let prefixed: string;

  before(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), "kbsite-links-"));
    site = path.join(tmp, "site");
    prefixed = path.join(tmp, "prefixed");
    const builds = await Promise.all([
      kbsite(["build", "--content", sampleContentDir, "--out", site]),
      kbsite([
        "build",
        "--content",
        sampleContentDir,
        "--out",
        prefixed,
        "--prefix",
        "/kb-archive/",
      ]),
    ]);
    for (const b of builds) assert.equal(b.code, 0, b.stderr);
  });

  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it("finds no broken link in the sample site, and says how many it checked", async () => {
    const result = await checkLinks([site]);
    const s = summary(result);
    assert.equal(result.code, 0, result.stdout);
    assert.equal(s.broken, 0);
    assert.equal(s.pages, listFiles(site).filter((f) => f.endsWith(".html")).length);
    assert.ok(s.links > s.pages, `only ${s.links} links checked`);
  });

  it("honours --prefix: the sub-path build is whole under its prefix, and broken without it", async () => {
    const withPrefix = await checkLinks([prefixed, "--prefix", "/kb-archive/"]);
    assert.equal(withPrefix.code, 0, withPrefix.stdout);
    assert.equal(summary(withPrefix).broken, 0);
    const without = await checkLinks([prefixed]);
    assert.equal(without.code, 1);
    assert.ok(summary(without).broken > 0);
  });

  it("fails on a broken copy and names each broken link", async () => {
    const broken = path.join(tmp, "broken");
    cpSync(site, broken, { recursive: true });
    rmSync(path.join(broken, "kb", "265", "Q265433"), { recursive: true, force: true });
    writeFileSync(
      path.join(broken, "broken-links.html"),
      `<!doctype html><title>t</title><h2 id="here">x</h2>` +
        `<a href="#here">ok</a><a href="#nowhere">1</a><a href="/missing/">2</a>` +
        `<a href="kb/186/Q186401/#no-such-section">3</a><img src="img/none.png">` +
        `<a href="https://example.com/missing/">external, not checked</a>`,
    );
    const result = await checkLinks([broken]);
    assert.equal(result.code, 1);
    for (const expected of [
      '"#nowhere"',
      '"/missing/"',
      '"kb/186/Q186401/#no-such-section"',
      '"img/none.png"',
    ])
      assert.ok(
        result.stdout.includes(`broken-links.html: ${expected}`),
        `${expected} not listed:\n${result.stdout}`,
      );
    assert.ok(!result.stdout.includes("example.com"), "external links are not checked");
    assert.ok(summary(result).broken >= 4);
  });

  it("exits 2 with a usage line when the folder is missing", async () => {
    const result = await checkLinks([path.join(tmp, "nope")]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /usage/);
  });
});

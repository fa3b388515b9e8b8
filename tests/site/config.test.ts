/**
 * Issue 16, the config file: a kbsite.config.json with every key changes what the site shows
 * (name in the header and titles, description, logo, footer links, language) and `kbsite build`
 * with no flags builds what it says; flags override it; a changed key rebuilds the pages it
 * shows on; a bad config is one line naming the file and the key, exit 2; `kbsite init` writes
 * every key at its default and never overwrites.
 */
import assert from "node:assert/strict";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { DEFAULTS } from "../../src/config/schema.ts";
import { sampleContentDir } from "../helpers/repo.ts";
import { kbsiteIn } from "./kbsite-in.ts";

const temp = mkdtempSync(join(tmpdir(), "kbsite-config-"));
after(() => rmSync(temp, { recursive: true, force: true }));

/** A project folder: the sample's articles, a logo and this config. */
function project(name: string, config: unknown): string {
  const dir = join(temp, name);
  mkdirSync(dir, { recursive: true });
  cpSync(sampleContentDir, join(dir, "articles"), { recursive: true });
  writeFileSync(join(dir, "logo.svg"), '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
  writeFileSync(join(dir, "kbsite.config.json"), JSON.stringify(config, null, 2));
  return dir;
}

const FULL = {
  name: "Contoso Helpdesk Archive",
  description: "Old fixes, kept for the Contoso helpdesk.",
  logo: "logo.svg",
  links: [{ text: "Helpdesk", href: "https://help.contoso.example/" }],
  language: "de",
  prefix: "/kb-archive/",
  siteUrl: "https://intranet.contoso.example",
  content: "articles",
  out: "public",
  overrides: "overrides",
};

describe("a config file with every key", { timeout: 120_000 }, () => {
  const dir = project("full", FULL);
  mkdirSync(join(dir, "overrides"));
  const read = (path: string) => readFileSync(join(dir, "public", path), "utf8");

  it("builds what the file says with no flags, and the site shows it", async () => {
    const ran = await kbsiteIn(dir, "build");
    assert.equal(ran.code, 0, ran.stderr);
    const home = read("index.html");
    assert.match(home, /<html lang="de" data-prefix="\/kb-archive\/">/);
    assert.match(home, /<title>Contoso Helpdesk Archive<\/title>/);
    assert.match(home, /<h1>Contoso Helpdesk Archive<\/h1>/);
    assert.match(
      home,
      /<meta name="description" content="Old fixes, kept for the Contoso helpdesk." \/>/,
    );
    assert.match(home, /<p>Old fixes, kept for the Contoso helpdesk.<\/p>/);
    assert.match(
      home,
      /<link rel="canonical" href="https:\/\/intranet.contoso.example\/kb-archive\/" \/>/,
    );
    const article = read("kb/186/Q186401/index.html");
    assert.match(article, /<title>[^<]* · Contoso Helpdesk Archive<\/title>/);
    assert.match(
      article,
      /<img class="brand-logo" src="\/kb-archive\/assets\/logo.svg" alt="" height="28" \/> Contoso Helpdesk Archive<\/a/,
    );
    assert.doesNotMatch(article, /brand-mark/);
    assert.match(article, /<a href="https:\/\/help.contoso.example\/">Helpdesk<\/a>/);
    assert.equal(read("assets/logo.svg"), '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
    assert.ok(!existsSync(join(dir, "_site")), "nothing built into the default --out");
  });

  it("rebuilds every page when a key changes: none keeps the old name", async () => {
    writeFileSync(
      join(dir, "kbsite.config.json"),
      JSON.stringify({ ...FULL, name: "Fabrikam KB" }),
    );
    const ran = await kbsiteIn(dir, "build");
    assert.equal(ran.code, 0, ran.stderr);
    for (const path of ["index.html", "kb/186/Q186401/index.html", "products/index.html"]) {
      assert.match(read(path), /Fabrikam KB/, path);
      assert.doesNotMatch(read(path), /Contoso Helpdesk Archive/, path);
    }
  });

  it("lets a flag override the file's key", async () => {
    const ran = await kbsiteIn(dir, "build", "--out", "elsewhere", "--prefix", "/");
    assert.equal(ran.code, 0, ran.stderr);
    assert.match(readFileSync(join(dir, "elsewhere/index.html"), "utf8"), /data-prefix="\/"/);
  });
});

describe("a bad config file", () => {
  const cases: [string, unknown, RegExp][] = [
    ["unknown key", { nmae: "x" }, /kbsite.config.json: unknown key "nmae"; the keys are name, /],
    ["wrong type", { name: 3 }, /kbsite.config.json: name: expected a string, got a number$/],
    ["bad link", { links: [{ text: "x" }] }, /links\[0\]\.href: missing: expected a string$/],
    ["null where not allowed", { links: null }, /links: expected an array, got null$/],
    ["bad language", { language: "English!" }, /language: expected a language tag/],
    ["bad site URL", { siteUrl: "intranet" }, /siteUrl: "intranet" should be an origin/],
    ["missing logo", { logo: "nope.png" }, /logo: no file .*nope\.png; fix the path/],
    ["missing overrides", { overrides: "mine" }, /overrides: no folder .*mine; make it/],
  ];
  for (const [what, config, said] of cases)
    it(`is one line naming the file and the key, exit 2, no usage: ${what}`, async () => {
      const dir = project(`bad-${what.replace(/\W/g, "-")}`, config);
      const ran = await kbsiteIn(dir, "build");
      assert.equal(ran.code, 2);
      const lines = ran.stderr.trim().split("\n");
      assert.equal(lines.length, 1, ran.stderr);
      assert.match(lines[0]!, /^kbsite build: \//);
      assert.match(lines[0]!, said);
      assert.doesNotMatch(ran.stderr, /Usage:|\n\s+at /);
      assert.ok(!existsSync(join(dir, "_site")), "nothing built");
    });

  it("names the file --config gives when it is not there", async () => {
    const ran = await kbsiteIn(temp, "build", "--config", "missing.json");
    assert.equal(ran.code, 2);
    assert.equal(
      ran.stderr.trim(),
      "kbsite build: missing.json: no such config file; check --config",
    );
  });

  it("reads a file that starts with a UTF-8 byte-order mark (issue 21)", async () => {
    const dir = project("bom", { name: "Marked Archive", content: "articles", out: "public" });
    const file = join(dir, "kbsite.config.json");
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(file)]));
    const ran = await kbsiteIn(dir, "build");
    assert.equal(ran.code, 0, ran.stderr);
    assert.match(readFileSync(join(dir, "public/index.html"), "utf8"), /Marked Archive/);
  });

  it("says a file that is not JSON is not", async () => {
    const dir = join(temp, "not-json");
    mkdirSync(dir);
    writeFileSync(join(dir, "site.json"), "{ name: 1 }");
    const ran = await kbsiteIn(dir, "build", "--config", "site.json");
    assert.equal(ran.code, 2);
    assert.match(
      ran.stderr.trim(),
      /^kbsite build: \/.*site\.json: not JSON \(.*\); fix the file$/,
    );
  });
});

describe("kbsite init", () => {
  it("writes every key at its default but overrides, then refuses to overwrite it", async () => {
    const dir = join(temp, "init");
    mkdirSync(dir);
    const first = await kbsiteIn(dir, "init");
    assert.equal(first.code, 0, first.stderr);
    const file = join(dir, "kbsite.config.json");
    const { overrides, ...rest } = DEFAULTS;
    assert.equal(overrides, "overrides");
    assert.deepEqual(JSON.parse(readFileSync(file, "utf8")), rest);
    writeFileSync(file, '{ "name": "Mine" }\n');
    const second = await kbsiteIn(dir, "init");
    assert.equal(second.code, 1);
    assert.match(second.stderr, /kbsite.config.json is already there/);
    assert.equal(readFileSync(file, "utf8"), '{ "name": "Mine" }\n');
  });

  it("writes a config that builds as it is (issue 26), and picks up overrides/ once made", async () => {
    const dir = join(temp, "init-then-build");
    mkdirSync(dir);
    cpSync(sampleContentDir, join(dir, "content"), { recursive: true });
    assert.equal((await kbsiteIn(dir, "init")).code, 0);
    const built = await kbsiteIn(dir, "build");
    assert.equal(built.code, 0, built.stderr);
    assert.ok(existsSync(join(dir, "_site", "kb", "265", "Q265433", "index.html")));
    mkdirSync(join(dir, "overrides"));
    writeFileSync(join(dir, "overrides", "site.css"), "body { color: rebeccapurple }\n");
    const again = await kbsiteIn(dir, "build");
    assert.equal(again.code, 0, again.stderr);
    assert.match(readFileSync(join(dir, "_site", "assets", "site.css"), "utf8"), /rebeccapurple/);
  });
});

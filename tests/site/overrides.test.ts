/**
 * Issue 16, template overrides: files in overrides/ beside the config shadow kbsite's own by name.
 * An overridden style sheet and article template are used, and their removal brings kbsite's own
 * back; an override that throws names its file in one line; a file that shadows nothing is named.
 */
import assert from "node:assert/strict";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { repoRoot, sampleContentDir } from "../helpers/repo.ts";
import { kbsiteIn } from "./kbsite-in.ts";

const temp = mkdtempSync(join(tmpdir(), "kbsite-overrides-"));
after(() => rmSync(temp, { recursive: true, force: true }));

const CSS = "body { background: hotpink; }\n";
const ARTICLE = `// An organisation's article page: the record's title and sections, in kbsite's shell.
import { page } from "${join(repoRoot, "layouts/shell.ts")}";
import { markup } from "${join(repoRoot, "src/site/html.ts")}";

export function render({ kb, article }) {
  const body = markup\`<article class="ours"><h1>\${article.title}</h1>\${article.sections.map(
    (s) => markup\`<h2>\${s.heading}</h2><pre>\${s.text}</pre>\`,
  )}</article>\`;
  return page({ kb, path: "/kb/", title: article.title, description: article.id }, body);
}
`;

function project(name: string, overrides: Record<string, string>): string {
  const dir = join(temp, name);
  mkdirSync(join(dir, "overrides"), { recursive: true });
  cpSync(sampleContentDir, join(dir, "content"), { recursive: true });
  for (const [file, text] of Object.entries(overrides))
    writeFileSync(join(dir, "overrides", file), text);
  return dir;
}

describe("overrides/", { timeout: 120_000 }, () => {
  const dir = project("ours", { "site.css": CSS, "article.mjs": ARTICLE });
  const read = (path: string) => readFileSync(join(dir, "_site", path), "utf8");

  it("shadows the style sheet and the article template", async () => {
    const ran = await kbsiteIn(dir, "build");
    assert.equal(ran.code, 0, ran.stderr);
    assert.equal(read("assets/site.css"), CSS);
    const article = read("kb/265/Q265433/index.html");
    assert.match(article, /<article class="ours"><h1>Rpcss Leaks Memory/);
    assert.match(article, /<h2>SYMPTOMS<\/h2><pre>/);
    assert.doesNotMatch(article, /data-copy-links/, "kbsite's own template not used");
    assert.match(read("index.html"), /class="hero"/, "the other pages are kbsite's");
  });

  it("rebuilds with the change when an override changes, and with kbsite's own once it goes", async () => {
    writeFileSync(join(dir, "overrides/article.mjs"), ARTICLE.replace('"ours"', '"ours-too"'));
    assert.equal((await kbsiteIn(dir, "build")).code, 0);
    assert.match(read("kb/265/Q265433/index.html"), /<article class="ours-too">/);
    assert.equal(read("assets/site.css"), CSS, "kept when only the template changed");
    rmSync(join(dir, "overrides"), { recursive: true });
    const ran = await kbsiteIn(dir, "build");
    assert.equal(ran.code, 0, ran.stderr);
    assert.equal(
      read("assets/site.css"),
      readFileSync(join(repoRoot, "layouts/assets/site.css"), "utf8"),
    );
    assert.match(read("kb/265/Q265433/index.html"), /data-copy-links/);
  });

  it("redraws an override's pages when what its model says they show changes", async () => {
    // Shows the archive's size on every article page, which kbsite's own page does not show.
    const counted = `export const model = ({ kb }) => ({ articles: kb.articles.length });
export const render = ({ kb, article }) => \`<p>\${article.id} of \${kb.articles.length}</p>\`;
`;
    const site = project("counted", { "article.mjs": counted });
    const page = () => readFileSync(join(site, "_site/kb/265/Q265433/index.html"), "utf8");
    assert.equal((await kbsiteIn(site, "build")).code, 0);
    assert.equal(page(), "<p>Q265433 of 5</p>");
    const other = readdirSync(join(site, "content")).find(
      (f) => !readFileSync(join(site, "content", f), "utf8").includes("Q265433"),
    )!;
    rmSync(join(site, "content", other));
    const ran = await kbsiteIn(site, "build");
    assert.equal(ran.code, 0, ran.stderr);
    assert.equal(page(), "<p>Q265433 of 4</p>");
  });

  it("names an override's model that throws, in one line", async () => {
    const bad = project("model-throws", {
      "article.mjs": `export const model = () => { throw new Error("no count"); };
export const render = () => "<p></p>";
`,
    });
    const ran = await kbsiteIn(bad, "build");
    assert.equal(ran.code, 1);
    assert.match(
      ran.stderr.trim(),
      /overrides\/article\.mjs: model threw on Q\d+: no count; fix the override$/,
    );
  });

  it("names the override that throws, in one line, and leaves the site as it was", async () => {
    const bad = project("throws", {
      "article.mjs": 'export function render() { throw new Error("no title"); }\n',
    });
    const ran = await kbsiteIn(bad, "build");
    assert.equal(ran.code, 1);
    const said = ran.stderr.trim().split("\n");
    assert.equal(said.length, 1, ran.stderr);
    assert.match(
      said[0]!,
      /^kbsite build: \/.*\/overrides\/article\.mjs: threw on Q\d+: no title; fix the override$/,
    );
    assert.ok(!existsSync(join(bad, "_site/index.html")), "no page committed");
  });

  it("names an override that exports no render function", async () => {
    const bad = project("no-render", { "article.mjs": "export const nothing = 1;\n" });
    const ran = await kbsiteIn(bad, "build");
    assert.equal(ran.code, 1);
    assert.match(ran.stderr, /overrides\/article\.mjs: exports no render function/);
  });

  it("says to name an article.js article.mjs", async () => {
    const bad = project("js", { "article.js": ARTICLE });
    const ran = await kbsiteIn(bad, "build");
    assert.equal(ran.code, 2);
    assert.match(
      ran.stderr,
      /overrides\/article\.js: name it article\.mjs, so that it loads as an ES module/,
    );
  });

  it("names a file that shadows nothing, exit 2", async () => {
    const bad = project("typo", { "stie.css": CSS });
    const ran = await kbsiteIn(bad, "build");
    assert.equal(ran.code, 2);
    assert.match(
      ran.stderr.trim(),
      /^kbsite build: \/.*\/overrides\/stie\.css: shadows nothing; the files that can be overridden are site\.css, /,
    );
  });
});

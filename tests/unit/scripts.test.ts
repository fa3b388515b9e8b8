/**
 * The browser's scripts (src/generate/write/scripts.ts): bundled at build time from the entry
 * points in layouts/assets/ and the rules in src/, each page module still a file of its own that
 * imports the others as files, so a page makes the requests it always made.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { OutDir } from "../../src/generate/write/out-dir.ts";
import { inlineScripts, writeScripts } from "../../src/generate/write/scripts.ts";

const temp = mkdtempSync(join(tmpdir(), "kbsite-scripts-"));
after(() => rmSync(temp, { recursive: true, force: true }));

describe("writeScripts", () => {
  it("writes every page module, importing the shared ones as files", async () => {
    await writeScripts(new OutDir(temp));
    const assets = join(temp, "assets");
    const names = readdirSync(assets).sort();
    const expected = ["fuzzy", "kb", "not-found", "search", "search-items", "search-start", "site"];
    assert.deepEqual(names, [...expected, "suggest"].map((name) => `${name}.js`).sort());
    const read = (name: string) => readFileSync(join(assets, name), "utf8");
    // One copy of the URL rules on a page: the modules import kb.js, not a bundled copy.
    for (const name of ["site.js", "search.js", "search-items.js", "suggest.js", "not-found.js"]) {
      assert.match(read(name), /from"\.\/kb\.js"/, name);
      assert.doesNotMatch(read(name), /is not an article id/, name);
    }
    assert.match(read("search.js"), /import\("\.\/search-start\.js"\)/);
    assert.match(read("site.js"), /import\("\.\/suggest\.js"\)/);
    // Typo tolerance is a file of its own, loaded only when a word matches nothing.
    assert.match(read("suggest.js"), /import\("\.\/fuzzy\.js"\)/);
    assert.match(read("search-start.js"), /import\(`\$\{[\w$]+\}assets\/fuzzy\.js`\)/);
    assert.doesNotMatch(read("search-start.js"), /search\/fuzzy\//);
    assert.match(read("fuzzy.js"), /search\/fuzzy\//);
    // search-start.js runs alone when the inline copy cannot: nothing left to import.
    assert.doesNotMatch(read("search-start.js"), /from"\.\//);
    assert.match(read("search-start.js"), /export\{/);
  });
});

describe("inlineScripts", () => {
  it("gives the search page a classic script that starts the search", async () => {
    const { searchStart } = await inlineScripts();
    assert.match(searchStart, /^<script>.*kbSearchStarted.*<\/script>$/s);
    // A classic script: no module syntax, and nothing that would end the element early.
    assert.doesNotMatch(searchStart.slice(8, -9), /<\/script|export\{|from"/);
  });
});

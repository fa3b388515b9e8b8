/**
 * No page of the site is over 400 kB, however many articles share a year, a keyword or a
 * product: 2,500 articles of one year, product and keyword, with long titles, make each of those
 * lists several pages (one page of them all was 5.1 MB for 2001 at 60k).
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { after, describe, it } from "node:test";
import { buildSite } from "../../src/generate/pipeline.ts";
import { record } from "../site/fixtures.ts";

const LIMIT = 400 * 1024;
const COUNT = 2500;
const temp = mkdtempSync(join(tmpdir(), "kbsite-page-size-"));
after(() => rmSync(temp, { recursive: true, force: true }));

describe("page sizes of a big archive", () => {
  it(`keeps every HTML page under 400 kB with ${COUNT} articles in one year, product and keyword`, async () => {
    const articles = Array.from({ length: COUNT }, (_, i) =>
      record({
        id: `Q${200000 + i}`,
        title: `Article ${i} about a problem whose title is as long as the longest in the archive, which runs to some 150 characters`,
        lastModified: `2001-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
        keywords: ["kbbug", "kbfix", `kbTopic${i % 50}`],
        files: [{ name: `File${i}.dll`, version: `4.0.1381.${i}`, platform: "x86" }],
      }),
    );
    const out = join(temp, "site");
    const collection = {
      inputs: COUNT,
      articles,
      duplicates: [],
      errors: [],
      formats: { jekyll: 0, text: COUNT },
    };
    await buildSite(collection, { out, prefix: "/" });
    const pages = readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith(".html"))
      .map((e) => join(e.parentPath, e.name));
    const sizes = pages.map((p) => [relative(out, p), statSync(p).size] as const);
    const over = sizes.filter(([, size]) => size > LIMIT);
    assert.deepEqual(over, [], "pages over 400 kB");
    // The lists did page: this test says nothing if they all fit on one page.
    for (const path of [
      "years/2001/2/index.html",
      "keywords/kbbug/25/index.html",
      "products/winnt/25/index.html",
    ])
      assert.ok(
        sizes.some(([p]) => p === path),
        `${path} was written`,
      );
  });
});

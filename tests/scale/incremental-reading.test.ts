/**
 * Rebuilds into the same folder keep issue 15's new pages right: a year or keyword that grows
 * past a page gets its second page, one that shrinks loses it; an article's Related list and its
 * files' newer-version notes follow changes in *other* articles, whose page keys now include them.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { buildSite } from "../../src/generate/pipeline.ts";
import type { ArticleRecord } from "../../src/record.ts";
import { record } from "../site/fixtures.ts";

const temp = mkdtempSync(join(tmpdir(), "kbsite-incremental-reading-"));
after(() => rmSync(temp, { recursive: true, force: true }));
const out = join(temp, "site");

const build = (articles: ArticleRecord[]) =>
  buildSite(
    {
      inputs: articles.length,
      articles,
      duplicates: [],
      errors: [],
      formats: { jekyll: 0, text: articles.length },
    },
    { out, prefix: "/" },
  );
const has = (path: string) => existsSync(join(out, path));
const read = (path: string) => readFileSync(join(out, path), "utf8");

const many = (n: number) =>
  Array.from({ length: n }, (_, i) => record({ id: `Q${400000 + i}`, lastModified: "2001-05-05" }));

describe("rebuilding list pages and what articles show of each other", () => {
  it("adds and removes the later pages of a year and a keyword as they grow and shrink", async () => {
    await build(many(150));
    assert.ok(has("years/2001/2/index.html") && has("keywords/kbbug/2/index.html"));
    await build(many(80));
    assert.ok(!has("years/2001/2/index.html"), "the emptied page goes");
    assert.ok(!has("keywords/kbbug/2/index.html"));
    assert.match(read("years/2001/index.html"), /80 articles, by date\./);
    await build(many(250));
    assert.ok(has("years/2001/3/index.html"));
    assert.match(read("years/2001/3/index.html"), /Q400249/);
  });

  it("rewrites an unchanged article's page when another article starts shipping its file, newer", async () => {
    const a = record({
      id: "Q1",
      files: [{ name: "Rpcss.exe", version: "4.0.1381.7", platform: "x86" }],
    });
    const b = record({ id: "Q2", keywords: ["kbother"] });
    await build([a, b]);
    assert.doesNotMatch(read("kb/000/Q1/index.html"), /related_articles|class="newer"/);
    const b2 = { ...b, files: [{ name: "RPCSS.EXE", version: "4.0.1381.33478", platform: "x86" }] };
    await build([a, b2]);
    const page = read("kb/000/Q1/index.html");
    assert.match(page, /id="related_articles"[\s\S]*Q2[\s\S]*ships rpcss\.exe/i);
    assert.match(
      page,
      /<td class="newer" data-label="Newer version">4\.0\.1381\.33478 in <a href="\/kb\/000\/Q2\/">Q2<\/a><\/td>/,
    );
  });
});

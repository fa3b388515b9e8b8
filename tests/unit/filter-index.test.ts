/**
 * The filter lists the build writes beside the word index (src/generate/search/filter-index.ts): each
 * product and year lists exactly the articles that have it, and values whose slugs collide share
 * a file without mixing their articles.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { writeFilterIndex } from "../../src/generate/search/filter-index.ts";
import { OutDir } from "../../src/generate/write/out-dir.ts";
import { searchFilters } from "../../src/generate/search/search-records.ts";
import { collect } from "../../src/corpus/collect.ts";
import type { ArticleRecord } from "../../src/record.ts";
import { decodeIds, filterPath, FILTERS } from "../../src/words/index.ts";
import { sampleContentDir } from "../helpers/repo.ts";

const temp = mkdtempSync(join(tmpdir(), "kbsite-filters-"));
after(() => rmSync(temp, { recursive: true, force: true }));
let articles: ArticleRecord[] = [];
before(async () => {
  articles = (await collect([sampleContentDir])).articles;
});

/** The ids the written lists give for a filter value. */
function listed(out: OutDir, name: string, value: string): string[] {
  const file = JSON.parse(readFileSync(join(out.root, filterPath(name, value)), "utf8")) as Record<
    string,
    string
  >;
  return decodeIds(file[value] ?? "").map((n) => `Q${n}`);
}

const byNumber = (a: string, b: string) => Number(a.slice(1)) - Number(b.slice(1));

describe("the filter lists", () => {
  it("list under each product and year exactly the articles that have it", () => {
    const out = new OutDir(join(temp, "sample"));
    // Given out of id order: the lists are in id order whatever the order of the articles.
    const files = writeFilterIndex(out, [...articles].reverse());
    let values = 0;
    for (const name of FILTERS) {
      for (const value of new Set(articles.flatMap((a) => searchFilters(a)[name]))) {
        const having = articles.filter((a) => searchFilters(a)[name].includes(value));
        assert.deepEqual(
          listed(out, name, value),
          having.map((a) => a.id).sort(byNumber),
          `${name} ${value}`,
        );
        values++;
      }
    }
    assert.ok(values >= 3, `the sample has products and years (${values} values)`);
    assert.equal(files, values);
  });

  it("keep values whose slugs collide apart in the file they share", () => {
    const [a, b, c] = articles as [ArticleRecord, ArticleRecord, ArticleRecord];
    const out = new OutDir(join(temp, "collide"));
    writeFilterIndex(out, [
      { ...a, products: ["Windows NT"] },
      { ...b, products: ["Windows/NT"] },
      { ...c, products: ["Windows NT", "Windows/NT"] },
    ]);
    assert.equal(filterPath("product", "Windows NT"), filterPath("product", "Windows/NT"));
    assert.deepEqual(listed(out, "product", "Windows NT"), [a.id, c.id].sort(byNumber));
    assert.deepEqual(listed(out, "product", "Windows/NT"), [b.id, c.id].sort(byNumber));
  });
});

/**
 * Issue 4, the sharded search index: a site whose index is split into several Pagefind bundles
 * finds, in the browser, articles from every bundle, under the root and under a sub-path; and
 * after one article changes, the search finds its new text and no longer its old text, from the
 * word index (whole words) and from Pagefind (parts of words, which the word index lacks).
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { buildSite } from "../../src/generate/pipeline.ts";
import { collect, type Collection } from "../../src/corpus/collect.ts";
import { sampleContentDir } from "../helpers/repo.ts";
import { noBrowser, serveSite, type ServedSite } from "../helpers/served-site.ts";

const temp = mkdtempSync(join(tmpdir(), "kbsite-shards-"));
after(() => rmSync(temp, { recursive: true, force: true }));

for (const prefix of ["/", "/kb-archive/"]) {
  describe(`searching a site split into shards (at ${prefix})`, { skip: noBrowser }, () => {
    const out = join(temp, prefix === "/" ? "root" : "sub");
    let site: ServedSite;
    let collection: Collection;

    before(async () => {
      collection = await collect([sampleContentDir]);
      // Two articles a shard: the five seed articles make three bundles.
      await buildSite(collection, { out, prefix, minPerShard: 2 });
      site = await serveSite(out, prefix);
    });
    after(() => site?.close());

    async function search(query: string): Promise<string[]> {
      const context = await site.browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${site.origin}${prefix}search/?q=${encodeURIComponent(query)}`);
        await page.locator("[data-search-status]").filter({ hasText: /match/ }).waitFor();
        return await page
          .locator("[data-search-results] a.result-title")
          .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      } finally {
        await context.close();
      }
    }

    it("writes three bundles and lists the two merged into the first", () => {
      const shards = JSON.parse(readFileSync(join(out, "pagefind/shards.json"), "utf8"));
      assert.deepEqual(shards.bundles, ["pagefind/shard-1/", "pagefind/shard-2/"]);
    });

    it("finds articles of every shard for the start of a word they share", async () => {
      // Pagefind holds ids, titles, keywords and file names: kbWinNT400PreSP7Fix is a keyword of
      // all but Q186401. Shards: Q186401 Q246691 · Q256149 Q265433 · Q297534.
      const found = await search("kbwinnt");
      for (const id of ["Q246691", "Q265433", "Q297534"]) {
        assert.ok(
          found.some((p) => p.endsWith(`/${id}/`)),
          `${id} found in ${found}`,
        );
      }
      assert.ok(
        found.every((p) => p.startsWith(prefix)),
        "result links under the prefix",
      );
    });

    it("finds a changed article by its new title and not its old one", async () => {
      const articles = collection.articles.map((a) =>
        a.id === "Q297534" ? { ...a, title: "Quixotically Renamed Article" } : a,
      );
      assert.deepEqual(await search("quixotically"), []);
      assert.deepEqual(await search("quixotic"), []);
      await buildSite({ ...collection, articles }, { out, prefix, minPerShard: 2 });
      assert.deepEqual(await search("quixotically"), [`${prefix}kb/297/Q297534/`]);
      assert.deepEqual(await search("quixotic"), [`${prefix}kb/297/Q297534/`], "by Pagefind");
    });
  });
}

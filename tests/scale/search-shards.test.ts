/**
 * Issue 4, the sharded search index: a site whose index is split into several Pagefind bundles
 * finds, in the browser, articles from every bundle, under the root and under a sub-path; and
 * after one article changes, the search finds its new text and no longer its old text, from the
 * word index (whole words) and from Pagefind (parts of words, which the word index lacks).
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { chromium, type Browser } from "playwright-core";
import { buildSite } from "../../src/build/pipeline.ts";
import { handler } from "../../src/cli/serve.ts";
import { collect, type Collection } from "../../src/corpus/collect.ts";
import { sampleContentDir } from "../helpers/repo.ts";

const CHROMIUM = "/usr/bin/chromium";
const noBrowser = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing`;
const temp = mkdtempSync(join(tmpdir(), "kbsite-shards-"));
after(() => rmSync(temp, { recursive: true, force: true }));

for (const prefix of ["/", "/kb-archive/"]) {
  describe(`searching a site split into shards (at ${prefix})`, { skip: noBrowser }, () => {
    const out = join(temp, prefix === "/" ? "root" : "sub");
    let server: Server;
    let browser: Browser;
    let origin = "";
    let collection: Collection;

    before(async () => {
      collection = await collect([sampleContentDir]);
      // Two articles a shard: the five seed articles make three bundles.
      await buildSite(collection, { out, prefix, minPerShard: 2 });
      server = createServer(handler(out, prefix));
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    });
    after(async () => {
      await browser?.close();
      server?.close();
    });

    async function search(query: string): Promise<string[]> {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${origin}${prefix}search/?q=${encodeURIComponent(query)}`);
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
      const found = await search("memor"); // shards: Q186401 Q246691 · Q256149 Q265433 · Q297534
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

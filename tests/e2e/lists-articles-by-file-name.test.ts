/**
 * A search for a file name from a hotfix table lists the article that ships it first, however
 * the name is cased and with or without its extension, then the articles that mention it.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { noBrowser, PREFIXES, resultPaths, useSite } from "./harness.ts";

const CASES = [
  { query: "kernel32.dll", first: "kb/246/Q246691/" },
  { query: "rpcss.exe", first: "kb/265/Q265433/" },
  { query: "RPCSS.EXE", first: "kb/265/Q265433/" },
  { query: "Rpcss", first: "kb/265/Q265433/" },
];

for (const prefix of PREFIXES) {
  describe(`searching for a file name (site at ${prefix})`, { skip: noBrowser }, () => {
    const site = useSite(prefix);

    for (const { query, first } of CASES) {
      it(`lists ${first.split("/")[2]} first for ${query}`, async () => {
        const page = await site.page();
        await page.goto(site.url(`search/?q=${encodeURIComponent(query)}`));
        const [top] = await resultPaths(page);
        assert.equal(top, site.path(first), `first result for "${query}"`);
      });
    }

    it("lists the file-table hits with the word's own matches, not behind a button", async () => {
      const page = await site.page();
      await page.goto(site.url("search/?q=rpcss"));
      const line = page.locator("[data-search-status]").filter({ hasText: /file tables/ });
      await line.waitFor();
      // The two articles that ship it are also the only two that mention it.
      assert.match(await line.innerText(), /^2 articles list rpcss in their file tables\.$/);
      assert.equal(await page.locator("[data-search-results] li .badge").count(), 2);
      assert.equal(await page.locator("[data-search-results] button").count(), 0);
    });
  });
}

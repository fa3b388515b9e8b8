/**
 * A search narrowed by the form's product and year or by a file (?file=, as links carry it): the
 * word index answers it with its filter lists, words or not, without loading Pagefind; a part of a
 * word still goes to Pagefind, which applies the same filters. The sample's five articles are all
 * Windows NT; Q186401 alone is from 2001, Q256149 alone lists Ole32.dll.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { noBrowser, PREFIXES, useSite, type Page } from "./harness.ts";

/**
 * Loads the search and waits for its status line to say how many matched: that line, the results'
 * paths, and whether Pagefind was asked.
 */
async function search(
  page: Page,
  url: string,
): Promise<{ status: string; found: string[]; pagefind: boolean }> {
  const asked: string[] = [];
  page.on("request", (request) => asked.push(new URL(request.url()).pathname));
  await page.goto(url);
  const line = page.locator("[data-search-status]").filter({ hasText: /match/ });
  await line.waitFor();
  const links = page.locator("[data-search-results] a[href]");
  const found = await links.evaluateAll((as) =>
    as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );
  const status = await line.innerText();
  return { status, found, pagefind: asked.some((path) => path.includes("/pagefind/")) };
}

for (const prefix of PREFIXES) {
  describe(`narrowing a search (site at ${prefix})`, { skip: noBrowser }, () => {
    const site = useSite(prefix);
    const kb = (id: string) => site.path(`kb/${id.slice(1, -3).padStart(3, "0")}/${id}/`);

    it("keeps the word results of the chosen year only", async () => {
      const page = await site.page();
      const result = await search(page, site.url("search/?q=leak&year=2001"));
      assert.deepEqual(result.found, [kb("Q186401")]);
      assert.match(result.status, /^1 article matches “leak” with year 2001\./);
      assert.ok(!result.pagefind, "Pagefind was not loaded");
      assert.equal(await page.locator("#year").inputValue(), "2001", "the form shows the filter");
    });

    it("lists every article of a product, in id order, when there are no words", async () => {
      const page = await site.page();
      const result = await search(page, site.url("search/?product=Microsoft+Windows+NT"));
      assert.deepEqual(
        result.found,
        ["Q186401", "Q246691", "Q256149", "Q265433", "Q297534"].map(kb),
      );
      assert.match(result.status, /^5 articles match product Microsoft Windows NT\./);
      assert.ok(!result.pagefind, "Pagefind was not loaded");
    });

    it("keeps the articles whose file table lists the file", async () => {
      const page = await site.page();
      const result = await search(page, site.url("search/?q=memory+leaks&file=Ole32.dll"));
      assert.deepEqual(result.found, [kb("Q256149")]);
      assert.match(result.status, /with file ole32\.dll\./);
    });

    it("says so when the filters leave nothing", async () => {
      const page = await site.page();
      await page.goto(site.url("search/?q=leak&year=1999"));
      const line = page.locator("[data-search-status]").filter({ hasText: /No articles/ });
      await line.waitFor();
      assert.match(await line.innerText(), /No articles match “leak” with year 1999\./);
      assert.equal(await page.locator("[data-search-results] li").count(), 0);
    });

    it("applies the filters to a part of a word, answered by Pagefind", async () => {
      const page = await site.page();
      const kept = await search(page, site.url("search/?q=cocreatei&year=2002"));
      assert.deepEqual(kept.found, [kb("Q265433")]);
      assert.ok(kept.pagefind, "Pagefind answered");
      const other = await site.page();
      await other.goto(site.url("search/?q=cocreatei&year=2001"));
      await other
        .locator("[data-search-status]")
        .filter({ hasText: /No articles/ })
        .waitFor();
    });
  });
}

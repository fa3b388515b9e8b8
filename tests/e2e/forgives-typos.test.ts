/**
 * Typo tolerance and OpenSearch on the search page (issue 25): a misspelt identifier shows the
 * results for the word the archive holds, says so ("Showing results for …; search instead for …",
 * the second a link to the exact search), and gibberish still says nothing matches; suggestions
 * as you type forgive a slip; the OpenSearch template, as a browser fills it, lands an id on its
 * article.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { noBrowser, PREFIXES, resultPaths, useSite, type Page } from "./harness.ts";

async function status(page: Page): Promise<string> {
  const line = page.locator("[data-search-status]").filter({ hasText: /match/ });
  await line.waitFor();
  return line.innerText();
}

for (const prefix of PREFIXES) {
  describe(`a slip in a search (site at ${prefix})`, { skip: noBrowser }, () => {
    const site = useSite(prefix);

    for (const typo of ["CoCreateInstnace", "CoCreateInstancee", "CoCreatInstance"])
      it(`shows the results for CoCreateInstance when asked for ${typo}`, async () => {
        const page = await site.page();
        await page.goto(site.url(`search/?q=${typo}`));
        assert.match(await status(page), /^1 article matches “CoCreateInstance”/);
        const fix = page.locator(".search-fix");
        assert.equal(
          await fix.innerText(),
          `Showing results for CoCreateInstance; search instead for ${typo}`,
        );
        assert.ok((await resultPaths(page)).includes(site.path("kb/265/Q265433/")));
        // The link searches the word as typed: nothing holds it.
        await fix.getByRole("link", { name: typo }).click();
        assert.match(await status(page), new RegExp(`^No articles match “${typo}”`));
        assert.equal(await page.locator(".search-fix").count(), 0);
        assert.equal(await page.locator("#q").inputValue(), typo);
      });

    it("still says nothing matches gibberish", async () => {
      const page = await site.page();
      await page.goto(site.url("search/?q=qzxvwkjhqp"));
      assert.match(await status(page), /^No articles match “qzxvwkjhqp”/);
      assert.equal(await page.locator(".search-fix").count(), 0);
      assert.equal(await page.locator("[data-search-results] li").count(), 0);
    });

    it("forgives a slip in the suggestions as you type", async () => {
      const page = await site.page();
      await page.goto(site.url(""));
      await page.getByRole("combobox", { name: "Search articles" }).focus();
      await page.keyboard.type("cocraetein");
      const option = page.getByRole("listbox").getByRole("option").first();
      await option.waitFor();
      assert.match(await option.innerText(), /Q265433/);
    });

    it("lands an id typed in the address bar on its article (OpenSearch)", async () => {
      const page = await site.page();
      const xml = await (await page.request.get(site.url("opensearch.xml"))).text();
      const template = /<Url type="text\/html" method="get" template="([^"]+)"/.exec(xml)?.[1];
      assert.equal(template, `${prefix}search/?q={searchTerms}`, "paths: no --site-url");
      await page.goto(site.origin + template!.replace("{searchTerms}", "Q265433"));
      await page.waitForURL(site.url("kb/265/Q265433/"));
    });
  });
}

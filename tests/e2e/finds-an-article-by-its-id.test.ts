/**
 * A search for a KB id that the site has goes straight to that article, however the id is
 * spelled, whether typed in a search box or given in the URL; an id the site lacks does not.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { noBrowser, pathOf, PREFIXES, useSite, type Page } from "./harness.ts";

const SPELLINGS = ["Q246691", "q246691", "KB246691", "kb246691", "246691"];
const SEARCH_BOX = 'input[type="search"], [role="searchbox"], input[name="q"]';

for (const prefix of PREFIXES) {
  describe(`finding an article by its id (site at ${prefix})`, { skip: noBrowser }, () => {
    const site = useSite(prefix);
    const article = site.path("kb/246/Q246691/");

    async function assertOnQ246691(page: Page) {
      await page.waitForURL((url) => url.pathname === article);
      assert.match(await page.locator("h1").first().innerText(), /CreateRemoteThread/);
    }

    for (const from of ["", "search/"]) {
      it(`goes to the article when Q246691 is typed in the search box of /${from}`, async () => {
        const page = await site.page();
        await page.goto(site.url(from));
        const box = page.locator(SEARCH_BOX).first();
        await box.fill("Q246691");
        await box.press("Enter");
        await assertOnQ246691(page);
      });
    }

    for (const spelling of SPELLINGS) {
      it(`goes to the article from search/?q=${spelling}`, async () => {
        const page = await site.page();
        await page.goto(site.url(`search/?q=${spelling}`));
        await assertOnQ246691(page);
      });
    }

    it("stays on the search page for an id the site does not have", async () => {
      const page = await site.page();
      await page.goto(site.url("search/?q=Q123456"), { waitUntil: "networkidle" });
      await page.waitForTimeout(500);
      assert.equal(pathOf(page.url()), site.path("search/"));
    });
  });
}

/** Reading and browsing need no JavaScript: articles are plain pages and the home links onward. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { noBrowser, pathOf, PREFIXES, useSite, type Page } from "./harness.ts";

const ARTICLE = /\/kb\/\d{3}\/Q[1-9]\d*\/$/;
const PRODUCTS = /\/products\/$/;
const PRODUCT = /\/products\/[^/]+\/$/;

/** Follows the first link on the page whose path matches `target`, by clicking it. */
async function follow(page: Page, target: RegExp): Promise<void> {
  const links = page.locator("a[href]");
  const paths = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  const index = paths.findIndex((href) => target.test(new URL(href).pathname));
  assert.ok(index >= 0, `${pathOf(page.url())} has a link to ${target}; it has ${paths}`);
  await links.nth(index).click();
  await page.waitForURL((url) => target.test(url.pathname));
}

for (const prefix of PREFIXES) {
  describe(`reading without JavaScript (site at ${prefix})`, { skip: noBrowser }, () => {
    const site = useSite(prefix);
    const noScript = { javaScriptEnabled: false };

    it("shows an article's title and sections", async () => {
      const page = await site.page(noScript);
      await page.goto(site.url("kb/265/Q265433/"));
      assert.match(await page.locator("h1").first().innerText(), /Rpcss Leaks Memory/);
      for (const id of ["symptoms", "cause", "resolution"]) {
        assert.equal(await page.locator(`#${id}`).count(), 1, `#${id}`);
      }
      assert.match(await page.locator("body").innerText(), /CoCreateInstance/);
    });

    it("goes from the home page to a product and on to one of its articles", async () => {
      const page = await site.page(noScript);
      await page.goto(site.url(""));
      await follow(page, /\/products\/([^/]+\/)?$/);
      if (PRODUCTS.test(pathOf(page.url()))) await follow(page, PRODUCT);
      assert.ok(pathOf(page.url()).startsWith(site.path("products/")), "on a product page");
      await follow(page, ARTICLE);
      assert.ok(pathOf(page.url()).startsWith(site.path("kb/")), "on an article of the site");
      assert.ok((await page.locator("h1").first().innerText()).length > 0, "with a title");
    });
  });
}

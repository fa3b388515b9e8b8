/** Reading and browsing need no JavaScript: articles are plain pages and the home links onward. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { noBrowser, pathOf, PREFIXES, useSite } from "./harness.ts";

/** The path of an article page, "/kb/265/Q265433/", with any prefix. */
const ARTICLE = /\/kb\/\d{3}\/Q[1-9]\d*\/$/;

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
      const product = page.locator(`a[href*="/products/"]`).first();
      assert.ok((await product.count()) > 0, "the home page links to a product");
      await product.click();
      await page.waitForURL((url) => url.pathname.startsWith(site.path("products/")));

      const hrefs = await page
        .locator("a[href]")
        .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      const first = hrefs.findIndex((href) => ARTICLE.test(href ?? ""));
      assert.ok(first >= 0, `${pathOf(page.url())} links to an article`);
      await page.locator("a[href]").nth(first).click();
      await page.waitForURL((url) => ARTICLE.test(url.pathname));
      assert.ok(pathOf(page.url()).startsWith(site.path("kb/")));
      assert.ok(
        (await page.locator("h1").first().innerText()).length > 0,
        "the article has a title",
      );
    });
  });
}

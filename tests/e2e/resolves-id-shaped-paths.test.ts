/**
 * Old and hand-typed links such as /Q265433 or /kb/265433/ are answered by the site's 404 page,
 * which sends the reader on to the article's canonical URL; other missing pages offer search.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { noBrowser, pathOf, PREFIXES, useSite } from "./harness.ts";

const ID_PATHS = ["Q265433", "kb/Q265433", "kb/265433/", "KB265433"];

for (const prefix of PREFIXES) {
  describe(`resolving id-shaped paths (site at ${prefix})`, { skip: noBrowser }, () => {
    const site = useSite(prefix);

    for (const idPath of ID_PATHS) {
      it(`sends ${site.prefix}${idPath} on to the article`, async () => {
        const page = await site.page();
        const response = await page.goto(site.url(idPath));
        assert.equal(response?.status(), 404, "the server answers a missing page with 404");
        await page.waitForURL((url) => url.pathname === site.path("kb/265/Q265433/"));
        assert.match(await page.locator("h1").first().innerText(), /Rpcss Leaks Memory/);
      });
    }

    it("sends a file page typed in capitals on to the file's page", async () => {
      const page = await site.page();
      const response = await page.goto(site.url("files/KERNEL32.DLL/"));
      assert.equal(response?.status(), 404);
      await page.waitForURL((url) => url.pathname === site.path("files/kernel32.dll/"));
      assert.match(await page.locator("h1").first().innerText(), /kernel32\.dll/i);
    });

    it("offers search on a missing page that is not an id", async () => {
      const page = await site.page();
      const response = await page.goto(site.url("no/such/page/"), { waitUntil: "networkidle" });
      assert.equal(response?.status(), 404);
      assert.equal(pathOf(page.url()), site.path("no/such/page/"), "no redirect");
      const form = page.locator(`form[action$="${site.path("search/")}"]`);
      assert.ok((await form.count()) > 0, `a form that searches at ${site.path("search/")}`);
    });
  });
}

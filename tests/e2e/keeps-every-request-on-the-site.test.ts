/**
 * No request leaves the site: browsing the home page, an article and a search with results
 * fetches only from the server the site is on, and only under the site's own sub-path.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { noBrowser, PREFIXES, resultPaths, useSite } from "./harness.ts";

/** Schemes that name data inside the page, not a place to fetch from. */
const LOCAL = /^(data|blob|about):/;

for (const prefix of PREFIXES) {
  describe(`keeping every request on the site (site at ${prefix})`, { skip: noBrowser }, () => {
    const site = useSite(prefix);

    it("fetches only from the site while browsing home, an article and a search", async () => {
      const page = await site.page();
      const requested: string[] = [];
      page.on("request", (request) => requested.push(request.url()));

      await page.goto(site.url(""), { waitUntil: "networkidle" });
      await page.goto(site.url("kb/246/Q246691/"), { waitUntil: "networkidle" });
      await page.goto(site.url("search/?q=memory"), { waitUntil: "networkidle" });
      assert.ok((await resultPaths(page)).length > 0, "the search found something");
      await page.waitForLoadState("networkidle");

      const fetched = requested.filter((url) => !LOCAL.test(url));
      assert.ok(fetched.length >= 3, `the three pages were fetched: ${fetched}`);
      const away = fetched.filter((url) => !url.startsWith(site.origin + site.prefix));
      assert.deepEqual(away, [], `requests outside ${site.origin}${site.prefix}`);
    });

    it("asks no other host to be looked up or connected to ahead of time", async () => {
      const page = await site.page();
      for (const at of ["", "kb/246/Q246691/", "search/"]) {
        await page.goto(site.url(at));
        const hints = await page
          .locator('link[rel~="preconnect"], link[rel~="dns-prefetch"], link[rel~="prefetch"]')
          .evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
        const away = hints.filter((href) => !href.startsWith(site.origin));
        assert.deepEqual(away, [], `resource hints to other hosts on /${at}`);
      }
    });
  });
}

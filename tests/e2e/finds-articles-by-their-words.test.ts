/**
 * A search for words: the word index answers it (ranked, with the matching words marked in each
 * excerpt); a part of a word, which the word index does not hold, is answered by Pagefind; and
 * a host whose Content-Security-Policy forbids inline scripts still gets its results.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { noBrowser, PREFIXES, resultPaths, useSite, type Page } from "./harness.ts";

/** Waits for the status line to say how many matched; returns it. */
async function status(page: Page): Promise<string> {
  const line = page.locator("[data-search-status]").filter({ hasText: /match/ });
  await line.waitFor();
  return line.innerText();
}

for (const prefix of PREFIXES) {
  describe(`searching for words (site at ${prefix})`, { skip: noBrowser }, () => {
    const site = useSite(prefix);

    it("ranks the article whose title has both words first, and marks them", async () => {
      const page = await site.page();
      const asked: string[] = [];
      page.on("request", (request) => asked.push(new URL(request.url()).pathname));
      await page.goto(site.url("search/?q=memory%20leaks"));
      const [top, ...rest] = await resultPaths(page);
      assert.equal(top, site.path("kb/265/Q265433/"));
      assert.ok(rest.includes(site.path("kb/256/Q256149/")), `Q256149 listed: ${rest}`);
      assert.match(await status(page), /^3 articles match “memory leaks”/);
      const marks = await page.locator("[data-search-results] mark").allInnerTexts();
      assert.ok(marks.length > 0, "matching words are marked");
      for (const mark of marks) assert.match(mark, /^(memory|leaks?)$/i);
      assert.ok(
        asked.some((p) => p.startsWith(site.path("search/words/"))),
        "the word index was asked",
      );
      assert.ok(!asked.some((p) => p.includes("/pagefind/")), "Pagefind was not loaded");
    });

    it("answers a part of a word from Pagefind", async () => {
      const page = await site.page();
      const asked: string[] = [];
      page.on("request", (request) => asked.push(new URL(request.url()).pathname));
      // Not "cocreateinst": that is the stem of CoCreateInstance, a term of the word index.
      await page.goto(site.url("search/?q=cocreatei"));
      const found = await resultPaths(page);
      assert.ok(found.includes(site.path("kb/265/Q265433/")), `Q265433 in ${found}`);
      assert.ok(
        asked.some((p) => p.includes("/pagefind/")),
        "Pagefind answered",
      );
    });

    it("says so when no article holds the word", async () => {
      const page = await site.page();
      await page.goto(site.url("search/?q=zanzibarically"));
      const line = page.locator("[data-search-status]").filter({ hasText: /No articles/ });
      await line.waitFor();
      assert.equal(await page.locator("[data-search-results] li").count(), 0);
    });

    it("works where inline scripts are forbidden, from /assets/search-start.js", async () => {
      const page = await site.page();
      await page.route(`**${site.path("search/")}*`, async (route) => {
        const response = await route.fetch();
        await route.fulfill({
          response,
          headers: { ...response.headers(), "content-security-policy": "script-src 'self'" },
        });
      });
      const blocked: string[] = [];
      page.on(
        "console",
        (m) => m.text().includes("Content Security Policy") && blocked.push(m.text()),
      );
      await page.goto(site.url("search/?q=memory%20leak"));
      const [top] = await resultPaths(page);
      assert.equal(top, site.path("kb/265/Q265433/"));
      assert.ok(blocked.length > 0, "the inline script was blocked, so the module ran instead");
    });
  });
}

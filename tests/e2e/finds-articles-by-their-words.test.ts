/**
 * A search for words: the word index answers it from every word of the articles (ranked, phrase
 * holders first, each result with the passage where it matched, its words marked, linked to its
 * section); a quoted phrase lists only the articles holding it; a part of a word is answered by
 * Pagefind; a query nothing matches says so and lists nothing; and a host whose
 * Content-Security-Policy forbids inline scripts still gets its results.
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

    it("lists every article holding both words, those holding them as a phrase first", async () => {
      const page = await site.page();
      const asked: string[] = [];
      page.on("request", (request) => asked.push(new URL(request.url()).pathname));
      await page.goto(site.url("search/?q=memory%20leaks"));
      await status(page);
      const found = await resultPaths(page);
      // Q265433 holds both words, but as "Leaks Memory": after the two that say "memory leak".
      assert.equal(found.length, 3, `${found}`);
      assert.equal(found[2], site.path("kb/265/Q265433/"));
      assert.deepEqual(found.slice(0, 2).sort(), [
        site.path("kb/246/Q246691/"),
        site.path("kb/256/Q256149/"),
      ]);
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

    it("finds a word deep in the text, shows where, and links to its section", async () => {
      const page = await site.page();
      await page.goto(site.url("search/?q=SyncSocket"));
      const link = page.locator("[data-search-results] a.result-title").first();
      await link.waitFor();
      assert.equal(
        new URL(await link.evaluate((a) => (a as HTMLAnchorElement).href)).hash,
        "#cause",
      );
      const item = page.locator("[data-search-results] li").first();
      assert.match(
        await item.locator(".result-meta").innerText(),
        /^Microsoft Windows .*\d{4}-\d\d-\d\d · in CAUSE$/,
      );
      const marks = await item.locator("mark").allInnerTexts();
      assert.ok(marks.length > 0 && marks.every((m) => /^syncsocket$/i.test(m)), `${marks}`);
      assert.match(await status(page), /^1 article matches “SyncSocket”/);
    });

    it("lists only the articles holding a quoted phrase", async () => {
      const page = await site.page();
      await page.goto(site.url("search/?q=%22leaks%20memory%22"));
      await status(page);
      const found = await resultPaths(page);
      assert.deepEqual(found, [site.path("kb/265/Q265433/")]);
      assert.match(await status(page), /^1 article matches/);
    });

    for (const query of ["zanzibarically", "zzqxwv flurb", "qwertyuiop", "memory zanzibar"]) {
      it(`says so when no article holds “${query}”, and lists nothing`, async () => {
        const page = await site.page();
        await page.goto(site.url(`search/?q=${encodeURIComponent(query)}`));
        const line = page.locator("[data-search-status]").filter({ hasText: /No articles/ });
        await line.waitFor();
        assert.equal(await page.locator("[data-search-results] li").count(), 0);
      });
    }

    for (const query of ["Q999999", "KB999999"]) {
      it(`says the site has no article for ${query}, and offers no other id`, async () => {
        const page = await site.page();
        await page.goto(site.url(`search/?q=${query}`));
        const line = page
          .locator("[data-search-status]")
          .filter({ hasText: /no article mentions/ });
        await line.waitFor();
        assert.match(await line.innerText(), /^This site has no article Q999999, and no article/);
        assert.equal(await page.locator("[data-search-results] li").count(), 0);
      });
    }

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
      await status(page);
      const found = await resultPaths(page);
      assert.ok(found.includes(site.path("kb/265/Q265433/")), `${found}`);
      assert.ok(blocked.length > 0, "the inline script was blocked, so the module ran instead");
    });
  });
}

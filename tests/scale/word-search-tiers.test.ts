/**
 * Everyday words past a strong tier, in the browser (issue 25): two common words every one of
 * TIER + 100 articles holds list the three titled with both first, from the strong tiers alone
 * (no tail file asked for), and the count says more may match ("At least N"); "Show more results" to the
 * end reads the tails and lists every article once. Built from hand-made
 * records, served by `kbsite serve`'s handler.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { buildSite } from "../../src/generate/pipeline.ts";
import { TIER } from "../../src/words/index.ts";
import { noBrowser, serveSite, type ServedSite } from "../helpers/served-site.ts";
import { record } from "../site/fixtures.ts";

const temp = mkdtempSync(join(tmpdir(), "kbsite-word-tiers-"));
after(() => rmSync(temp, { recursive: true, force: true }));

const COUNT = TIER + 100;
const TITLED = ["Q1700", "Q1234", "Q1811"];

describe("everyday words past a strong tier", { skip: noBrowser }, () => {
  let site: ServedSite;

  before(async () => {
    const articles = Array.from({ length: COUNT }, (_, i) => {
      const id = `Q${1000 + i}`;
      return record({
        id,
        title: TITLED.includes(id) ? `Outlook Asks for the Password ${id}` : `Mail article ${id}`,
        sections: [
          {
            id: "symptoms",
            heading: "SYMPTOMS",
            text: `The password is asked by the mail client ${i}. Outlook starts.`,
          },
        ],
      });
    });
    const out = join(temp, "site");
    const collection = {
      inputs: COUNT,
      articles,
      duplicates: [],
      errors: [],
      formats: { jekyll: 0, text: COUNT },
    };
    await buildSite(collection, { out, prefix: "/" });
    site = await serveSite(out, "/");
  });
  after(() => site?.close());

  it("lists the titled articles first, reading no tail, and counts them as 'at least'", async () => {
    const page = await site.browser.newPage();
    const asked: string[] = [];
    page.on("request", (request) => asked.push(new URL(request.url()).pathname));
    await page.goto(`${site.origin}/search/?q=outlook%20password`);
    await page.locator("[data-search-status]").filter({ hasText: /match/ }).waitFor();
    assert.match(
      await page.locator("[data-search-status]").innerText(),
      /^At least \d+ articles match/,
    );
    const shown = await page.locator("[data-search-results] li .kb-id").allInnerTexts();
    assert.deepEqual(new Set(shown.slice(0, 3)), new Set(TITLED));
    assert.ok(!asked.some((path) => path.startsWith("/search/tails/")), asked.join(" "));
    assert.ok(asked.some((path) => path.startsWith("/search/words/")));
    // "more" to the end: past the strong tiers' articles it reads the tails, then lists every one.
    const more = page.getByRole("button", { name: "Show more results" });
    const items = page.locator("[data-search-results] li");
    for (let shownCount = await items.count(); (await more.count()) > 0;) {
      // The button goes once the last batch is in, which may be just after the count above saw
      // it: then there is nothing left to click, and the checks below say whether all are listed.
      if (
        !(await more.click({ timeout: 5000 }).then(
          () => true,
          () => false,
        ))
      )
        break;
      await page.waitForFunction(
        (before) =>
          document.querySelectorAll("[data-search-results] li").length > before ||
          !document.querySelector("[data-search-results] button"),
        shownCount,
      );
      shownCount = await items.count();
    }
    assert.ok(
      asked.some((path) => path.startsWith("/search/tails/")),
      "the tails were read",
    );
    const all = await items.locator(".kb-id").allInnerTexts();
    assert.equal(all.length, COUNT);
    assert.equal(new Set(all).size, COUNT);
  });
});

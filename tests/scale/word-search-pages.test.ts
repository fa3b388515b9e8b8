/**
 * Word results a page at a time: a word 45 articles share shows 20 of them, each once, and "Show
 * more results" adds 20 and then the last 5, and goes. The best match (the word in its title
 * twice) comes first. Built from hand-made records, served by `kbsite serve`'s handler.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { buildSite } from "../../src/generate/pipeline.ts";
import { noBrowser, serveSite, type ServedSite } from "../helpers/served-site.ts";
import { record } from "../site/fixtures.ts";

const temp = mkdtempSync(join(tmpdir(), "kbsite-word-pages-"));
after(() => rmSync(temp, { recursive: true, force: true }));

const ids = Array.from({ length: 45 }, (_, i) => `Q${1000 + i}`);

describe("word results, a page at a time", { skip: noBrowser }, () => {
  let site: ServedSite;

  before(async () => {
    const articles = ids.map((id, i) =>
      record({
        id,
        title: i === 30 ? "Gizmo gizmo fails" : `Article ${id} about a gizmo`,
        sections: [{ id: "symptoms", heading: "SYMPTOMS", text: `Text ${i} of a gizmo.` }],
      }),
    );
    const out = join(temp, "site");
    const collection = {
      inputs: 45,
      articles,
      duplicates: [],
      errors: [],
      formats: { jekyll: 0, text: 45 },
    };
    await buildSite(collection, { out, prefix: "/" });
    site = await serveSite(out, "/");
  });
  after(() => site?.close());

  it("shows 20, then 20 more, then the last 5, each once, the best first", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/search/?q=gizmo`);
    await page.locator("[data-search-status]").filter({ hasText: /match/ }).waitFor();
    assert.match(await page.locator("[data-search-status]").innerText(), /^45 articles match/);
    const items = page.locator("[data-search-results] li");
    const shown = () => items.locator(".kb-id").allInnerTexts();
    assert.equal(await items.count(), 20);
    assert.equal((await shown())[0], "Q1030", "the title with the word twice first");
    const more = page.getByRole("button", { name: "Show more results" });
    await more.click();
    await page.waitForFunction(
      () => document.querySelectorAll("[data-search-results] li").length === 40,
    );
    await more.click();
    await page.waitForFunction(
      () => document.querySelectorAll("[data-search-results] li").length === 45,
    );
    assert.equal(await more.count(), 0, "the button goes when all are shown");
    assert.deepEqual([...(await shown())].sort(), [...ids].sort());
    assert.ok(
      (await page.locator("[data-search-results] mark").allInnerTexts()).every((m) =>
        /^gizmo$/i.test(m),
      ),
    );
  });
});

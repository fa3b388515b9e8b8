/**
 * The header's search box suggests as you type, in the ARIA combobox pattern, at phone and
 * desktop width: nothing of it loads before the box is used, the first suggestions cost at most
 * 50 kB, arrows move through them, Enter opens one, Escape closes the list, and "/" still
 * focuses the box. On the search page, the arrow keys walk the results.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { noBrowser, pathOf, resultPaths, useSite } from "./harness.ts";

const WIDTHS = [390, 1280] as const;
const FIRST_COST = 50 * 1024;

/** The bytes of every response the page gets from now on, by path. */
function responses(page: Page): Map<string, number> {
  const seen = new Map<string, number>();
  page.on("response", async (response) => {
    const body = await response.body().catch(() => Buffer.alloc(0));
    seen.set(new URL(response.url()).pathname, body.length);
  });
  return seen;
}

describe("suggestions as you type", { skip: noBrowser }, () => {
  const site = useSite();

  for (const width of WIDTHS) {
    it(`loads nothing before the box is used, then suggests within 50 kB at ${width} px`, async () => {
      const page = await site.page({ viewport: { width, height: 800 } });
      const seen = responses(page);
      await page.goto(site.url("kb/265/Q265433/"));
      await page.waitForLoadState("networkidle");
      const early = [...seen.keys()].filter((p) => /suggest/.test(p));
      assert.deepEqual(early, [], "no suggestion code or index before the box is used");
      seen.clear();
      await page.keyboard.press("/");
      const box = page.getByRole("combobox", { name: "Search articles" });
      assert.equal(await box.evaluate((e) => e === document.activeElement), true, "/ focuses it");
      await page.keyboard.type("rp");
      const options = page.getByRole("listbox").getByRole("option");
      await options.first().waitFor();
      await page.waitForLoadState("networkidle");
      const cost = [...seen.values()].reduce((a, b) => a + b, 0);
      assert.ok(cost > 0 && cost <= FIRST_COST, `the first suggestions cost ${cost} bytes`);
      assert.ok(
        [...seen.keys()].some((p) => p.endsWith("/suggest/rp.json")),
        [...seen.keys()].join(" "),
      );
    });

    it(`moves with the arrows, opens with Enter and closes with Escape at ${width} px`, async () => {
      const page = await site.page({ viewport: { width, height: 800 } });
      await page.goto(site.url(""));
      const box = page.getByRole("combobox", { name: "Search articles" });
      await box.focus();
      await page.keyboard.type("rpcss");
      const list = page.getByRole("listbox", { name: "Suggestions" });
      const options = list.getByRole("option");
      await options.first().waitFor();
      assert.equal(await box.getAttribute("aria-expanded"), "true");
      assert.equal(await box.getAttribute("aria-controls"), await list.getAttribute("id"));
      assert.ok((await options.count()) >= 2, "a file and an article");

      await page.keyboard.press("ArrowDown");
      const first = await options.nth(0).getAttribute("id");
      assert.equal(await box.getAttribute("aria-activedescendant"), first);
      assert.equal(await options.nth(0).getAttribute("aria-selected"), "true");
      await page.keyboard.press("ArrowDown");
      assert.equal(
        await box.getAttribute("aria-activedescendant"),
        await options.nth(1).getAttribute("id"),
      );
      assert.equal(await options.nth(0).getAttribute("aria-selected"), "false");
      await page.keyboard.press("ArrowUp");
      assert.equal(await box.getAttribute("aria-activedescendant"), first);

      await page.keyboard.press("Escape");
      assert.equal(await box.getAttribute("aria-expanded"), "false");
      assert.equal(await list.isVisible(), false);
      assert.equal(await box.getAttribute("aria-activedescendant"), null);

      await page.keyboard.type("."); // "rpcss." : the file
      await options.first().waitFor();
      assert.match(await options.first().innerText(), /Rpcss\.exe/i);
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/files\/rpcss\.exe\/$/);
      assert.equal(pathOf(page.url()), site.path("files/rpcss.exe/"));
    });
  }

  it("suggests an article by its id from the second digit, and Enter opens it", async () => {
    const page = await site.page();
    await page.goto(site.url("files/"));
    await page.getByRole("combobox", { name: "Search articles" }).focus();
    await page.keyboard.type("2654");
    const option = page.getByRole("option").first();
    await option.waitFor();
    assert.match(await option.innerText(), /Q265433[\s\S]*Rpcss Leaks Memory/);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/kb\/265\/Q265433\/$/);
  });

  it("suggests in the search page's own box once typed in, not for the query it holds", async () => {
    const page = await site.page();
    await page.goto(site.url("search/?q=memory"));
    const box = page.getByRole("combobox", { name: "Id, file name or words" });
    await box.focus();
    await page.waitForTimeout(300); // suggest.js loads on focus: the query alone opens nothing
    assert.equal(await box.getAttribute("aria-expanded"), "false");
    await box.fill("");
    await page.keyboard.type("2654");
    const option = page.getByRole("option").first();
    await option.waitFor();
    assert.match(await option.innerText(), /Q265433/);
    assert.equal(await box.getAttribute("aria-expanded"), "true");
  });

  it("searches as before when Enter is pressed with no suggestion chosen", async () => {
    const page = await site.page();
    await page.goto(site.url(""));
    await page.getByRole("combobox", { name: "Search articles" }).focus();
    await page.keyboard.type("memory");
    await page.getByRole("option").first().waitFor();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\/\?q=memory$/);
  });
});

describe("walking search results with the keyboard", { skip: noBrowser }, () => {
  const site = useSite();

  for (const width of WIDTHS)
    it(`moves from the box down the result links and back up at ${width} px`, async () => {
      const page = await site.page({ viewport: { width, height: 800 } });
      await page.goto(site.url("search/?q=memory"));
      const paths = await resultPaths(page);
      assert.ok(paths.length >= 2, "two results to walk");
      await page.locator("#q").focus();
      const focused = () =>
        page.evaluate(() => {
          const e = document.activeElement as HTMLAnchorElement | null;
          return e?.id === "q" ? "box" : e?.href ? new URL(e.href).pathname : String(e?.tagName);
        });
      await page.keyboard.press("ArrowDown");
      assert.equal(await focused(), paths[0]);
      await page.keyboard.press("ArrowDown");
      assert.equal(await focused(), paths[1]);
      await page.keyboard.press("ArrowUp");
      assert.equal(await focused(), paths[0]);
      await page.keyboard.press("ArrowUp");
      assert.equal(await focused(), "box");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
      await page.waitForURL((url) => url.pathname === paths[0]);
    });
});

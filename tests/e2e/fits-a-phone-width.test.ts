/**
 * Nothing on any kind of page scrolls sideways at 390 px (nor at 1280 px): articles (the section
 * copy buttons made them 459 px wide), search (the product list, 526 px), browse and file pages
 * (a long keyword, 553 px). A file table's rows are cards below 1280 px; a table wider than its box
 * would scroll inside it, which says so with a shadow at the edge that has more, and takes focus.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { noBrowser, resultPaths, useSite } from "./harness.ts";
import { LONG_KEYWORD, useReaderSite } from "./reader-site.ts";

const WIDTHS = [390, 1280] as const;

const SEED_PAGES = [
  "",
  "kb/265/Q265433/",
  "kb/256/Q256149/",
  "search/?q=memory",
  "search/?q=rpcss.exe",
  "products/",
  "products/winnt/",
  "files/",
  "files/rpcss.exe/",
  "years/",
  "years/2002/",
  "keywords/",
  "keywords/kbwinnt400presp7fix/",
];

const READER_PAGES = [
  "kb/300/Q300001/",
  "search/?q=kernel32",
  "years/2001/",
  "keywords/",
  `keywords/${LONG_KEYWORD.toLowerCase()}/`,
  "files/kernel32.dll/",
  "products/",
];

/** How far the page scrolls sideways, and the widest elements past the right edge. */
async function overflow(page: Page): Promise<{ by: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const culprits = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > width + 1 && !e.closest(".table-wrap, pre"))
      .slice(0, 3)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`,
      );
    return { by: document.documentElement.scrollWidth - width, culprits };
  });
}

async function settle(page: Page, at: string): Promise<void> {
  if (at.startsWith("search/")) await resultPaths(page);
  await page.waitForLoadState("networkidle");
}

describe("fitting the screen: the sample", { skip: noBrowser }, () => {
  const site = useSite();
  for (const width of WIDTHS)
    for (const at of SEED_PAGES)
      it(`does not scroll /${at} sideways at ${width} px`, async () => {
        const page = await site.page({ viewport: { width, height: 800 } });
        await page.goto(site.url(at));
        await settle(page, at);
        const { by, culprits } = await overflow(page);
        assert.equal(by, 0, `/${at} scrolls ${by} px sideways: ${culprits.join(", ")}`);
      });
});

describe("fitting the screen: long names and wide tables", { skip: noBrowser }, () => {
  const site = useReaderSite();
  for (const width of WIDTHS)
    for (const at of READER_PAGES)
      it(`does not scroll /${at} sideways at ${width} px`, async () => {
        const page = await site().browser.newPage({ viewport: { width, height: 800 } });
        await page.goto(`${site().origin}/${at}`);
        await settle(page, at);
        const { by, culprits } = await overflow(page);
        await page.close();
        assert.equal(by, 0, `/${at} scrolls ${by} px sideways: ${culprits.join(", ")}`);
      });

  // Its rows are cards below 1280 px (issue 26), so nothing is left to scroll; at any width where
  // a table still does not fit, its box scrolls, says so with edge shadows, and takes focus.
  it("shows a wide table as cards at 390 px, nothing to scroll, in a box that could", async () => {
    const page = await site().browser.newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(`${site().origin}/kb/300/Q300001/`);
    const wrap = page.locator(".table-wrap").first();
    const box = await wrap.evaluate((e) => ({
      scrolls: e.scrollWidth > e.clientWidth,
      overflow: getComputedStyle(e).overflowX,
      hint: getComputedStyle(e).backgroundImage,
      focusable: (e as HTMLElement).tabIndex === 0,
    }));
    await page.close();
    assert.equal(box.scrolls, false, "the cards fit the box");
    assert.equal(box.overflow, "auto");
    assert.match(box.hint, /radial-gradient/, "the edge shadows");
    assert.ok(box.focusable, "it takes focus, to be scrolled by keys");
  });
});

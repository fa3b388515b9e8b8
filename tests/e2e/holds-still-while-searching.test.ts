/**
 * The search page holds still while its results arrive (issue 25): Lighthouse's layout-shift
 * audit failed on it as the status line and the list filled in. The shifts Chromium reports
 * (PerformanceObserver "layout-shift", those not caused by input) sum to under 0.1, Lighthouse's
 * "good", through a word search, a typo's corrected search and a part of a word, at a desktop
 * and a phone's width.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { noBrowser, useSite, type Page } from "./harness.ts";

/** Sums the page's layout shifts from its start (installed before any of its scripts run). */
const OBSERVE = `window.__shift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
}).observe({ type: "layout-shift", buffered: true });`;

async function shiftOf(page: Page, url: string): Promise<number> {
  await page.addInitScript(OBSERVE);
  await page.goto(url);
  await page
    .locator("[data-search-status]")
    .filter({ hasText: /match|No articles/ })
    .waitFor();
  await page.waitForLoadState("networkidle"); // late passages and the "Show more" button too
  await page.waitForTimeout(300);
  return (await page.evaluate("window.__shift")) as number;
}

describe("the search page while results arrive", { skip: noBrowser }, () => {
  const site = useSite("/");
  const sizes = [
    { width: 1350, height: 940 },
    { width: 412, height: 823 },
  ];
  for (const viewport of sizes)
    for (const query of ["memory leak", "CoCreateInstnace", "cocreatei", "qzxvwkjhq"])
      it(`shifts its layout by under 0.1 for ${query} at ${viewport.width} px`, async () => {
        const page = await site.page({ viewport });
        const shift = await shiftOf(page, site.url(`search/?q=${encodeURIComponent(query)}`));
        assert.ok(shift < 0.1, `layout shift ${shift.toFixed(3)}`);
      });
});

/**
 * axe-core finds no serious or critical accessibility violation on the home page, articles (with
 * breadcrumb, related articles and the section list), browse and file pages, a
 * search with results, and the header box with its suggestions open, in the light and in the
 * dark color scheme, at desktop and phone width.
 */
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { describe, it } from "node:test";
import type { Result } from "axe-core";
import { noBrowser, resultPaths, useSite, type Page } from "./harness.ts";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** The home, an article, a file page, and searches whose results are file matches and text excerpts. */
const PAGES = [
  "",
  "kb/265/Q265433/",
  "kb/256/Q256149/",
  "products/",
  "keywords/",
  "years/2002/",
  "files/kernel32.dll/",
  "search/?q=kernel32.dll",
  "search/?q=memory",
];

async function seriousViolations(page: Page): Promise<Result[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => (await (window as any).axe.run()).violations);
  return (violations as Result[]).filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** One line per failing element: what rule, how bad, where, and the advice. */
function describeViolations(violations: Result[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `  ${v.id} (${v.impact}) at ${n.target.join(" ")}: ${v.help}\n    ${n.failureSummary?.replace(/\n/g, "\n    ")}`,
      ),
    )
    .join("\n");
}

describe("meeting accessibility rules", { skip: noBrowser }, () => {
  const site = useSite();

  for (const colorScheme of ["light", "dark"] as const) {
    for (const at of PAGES) {
      it(`has no serious violation on /${at} in the ${colorScheme} scheme`, async () => {
        const page = await site.page({ colorScheme });
        const response = await page.goto(site.url(at));
        assert.equal(response?.status(), 200);
        if (at.startsWith("search/")) await resultPaths(page);
        await page.waitForLoadState("networkidle");
        const violations = await seriousViolations(page);
        assert.equal(
          violations.length,
          0,
          `axe on /${at} (${colorScheme}):\n${describeViolations(violations)}`,
        );
      });
    }

    // Below 1280 px a file table's rows are cards, labelled from data-label (issue 26).
    for (const at of ["kb/265/Q265433/", "files/kernel32.dll/"])
      it(`has no serious violation on /${at}'s file cards at 390 px in the ${colorScheme} scheme`, async () => {
        const page = await site.page({ colorScheme, viewport: { width: 390, height: 800 } });
        await page.goto(site.url(at));
        await page.waitForLoadState("networkidle");
        const violations = await seriousViolations(page);
        assert.equal(violations.length, 0, `axe on /${at}:\n${describeViolations(violations)}`);
      });

    for (const width of [390, 1280])
      it(`has no serious violation with the suggestions open at ${width} px in the ${colorScheme} scheme`, async () => {
        const page = await site.page({ colorScheme, viewport: { width, height: 800 } });
        await page.goto(site.url("kb/265/Q265433/"));
        await page.getByRole("combobox", { name: "Search articles" }).focus();
        await page.keyboard.type("rpc");
        await page.getByRole("option").first().waitFor();
        await page.keyboard.press("ArrowDown");
        const violations = await seriousViolations(page);
        assert.equal(
          violations.length,
          0,
          `axe with suggestions:\n${describeViolations(violations)}`,
        );
      });
  }
});

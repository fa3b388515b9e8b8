/**
 * axe-core finds no serious or critical accessibility violation on the home page, an article,
 * a file page and a search with results, in the light and in the dark color scheme.
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
  }
});

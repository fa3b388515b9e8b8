/**
 * The search test set (tests/fixtures/search-cases.json) on a built site, in headless Chromium:
 * for each case, the first 10 results the search page lists (for the recall table), the bytes
 * it fetched from opening /search/?q=… to its first result beyond what the page costs with no
 * query (its HTML, style sheet and scripts), counted by the bench's proxy, and the ms to the
 * first result on a visit straight to `kbsite serve`. A benchmark, not a test: it prints figures.
 */
import { chromium, type Browser } from "playwright-core";
import { openSearchPage } from "./bench-browser.ts";
import { ARGS, CHROMIUM, countingProxy, freePort, startServe, type Served } from "./bench-serve.ts";

export interface CaseRun {
  query: string;
  /** The first 10 result ids, as listed once the page says how many matched. */
  ids: string[];
  /** Bytes to the first result, beyond the search page alone; NaN when nothing was listed. */
  bytes: number;
  /** ms from navigation to the first result, straight to the server; NaN when none. */
  ms: number;
}

const sum = (log: readonly Served[]) => log.reduce((n, s) => n + s.bytes, 0);
const ID = /\/(Q\d+)\/(?:#.*)?$/;

/** One visit in a fresh, cache-less context: the first result's time, what was fetched by then. */
async function visit(browser: Browser, origin: string, log: Served[], path: string, wait: boolean) {
  const context = await browser.newContext();
  try {
    const page = await openSearchPage(context, origin + path, log);
    // Done when the status says how it went: "… match …", "No articles …", "… mention …".
    await page
      .locator("[data-search-status]")
      .filter({ hasText: /match|mention|list|No articles|common/ })
      .waitFor({ timeout: 60_000 });
    const first = (await page.evaluate("window.__firstResult ?? null")) as number | null;
    const navStart = (await page.evaluate("performance.timeOrigin")) as number;
    const hrefs = await page
      .locator("[data-search-results] a.result-title")
      .evaluateAll((as) => as.slice(0, 10).map((a) => (a as HTMLAnchorElement).href));
    if (wait) await new Promise((r) => setTimeout(r, 150)); // responses under way finish counting
    const end = first ?? Date.now();
    const fetched = log.filter((s) => s.at <= end);
    return {
      ids: hrefs.map((h) => ID.exec(h)?.[1] ?? h),
      bytes: first === null ? NaN : sum(fetched),
      ms: first === null ? NaN : first - navStart,
    };
  } finally {
    await context.close();
  }
}

/** Runs every query through the real search page of the site in `dir`. */
export async function measureCases(
  dir: string,
  queries: readonly string[],
  progress: (done: number) => void = () => {},
): Promise<{ baseline: number; runs: CaseRun[] }> {
  const servePort = await freePort();
  const serve = await startServe(dir, servePort);
  const proxy = await countingProxy(servePort);
  const origin = `http://127.0.0.1:${proxy.port}`;
  const direct = `http://127.0.0.1:${servePort}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    // What the search page costs with no query: its HTML, style sheet and scripts.
    const context = await browser.newContext();
    const page = await context.newPage();
    proxy.log.length = 0;
    await page.goto(`${origin}/search/`, { waitUntil: "networkidle" });
    const baseline = sum(proxy.log);
    await context.close();
    const runs: CaseRun[] = [];
    for (const query of queries) {
      const path = `/search/?q=${encodeURIComponent(query)}`;
      const counted = await visit(browser, origin, proxy.log, path, true);
      const timed = await visit(browser, direct, proxy.log, path, false);
      runs.push({ query, ids: counted.ids, bytes: counted.bytes - baseline, ms: timed.ms });
      progress(runs.length);
    }
    return { baseline, runs };
  } finally {
    await browser.close();
    proxy.server.close();
    serve.kill("SIGTERM");
  }
}

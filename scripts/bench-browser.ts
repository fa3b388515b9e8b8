/**
 * The search payload, measured in headless Chromium: `kbsite serve OUT` behind the counting proxy
 * of scripts/bench-serve.ts, so every byte the browser fetches is counted on the server side,
 * including what Pagefind fetches from a Web Worker (which page-level network events can miss).
 * For each query: bytes from navigating to /search/?q=… until the first result is shown, and ms
 * to first results. The proxy is a hop no visitor has (on this 2-core machine it added 50–200 ms
 * to a search), so times are taken on other visits, straight to the server.
 */
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { ARGS, CHROMIUM, countingProxy, freePort, startServe, type Served } from "./bench-serve.ts";

export interface QueryResult {
  query: string;
  /** Median over the runs of bytes fetched until the first result (for an id: beyond the article page). */
  bytes: number;
  /** Median ms from navigation start to the first result (for an id: the article's load event), on visits without the proxy. */
  ms: number;
  /** ms of every run. */
  runs: number[];
  /** Median ms on the visits through the counting proxy, for comparison. */
  proxiedMs: number;
  /** What the first run fetched, for the table's detail. */
  fetched: Served[];
}

/**
 * Records when the first search result appears, in the page's own clock. A string, not a
 * function: tsx would wrap a function's inner names in a helper the page does not have.
 */
export const WATCH_FIRST_RESULT = `
  if (location.pathname.endsWith("/search/")) sessionStorage.setItem("__navStart", String(performance.timeOrigin));
  new MutationObserver((_, observer) => {
    if (document.querySelector("[data-search-results] li")) {
      window.__firstResult = performance.timeOrigin + performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const sum = (log: Served[]) => log.reduce((n, s) => n + s.bytes, 0);

interface Run {
  bytes: number;
  ms: number;
  fetched: Served[];
}

/** Opens `path` in a fresh, cache-less context and waits for `done`; returns what was fetched. */
async function visit(
  browser: Browser,
  origin: string,
  log: Served[],
  path: string,
  done: "result" | "article",
  articlePath?: string,
): Promise<Run> {
  const context = await browser.newContext();
  try {
    const page = await openSearchPage(context, origin + path, log);
    let end: number;
    let navStart: number;
    if (done === "result") {
      await page.waitForFunction("window.__firstResult", undefined, {
        timeout: 60_000,
        polling: 20,
      });
      end = (await page.evaluate("window.__firstResult")) as number;
      navStart = (await page.evaluate("performance.timeOrigin")) as number;
    } else {
      await page.waitForURL((url) => url.pathname === articlePath, {
        waitUntil: "load",
        timeout: 60_000,
      });
      // The article page's load event, from the search page's navigation start (kept in
      // sessionStorage across the redirect), both in the browser's clock.
      [navStart, end] = (await page.evaluate(`[
        Number(sessionStorage.getItem("__navStart")),
        performance.timeOrigin + performance.getEntriesByType("navigation")[0].loadEventEnd,
      ]`)) as [number, number];
    }
    // Let responses already under way finish counting, then keep what was asked for by `end`.
    await new Promise((r) => setTimeout(r, 200));
    const fetched = log.filter((s) => s.at <= end);
    return { bytes: sum(fetched), ms: end - navStart, fetched };
  } finally {
    await context.close();
  }
}

/**
 * Opens `url` in a new page of `context` with the cache off and the first result watched
 * (WATCH_FIRST_RESULT), after clearing `log`: every timed visit starts the same way.
 */
export async function openSearchPage(
  context: BrowserContext,
  url: string,
  log: Served[],
): Promise<Page> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await page.addInitScript(WATCH_FIRST_RESULT);
  log.length = 0;
  await page.goto(url, { waitUntil: "commit" });
  return page;
}

export interface PayloadOptions {
  dir: string;
  /** The id query's article, e.g. "/kb/265/Q265433/". */
  idArticle: string;
  queries: string[];
  runs?: number;
}

export async function measurePayload(options: PayloadOptions): Promise<QueryResult[]> {
  const servePort = await freePort();
  const serve = await startServe(options.dir, servePort);
  const proxy = await countingProxy(servePort);
  const origin = `http://127.0.0.1:${proxy.port}`;
  const direct = `http://127.0.0.1:${servePort}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const results: QueryResult[] = [];
  try {
    const runs = options.runs ?? 5;
    for (const query of options.queries) {
      const isId = /^\s*(?:q|kb)?\s*\d+\s*$/i.test(query);
      const path = `/search/?q=${encodeURIComponent(query)}`;
      const all: Run[] = [];
      let articleAlone = 0;
      if (isId) {
        const alone = await visit(
          browser,
          origin,
          proxy.log,
          options.idArticle,
          "article",
          options.idArticle,
        );
        articleAlone = alone.bytes;
      }
      const visitAt = (at: string) =>
        visit(browser, at, proxy.log, path, isId ? "article" : "result", options.idArticle);
      // Interleaved, so both kinds of visit see the same machine.
      const timed: Run[] = [];
      for (let i = 0; i < runs; i++) {
        all.push(await visitAt(origin));
        timed.push(await visitAt(direct));
      }
      results.push({
        query,
        bytes: median(all.map((r) => r.bytes - articleAlone)),
        ms: median(timed.map((r) => r.ms)),
        runs: timed.map((r) => Math.round(r.ms)),
        proxiedMs: median(all.map((r) => r.ms)),
        fetched: all[0]?.fetched ?? [],
      });
    }
  } finally {
    await browser.close();
    proxy.server.close();
    serve.kill("SIGTERM");
  }
  return results;
}

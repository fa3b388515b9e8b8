/**
 * Pagefind at its best on the search test set of issue 12, for the bench to print beside kbsite
 * and SQLite FTS5: a full-text index of every article (scripts/bench-pagefind-index.ts builds it,
 * 4 bundles as the site shards), queried as a visitor's browser does, in headless Chromium, one
 * fresh context per case, every byte counted through bench-serve.ts's proxy.
 *
 * `npx tsx scripts/bench-pagefind.ts --site SITE [--pagefind-out DIR] [--cases FILE] [--rebuild]
 *  [--jobs N] [--every N] [--ranking JSON]`: --jobs indexers at once (default 2), --every N indexes
 * every Nth article plus every case's source (default 1: all), --ranking Pagefind's weights. The
 * bundles in DIR are reused unless --rebuild is given. bench-recall.ts can call benchPagefind.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { ARGS, CHROMIUM, countingProxy, freePort, startServe } from "./bench-serve.ts";
import { machineTime, stolen } from "./bench-proc.ts";
import { buildIndex, builtIndex, siteIds, subsetOf, writePage } from "./bench-pagefind-index.ts";
import { printPagefind, type PagefindResult, type PagefindRun } from "./bench-pagefind-print.ts";
import { recall, type RecallCase } from "./search-recall.ts";

export const ENGINE = "Pagefind 1.6 (full text, 4 bundles)";
const CASES = new URL("../tests/fixtures/search-cases.json", import.meta.url).pathname;

export interface PagefindOptions {
  /** Where the bundles are (or go); default /tmp/kbsite-pagefind-full. */
  out?: string;
  cases?: string;
  /** Build the bundles even when `out` holds a whole earlier build. */
  rebuild?: boolean;
  /** Indexers at once; default 2 (two cores). */
  jobs?: number;
  /** Index every Nth article (and every case's source) only; default 1, all. */
  every?: number;
  /**
   * Pagefind's ranking weights (pagefind.options({ ranking })), default Pagefind's own. Tried on
   * the test set in one page: termSimilarity 5 found 4 more of 240, pageLength 0 one fewer.
   */
  ranking?: Record<string, number>;
  /** Called after every case, e.g. for progress. */
  onCase?: (done: number, total: number) => void;
}

/** "/kb/265/Q265433/" → "Q265433". */
const idOf = (url: string) => /\/(Q\d+)\/?$/.exec(url)?.[1] ?? url;

interface PageAnswer {
  urls: string[];
  total: number;
  ms: number;
}

export async function benchPagefind(
  site: string,
  options: PagefindOptions = {},
): Promise<PagefindResult> {
  const out = resolve(options.out ?? "/tmp/kbsite-pagefind-full");
  const { cases } = JSON.parse(readFileSync(options.cases ?? CASES, "utf8")) as {
    cases: (RecallCase & { quoted?: boolean })[];
  };
  let index = options.rebuild ? undefined : builtIndex(out);
  if (index) {
    console.log(`reusing the ${index.articles} articles' bundles in ${out}`);
    writePage(out, index.bundles);
  } else {
    const every = options.every ?? 1;
    const all = siteIds(site);
    const ids =
      every > 1
        ? subsetOf(
            all,
            every,
            cases.map((c) => c.source),
          )
        : all;
    const subset =
      every > 1 ? `every ${every}th of ${all.length} articles, plus the cases' sources` : undefined;
    console.log(`indexing ${ids.length} articles into ${out} (${options.jobs ?? 2} at once)`);
    index = await buildIndex(site, out, ids, options.jobs ?? 2, subset);
  }

  const servePort = await freePort();
  const serve = await startServe(out, servePort);
  const proxy = await countingProxy(servePort);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const visit = async (origin: string, query: string) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      await page.goto(`${origin}/`, { waitUntil: "load" });
      const before = proxy.log.length;
      const answer = (await page.evaluate(
        ([q, r]) =>
          (window as unknown as { benchSearch(q: string, r: unknown): unknown }).benchSearch(q, r),
        [query, options.ranking] as const,
      )) as PageAnswer;
      // Let responses under way finish counting.
      await new Promise((r) => setTimeout(r, 100));
      const bytes = proxy.log.slice(before).reduce((n, s) => n + s.bytes, 0);
      return {
        answer,
        bytes,
        pageBytes: proxy.log.slice(0, before).reduce((n, s) => n + s.bytes, 0),
      };
    } finally {
      await context.close();
    }
  };
  const runs: PagefindRun[] = [];
  let baseline = 0;
  const before = machineTime();
  try {
    for (const c of cases) {
      proxy.log.length = 0;
      const counted = await visit(`http://127.0.0.1:${proxy.port}`, c.query);
      const direct = await visit(`http://127.0.0.1:${servePort}`, c.query);
      baseline = counted.pageBytes;
      runs.push({
        query: c.query,
        ids: counted.answer.urls.map(idOf),
        total: counted.answer.total,
        bytes: counted.bytes,
        proxiedMs: counted.answer.ms,
        ms: direct.answer.ms,
      });
      options.onCase?.(runs.length, cases.length);
    }
  } finally {
    await browser.close();
    proxy.server.close();
    serve.kill("SIGTERM");
  }
  const byQuery = new Map(runs.map((r) => [r.query, r.ids]));
  const result = await recall(cases, async (q) => byQuery.get(q) ?? []);
  const engine = options.ranking ? `${ENGINE} ${JSON.stringify(options.ranking)}` : ENGINE;
  return { engine, ...result, index, runs, baseline, steal: stolen(before, machineTime()) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      site: { type: "string" },
      "pagefind-out": { type: "string" },
      cases: { type: "string" },
      rebuild: { type: "boolean" },
      jobs: { type: "string" },
      every: { type: "string" },
      ranking: { type: "string" },
    },
  });
  if (!values.site) throw new Error("usage: bench-pagefind.ts --site SITE [--pagefind-out DIR]");
  const result = await benchPagefind(values.site, {
    out: values["pagefind-out"],
    cases: values.cases,
    rebuild: values.rebuild,
    jobs: values.jobs ? Number(values.jobs) : undefined,
    every: values.every ? Number(values.every) : undefined,
    ranking: values.ranking ? (JSON.parse(values.ranking) as Record<string, number>) : undefined,
    onCase: (n, total) => n % 40 === 0 && console.log(`  ${n}/${total} cases in Chromium`),
  });
  console.log();
  printPagefind(result);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();

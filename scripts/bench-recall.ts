/**
 * The search issue's yardstick in the bench: the test set's cases (tests/fixtures/search-cases.json)
 * on the built site, scored by what each engine finds in its first 10 results, side by side in
 * one run: kbsite's search page in headless Chromium (scripts/bench-search.ts), the same engine
 * in Node on the site's files (scripts/search-local.ts), and SQLite FTS5, the reference
 * (scripts/fts5-reference.py). Then the page's bytes beyond the empty search page and its ms to
 * the first result, median and 90th percentile; then the everyday sets (scripts/bench-everyday.ts:
 * everyday words, loose and quoted phrases). `npm run bench -- --out SITE --skip-build`.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { ENGINE, benchPagefind } from "./bench-pagefind.ts";
import { measureCases } from "./bench-search.ts";
import { machineTime, stolen } from "./bench-proc.ts";
import { printSideBySide, recall, type RecallCase, type RecallResult } from "./search-recall.ts";
import { localSearch } from "./search-local.ts";
import { benchEveryday } from "./bench-everyday.ts";

const CASES = new URL("../tests/fixtures/search-cases.json", import.meta.url);

const quantile = (xs: number[], q: number) => {
  const sorted = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

/** SQLite FTS5 on the same cases: the reference engine's result (python3, stdlib sqlite3). */
function fts5(site: string): RecallResult & { buildSeconds?: number; querySeconds?: number } {
  const script = new URL("./fts5-reference.py", import.meta.url).pathname;
  const out = execFileSync(
    "python3",
    [script, "--site", site, "--cases", CASES.pathname, "--db", "/tmp/kbsite-fts5.db", "--json"],
    { encoding: "utf8", maxBuffer: 64 * 2 ** 20, stdio: ["ignore", "pipe", "inherit"] },
  );
  return JSON.parse(out);
}

/** `pagefind`: also score Pagefind with the whole text indexed (scripts/bench-pagefind.ts). */
export async function benchRecall(site: string, pagefind = false): Promise<void> {
  const { cases } = JSON.parse(readFileSync(CASES, "utf8")) as { cases: RecallCase[] };
  console.log(`\nsearch test set: ${cases.length} cases (tests/fixtures/search-cases.json)`);
  const reference = fts5(site);
  const local = localSearch(site);
  const nodeResult = await recall(cases, async (q) => (await local(q)).ids);
  const before = machineTime();
  const started = performance.now();
  const { baseline, runs } = await measureCases(
    site,
    cases.map((c) => c.query),
    (n) => n % 40 === 0 && console.log(`  ${n}/${cases.length} cases in Chromium`),
  );
  const steal = stolen(before, machineTime());
  const byQuery = new Map(runs.map((r) => [r.query, r]));
  const pageResult = await recall(cases, async (q) => byQuery.get(q)?.ids ?? []);
  const rows = [
    { engine: "kbsite (Chromium)", result: pageResult },
    { engine: "kbsite (Node)", result: nodeResult },
    { engine: "SQLite FTS5", result: reference },
  ];
  // Pagefind at its best: the same text indexed whole, queried in Chromium (~3.5 min to index).
  if (pagefind) rows.push({ engine: ENGINE, result: await benchPagefind(site, {}) });
  console.log(`\nfound in the top 10 (FTS5: bm25, porter; phrase, then AND):`);
  printSideBySide(rows);
  const bytes = runs.map((r) => r.bytes);
  const ms = runs.map((r) => r.ms);
  const kb = (b: number) => `${(b / 1000).toFixed(1)} kB`;
  console.log(
    `\nbeyond the empty search page (${kb(baseline)}), to the first result, over the ${runs.length} cases ` +
      `(${Math.round((performance.now() - started) / 1000)} s in Chromium; taken by the host (steal): ${steal}):`,
  );
  console.log(
    `  bytes: median ${kb(quantile(bytes, 0.5))}, 90th percentile ${kb(quantile(bytes, 0.9))} (targets ≤ 150 kB, ≤ 400 kB)`,
  );
  console.log(
    `  first results: median ${Math.round(quantile(ms, 0.5))} ms, 90th percentile ${Math.round(quantile(ms, 0.9))} ms (target ≤ 300 ms median)`,
  );
  const missed = pageResult.perCase.filter((c) => c.rank === null);
  if (missed.length) console.log(`\nnot in kbsite's top 10 (${missed.length}):`);
  for (const c of missed) console.log(`  ${c.kind.padEnd(10)} ${c.source.padEnd(8)} ${c.query}`);
  if (reference.buildSeconds !== undefined)
    console.log(
      `\nFTS5: index built in ${reference.buildSeconds.toFixed(1)} s, queries ${reference.querySeconds?.toFixed(2)} s`,
    );
  // Typed, not pasted: everyday words, loose and quoted phrases (issue 25), in Node beside FTS5.
  await benchEveryday(site, 60, "/tmp/kbsite-fts5.db", async (queries) => {
    const everyday = await measureCases(site, queries);
    return everyday.runs;
  });
}

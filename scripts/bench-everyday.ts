/**
 * The everyday sets of issue 25 (scripts/search-cases-everyday.ts) on a built site, kbsite's
 * engine in Node on the site's files (scripts/search-local.ts) beside SQLite FTS5 with the title
 * weighted (bm25(docs, 10, 1, 1): title, names, text), in one run: per kind, found in the top 10
 * and the payload median and 90th percentile (buckets, tails and the first screen's records).
 * `npx tsx scripts/bench-everyday.ts --site DIR [--per-kind 60]`; the search bench runs it too.
 */
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { EVERYDAY_KINDS, everydayCases, type EverydayCase } from "./search-cases-everyday.ts";
import { localSearch, type LocalAnswer } from "./search-local.ts";

const quantile = (xs: number[], q: number) => {
  const sorted = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const hit = (ids: readonly string[], c: EverydayCase) =>
  ids.slice(0, 10).some((id) => c.relevant.includes(id));

/** FTS5's first 10 ids per query (scripts/fts5-reference.py --ids). */
function fts5(site: string, cases: readonly EverydayCase[], db: string): string[][] {
  const file = join(tmpdir(), `kbsite-everyday-cases-${process.pid}.json`);
  writeFileSync(file, JSON.stringify({ cases: cases.map((c) => ({ ...c, kind: "message" })) }));
  const script = new URL("./fts5-reference.py", import.meta.url).pathname;
  const out = execFileSync(
    "python3",
    [
      script,
      "--site",
      site,
      "--cases",
      file,
      "--db",
      db,
      "--weights",
      "10.0, 1.0, 1.0",
      "--json",
      "--ids",
    ],
    { encoding: "utf8", maxBuffer: 64 * 2 ** 20, stdio: ["ignore", "pipe", "inherit"] },
  );
  rmSync(file, { force: true });
  return JSON.parse(out) as string[][];
}

/** The search page's first ids and bytes per query, in Chromium (bench-search.ts measureCases). */
export type PageRun = (queries: string[]) => Promise<{ ids: string[]; bytes: number }[]>;

/**
 * Prints the everyday sets' table; with `page`, kbsite's figures are the real search page's in
 * Chromium (its first 10 ids, its bytes to the first result), else the engine's in Node.
 */
export async function benchEveryday(
  site: string,
  perKind = 60,
  db = "/tmp/kbsite-fts5.db",
  page?: PageRun,
): Promise<void> {
  const cases = everydayCases(site, perKind);
  const local = localSearch(site);
  const answers: LocalAnswer[] = [];
  if (page) {
    const runs = await page(cases.map((c) => c.query));
    for (const run of runs) answers.push({ ids: run.ids, bytes: run.bytes, count: run.ids.length });
  } else for (const c of cases) answers.push(await local(c.query));
  const reference = fts5(site, cases, db);
  const engine = page ? "the search page in Chromium" : "the engine in Node";
  console.log(
    `\neveryday sets (scripts/search-cases-everyday.ts), found in the top 10, payload (${engine}):`,
  );
  console.log(`kind       cases     kbsite      FTS5   median kB   p90 kB`);
  for (const kind of EVERYDAY_KINDS) {
    const at = cases.flatMap((c, i) => (c.kind === kind ? [i] : []));
    const ours = at.filter((i) => hit(answers[i]!.ids, cases[i]!)).length;
    const theirs = at.filter((i) => hit(reference[i]!, cases[i]!)).length;
    const bytes = at.map((i) => answers[i]!.bytes / 1000);
    const pct = (n: number) => `${((100 * n) / Math.max(1, at.length)).toFixed(1)} %`;
    console.log(
      `${kind.padEnd(10)} ${String(at.length).padStart(5)} ${pct(ours).padStart(10)} ${pct(theirs).padStart(9)} ` +
        `${quantile(bytes, 0.5).toFixed(1).padStart(11)} ${quantile(bytes, 0.9).toFixed(1).padStart(8)}`,
    );
  }
  if (process.env.EVERYDAY_MISSES)
    for (const [i, c] of cases.entries())
      if (!hit(answers[i]!.ids, c))
        console.log(`  missed ${c.kind} ${c.query} (${answers[i]!.count} found)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: { site: { type: "string" }, "per-kind": { type: "string" }, db: { type: "string" } },
  });
  if (!values.site)
    throw new Error("usage: bench-everyday.ts --site DIR [--per-kind 60] [--db FILE]");
  await benchEveryday(values.site, Number(values["per-kind"] ?? 60), values.db);
}

/**
 * `npx tsx scripts/bench-typo.ts --site DIR [--count 200] [--seed 25] [--browser N] [--fts5]`:
 * the typo set of issue 25 (scripts/search-cases-typo.ts) on a built site. Prints recall@10 (is
 * the article the word came from among the first 10?) of the page's own engine with its typo
 * tolerance, run in Node on the site's files (src/words: findArticles, then withCorrection), and
 * the bytes it reads beyond the bare search page (word buckets, vocabulary files, /assets/fuzzy.js
 * and the first screen's records), median and p90; with --browser N, the same for the first N
 * cases through the real search page in Chromium (scripts/bench-search.ts, counted by its proxy);
 * with --fts5, SQLite FTS5's recall on the same cases (scripts/fts5-reference.py), which has no
 * typo tolerance. Sizes and recall only: timings on a shared machine mean little.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { articlePath } from "../src/site/urls.ts";
import { withCorrection } from "../src/words/correct.ts";
import { FUZZY_FILES, fuzzyPath, type FuzzyBucket } from "../src/words/fuzzy.ts";
import { bucketOf, findArticles, wordBucketPath } from "../src/words/index.ts";
import { measureCases } from "./bench-search.ts";
import { typoCases, type TypoCase } from "./search-cases-typo.ts";

/** Records the page asks for with its first results (layouts/assets/search-start.js FIRST). */
const FIRST = 6;

const size = (path: string) => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};
const json = <T>(path: string): T | null => {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch {
    return null;
  }
};

/** The page's search with typo tolerance, in Node: the first 10 ids and the bytes read. */
async function search(site: string, query: string) {
  const read = new Set<string>();
  const file = <T>(path: string) => (read.add(path), json<T>(path));
  const bucket = async (term: string) =>
    file<Record<string, string>>(join(site, wordBucketPath(bucketOf(term))));
  const files = file<{ files: number }>(join(site, FUZZY_FILES))?.files ?? 1;
  const load = async (b: number) => file<FuzzyBucket>(join(site, fuzzyPath(b, files)));
  const exact = await findArticles(query, bucket);
  const found = await withCorrection(query, exact, (text) => findArticles(text, bucket), load);
  if (found !== exact) read.add(join(site, "assets/fuzzy.js"));
  for (const { id } of found.ranked.slice(0, FIRST))
    read.add(join(site, articlePath(id), "index.json"));
  let bytes = 0;
  for (const path of read) bytes += size(path);
  return { ids: found.ranked.slice(0, 10).map((r) => r.id), bytes, correction: found.correction };
}

const quantile = (values: number[], q: number) => {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN;
};
const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const share = (found: number, total: number) =>
  `${((100 * found) / Math.max(1, total)).toFixed(1)} % (${found}/${total})`;

function fts5(site: string, cases: TypoCase[]): string {
  const file = "/tmp/kbsite-typo-cases.json";
  writeFileSync(file, JSON.stringify({ cases }));
  const script = new URL("./fts5-reference.py", import.meta.url).pathname;
  const out = execFileSync(
    "python3",
    [script, "--site", site, "--cases", file, "--db", "/tmp/kbsite-typo-fts5.db", "--json"],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 28 },
  );
  const { overall } = JSON.parse(out) as { overall: { found: number; total: number } };
  return share(overall.found, overall.total);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      site: { type: "string" },
      count: { type: "string", default: "200" },
      seed: { type: "string", default: "25" },
      browser: { type: "string", default: "0" },
      fts5: { type: "boolean", default: false },
    },
  });
  if (!values.site) throw new Error("usage: bench-typo.ts --site DIR [--count N] [--browser N]");
  const site = values.site;
  const cases = await typoCases(site, Number(values.seed), Number(values.count));
  const bytes: number[] = [];
  let found = 0;
  const missed: string[] = [];
  for (const c of cases) {
    const answer = await search(site, c.query);
    bytes.push(answer.bytes);
    if (answer.ids.includes(c.source)) found++;
    else missed.push(`${c.query} (${c.word}, ${c.source}) → ${answer.correction?.text ?? "-"}`);
  }
  const slips = ["drop", "double", "replace", "swap"].map(
    (s) => `${s} ${cases.filter((c) => c.slip === s).length}`,
  );
  console.log(`typo set: ${cases.length} cases (${slips.join(", ")}), seed ${values.seed}`);
  console.log(`kbsite (Node, the page's code): recall@10 ${share(found, cases.length)}`);
  console.log(
    `  bytes beyond the search page: median ${kB(quantile(bytes, 0.5))}, p90 ${kB(quantile(bytes, 0.9))}`,
  );
  if (missed.length) console.log(`  not in the top 10: ${missed.join(" | ")}`);
  const inBrowser = Number(values.browser);
  if (inBrowser > 0) {
    const some = cases.slice(0, inBrowser);
    const { baseline, runs } = await measureCases(
      site,
      some.map((c) => c.query),
    );
    const hit = runs.filter((r, i) => r.ids.includes(some[i]!.source)).length;
    const paid = runs.map((r) => r.bytes);
    console.log(`kbsite (Chromium, first ${some.length}): recall@10 ${share(hit, some.length)}`);
    console.log(
      `  bytes to the first result beyond the search page (${kB(baseline)}): median ${kB(quantile(paid, 0.5))}, p90 ${kB(quantile(paid, 0.9))}`,
    );
  }
  if (values.fts5)
    console.log(`SQLite FTS5 (porter, no typo tolerance): recall@10 ${fts5(site, cases)}`);
}

void main();

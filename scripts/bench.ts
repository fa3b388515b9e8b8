/**
 * `npm run bench -- DIR [--out OUT] [--skip-build] [--runs N]`: the whole-archive benchmark of
 * issue 4. Runs the real `kbsite build --content DIR --out OUT` as a child process, samples the
 * RSS summed over its process tree and its CPU seconds every 100 ms, and splits them by phase
 * (scripts/bench-build.ts: the build prints one "name  N.N s" line as each phase ends, with its
 * span when phases overlap; the search indexers' processes are counted apart). Then serves OUT and
 * measures the search payload in headless Chromium (scripts/bench-browser.ts). A benchmark, not a
 * test: it prints figures. Between the two, what the site weighs: bytes, entries, the median
 * article page and the host table (scripts/bench-site.ts, alone as `npm run bench:site -- DIR`).
 *
 * Targets: build ≤ 75 s wall and ≤ 4 GB peak; id query ≤ 60 kB beyond the article page, DLL query
 * ≤ 300 kB, phrase ≤ 800 kB, first results ≤ 300 ms. Then the search test set of issue 12
 * (scripts/bench-recall.ts): what kbsite's search page finds in Chromium beside SQLite FTS5 on the
 * same cases (≥ 97 % overall, ≥ 90 % per kind, never below FTS5), and its bytes per query beyond
 * the empty search page (median ≤ 150 kB, 90th percentile ≤ 400 kB) and ms to first results.
 *
 * Do not delete a big folder in the five minutes before a run: on ext4 without a journal (this
 * VM's) the kernel then skips each recently freed inode one by one when making a file, and the
 * 60k build's 125k files took 2–5× longer to write (perf: recently_deleted, find_get_block).
 */
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { runBuild } from "./bench-build.ts";
import { measurePayload } from "./bench-browser.ts";
import { kb, load, s, table } from "./bench-format.ts";
import { benchRecall } from "./bench-recall.ts";
import { printSite } from "./bench-site.ts";
import { machineTime, stolen } from "./bench-proc.ts";

const QUERIES = ["Q265433", "rpcss.exe", "memory leak"];
const ID_ARTICLE = "/kb/265/Q265433/";
const TARGETS: Record<string, number> = { Q265433: 60e3, "rpcss.exe": 300e3, "memory leak": 800e3 };

const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  allowPositionals: true,
  options: {
    out: { type: "string", default: "/tmp/kbsite-bench/site" },
    "skip-build": { type: "boolean", default: false },
    "skip-browser": { type: "boolean", default: false },
    runs: { type: "string", default: "5" },
    "skip-recall": { type: "boolean", default: false },
    pagefind: { type: "boolean", default: false },
  },
});
const content = positionals[0];
if (!content && !values["skip-build"]) {
  console.error(
    "usage: npm run bench -- DIR [--out OUT] [--skip-build] [--skip-browser] [--skip-recall] [--pagefind] [--runs N]",
  );
  process.exit(2);
}
const out = resolve(values.out);

/**
 * After a build, lets the machine settle before timing searches: the kernel is still writing the
 * site out (hundreds of MB) and the load average is 4–5, which added ~50–100 ms to every visit.
 * Flushes the writes, then waits up to a minute and a half for the load average to fall below 1.
 */
async function settle(): Promise<void> {
  const started = performance.now();
  execFileSync("sync");
  while (loadavg()[0]! >= 1 && performance.now() - started < 90_000)
    await new Promise((r) => setTimeout(r, 5000));
  console.log(`\nsettled for ${s(performance.now() - started)} (load average ${load()})`);
}

async function runBrowser(): Promise<void> {
  const loadBefore = load();
  const machineBefore = machineTime();
  const results = await measurePayload({
    dir: out,
    idArticle: ID_ARTICLE,
    queries: QUERIES,
    runs: Number(values.runs),
  });
  console.log(
    `\nsearch payload (load average before: ${loadBefore}; after: ${load()}; taken by the host (steal): ${stolen(machineBefore, machineTime())})`,
  );
  table(
    ["query", "bytes", "target", "first results", "runs (ms)", "via proxy"],
    results.map((r) => [
      r.query,
      kb(r.bytes),
      kb(TARGETS[r.query] ?? 0),
      `${Math.round(r.ms)} ms`,
      r.runs.join(" "),
      `${Math.round(r.proxiedMs)} ms`,
    ]),
  );
  console.log("targets: first results ≤ 300 ms; the id's bytes are beyond the article page itself");
  for (const r of results) {
    console.log(`\n  ${r.query}: fetched in the first run`);
    for (const f of r.fetched)
      console.log(`    ${f.method.padEnd(4)} ${kb(f.bytes).padStart(9)}  ${f.path}`);
  }
}

if (!values["skip-build"]) await runBuild(content!, out);
printSite(out); // what the site weighs against the hosts' limits (issue 24)
if (!values["skip-build"] && !values["skip-browser"]) await settle();
if (!values["skip-browser"]) await runBrowser();
if (!values["skip-browser"] && !values["skip-recall"]) await benchRecall(out, values.pagefind);

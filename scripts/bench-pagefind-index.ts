/**
 * The index half of scripts/bench-pagefind.ts (issue 12): Pagefind at its best on the built site,
 * i.e. full text, not the names-only records the site's own build gives it. Every article's record
 * (SITE/kb/NNN/QNNNNNN/index.json) becomes a custom record holding what kbsite's word index holds
 * (wordRecord: id, title, keywords, file names, every heading and section, boilerplate left out),
 * so the two engines are judged on the same text. Pagefind's files are left as released.
 *
 * Sharded as the site's build shards (src/generate/search/pagefind-bundles.ts): SHARDS bundles of
 * contiguous id slices, merged in the browser with mergeIndex, each built in a child process of
 * its own (scripts/bench-pagefind-shard.ts) so a bundle's memory goes when it is written and two
 * can run at once.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bundleOf, SHARDS } from "../src/generate/search/pagefind-bundles.ts";
import { runChild } from "./bench-pagefind-shard.ts";
import { sampleTree, window } from "./bench-proc.ts";

/** What a built index cost, kept beside the bundles so a run that reuses them can print it. */
export interface IndexFigures {
  articles: number;
  bundles: string[];
  /** CPU seconds of the indexer processes and Pagefind's service under them. */
  cpuSeconds: number;
  wallSeconds: number;
  /** Peak resident memory of the whole process tree while indexing, bytes. */
  peakRss: number;
  /** Bytes of every file of the bundles. */
  indexBytes: number;
  files: number;
  /** Indexers run at once. */
  jobs: number;
  /** Set when only part of the site was indexed (see `subsetOf`). */
  subset?: string;
}

export const FIGURES = "bench-pagefind.json";

/** Every article id of the built site, in id order (the order the site's shards are cut in). */
export function siteIds(site: string): string[] {
  const ids: string[] = [];
  for (const bucket of readdirSync(join(site, "kb")))
    if (/^\d{3}$/.test(bucket))
      for (const id of readdirSync(join(site, "kb", bucket))) if (/^Q\d+$/.test(id)) ids.push(id);
  return ids.sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
}

/**
 * A deterministic part of the site for when the whole is too slow to index here: every `every`th
 * article in id order, plus every case's source article, so each case can still be found.
 */
export function subsetOf(ids: readonly string[], every: number, keep: Iterable<string>): string[] {
  const kept = new Set(keep);
  return ids.filter((id, i) => i % every === 0 || kept.has(id));
}

/**
 * Contiguous id slices, one per bundle, as shardsOf cuts them for a site this big. None empty: an
 * empty bundle has no language index, and mergeIndex fails on it (the 5-article sample has 2+2+1).
 */
function slices(ids: readonly string[]): string[][] {
  const per = Math.ceil(ids.length / SHARDS);
  return Array.from({ length: SHARDS }, (_, k) => ids.slice(k * per, (k + 1) * per)).filter(
    (part) => part.length > 0,
  );
}

/** Bytes and files under a folder. */
function sizeOf(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) {
      bytes += readFileSync(join(entry.parentPath, entry.name)).length;
      files++;
    }
  return { bytes, files };
}

/**
 * The page the browser opens: nothing until the bench calls benchSearch, which does what a search
 * page does with Pagefind (kbsite's layouts/assets/search-start.js: the same options, every shard
 * merged at once), then asks for the first 10 results' data, whose urls a page would show.
 */
function page(bundles: string[]): string {
  const shards = JSON.stringify(bundles.slice(1).map((b) => `/${b}/`));
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Pagefind bench</title></head>
<body>
<script>
window.benchSearch = async (query, ranking) => {
  const started = performance.now();
  const pagefind = await import("/pagefind/pagefind.js");
  await pagefind.options({ baseUrl: "/", noWorker: true, ...(ranking ? { ranking } : {}) });
  await Promise.all(${shards}.map((b) => pagefind.mergeIndex(b, { baseUrl: "/" })));
  const search = (await pagefind.search(query)) ?? { results: [] };
  const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  return { urls: data.map((d) => d.url), total: search.results.length, ms: performance.now() - started };
};
</script>
</body>
</html>
`;
}

/** The page and the kbsite.json marker (`kbsite serve` needs it); rewritten on every run. */
export function writePage(out: string, bundles: string[]): void {
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "kbsite.json"), JSON.stringify({ generator: "kbsite", prefix: "/" }));
  writeFileSync(join(out, "index.html"), page(bundles));
}

/**
 * Builds the SHARDS bundles of `ids` into `out` (a minimal static site: index.html, the kbsite.json
 * marker so `kbsite serve` serves it, the bundles), `jobs` indexers at a time, and measures it.
 */
export async function buildIndex(
  site: string,
  out: string,
  ids: string[],
  jobs: number,
  subset?: string,
): Promise<IndexFigures> {
  const queue = slices(ids).map((part, k) => ({ site, out, bundle: bundleOf(k), ids: part }));
  const bundles = queue.map((j) => j.bundle);
  writePage(out, bundles);
  const sampler = sampleTree(process.pid);
  const started = performance.now();
  const lane = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const t = performance.now();
      await runChild(job);
      const s = ((performance.now() - t) / 1000).toFixed(0);
      console.log(`  ${job.bundle}: ${job.ids.length} articles in ${s} s`);
    }
  };
  await Promise.all(Array.from({ length: jobs }, lane));
  const ended = performance.now() - started;
  const { peak, cpu } = window(sampler.stop(), 0, ended);
  const { bytes, files } = sizeOf(join(out, "pagefind"));
  const figures: IndexFigures = {
    articles: ids.length,
    bundles,
    cpuSeconds: cpu,
    wallSeconds: ended / 1000,
    peakRss: peak,
    indexBytes: bytes,
    files,
    jobs,
    ...(subset ? { subset } : {}),
  };
  writeFileSync(join(out, FIGURES), JSON.stringify(figures, null, 2) + "\n");
  return figures;
}

/** The figures of an earlier build into `out`, when its bundles are all there. */
export function builtIndex(out: string): IndexFigures | undefined {
  const file = join(out, FIGURES);
  if (!existsSync(file)) return undefined;
  const figures = JSON.parse(readFileSync(file, "utf8")) as IndexFigures;
  const whole = figures.bundles.every((b) => existsSync(join(out, b, "pagefind-entry.json")));
  return whole ? figures : undefined;
}

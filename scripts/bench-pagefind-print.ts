/**
 * The Pagefind bench's figures (scripts/bench-pagefind.ts measures them) and how they print:
 * recall beside the other engines, bytes and ms per search, what the index cost, the cases missed.
 */
import type { IndexFigures } from "./bench-pagefind-index.ts";
import { printSideBySide, type RecallResult } from "./search-recall.ts";

/** One case's visit: the top 10 ids, bytes fetched for the search, ms to the 10 results' data. */
export interface PagefindRun {
  query: string;
  ids: string[];
  /** Results Pagefind found in all. */
  total: number;
  bytes: number;
  /** ms in the page through the proxy (a hop no visitor has), and on a visit straight to it. */
  proxiedMs: number;
  ms: number;
}

export interface PagefindResult extends RecallResult {
  engine: string;
  index: IndexFigures;
  runs: PagefindRun[];
  /** Bytes the empty page itself took, not counted in any run. */
  baseline: number;
  /** The share of the machine's time the host took while querying. */
  steal: string;
}

const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const kB = (b: number) => `${(b / 1000).toFixed(1)} kB`;

export function printPagefind(result: PagefindResult): void {
  printSideBySide([{ engine: result.engine, result }]);
  const { runs, index } = result;
  const bytes = runs.map((r) => r.bytes);
  const ms = runs.map((r) => r.ms);
  console.log(
    `\nfetched for a search, beyond the empty page (${kB(result.baseline)}), over ${runs.length} cases:` +
      `\n  bytes: median ${kB(quantile(bytes, 0.5))}, 90th percentile ${kB(quantile(bytes, 0.9))}` +
      `\n  ms from import to the first 10 results' data: median ${Math.round(quantile(ms, 0.5))}, ` +
      `90th percentile ${Math.round(quantile(ms, 0.9))} (through the proxy: median ` +
      `${Math.round(
        quantile(
          runs.map((r) => r.proxiedMs),
          0.5,
        ),
      )}); other work loads this ` +
      `2-core machine (taken by the host: ${result.steal})`,
  );
  console.log(
    `\nindex: ${index.articles} articles${index.subset ? ` (${index.subset})` : ""}, ` +
      `${index.bundles.length} bundles, ${index.jobs} indexers at once: ` +
      `${index.cpuSeconds.toFixed(0)} CPU-s, ${index.wallSeconds.toFixed(0)} s wall, ` +
      `peak ${(index.peakRss / 2 ** 30).toFixed(1)} GiB; ${(index.indexBytes / 1e6).toFixed(1)} MB ` +
      `in ${index.files} files`,
  );
  const missed = result.perCase.filter((c) => c.rank === null);
  if (missed.length) console.log(`\nnot in Pagefind's top 10 (${missed.length}):`);
  for (const c of missed) {
    const found = runs.find((r) => r.query === c.query)?.total ?? 0;
    console.log(
      `  ${c.kind.padEnd(10)} ${c.source.padEnd(8)} ${String(found).padStart(6)}  ${c.query}`,
    );
  }
}

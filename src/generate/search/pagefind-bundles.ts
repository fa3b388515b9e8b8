/**
 * The search step: the articles' search records (search-records.ts) go into SHARDS Pagefind
 * bundles, built by child processes (pagefind-worker.ts) while the main process renders the pages;
 * the search page merges them in the browser with mergeIndex. Sharding keeps each indexer's
 * memory small (one bundle of 60k articles peaks at 8 GB; a quarter of the slim records at a few
 * hundred MB) and lets two run at once. Bundle 0 is /pagefind/, the rest /pagefind/shard-N/,
 * listed in /pagefind/shards.json for the search page.
 */
import { fork, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { onInterrupt } from "../../interrupt.ts";
import type { OutDir } from "../write/out-dir.ts";
import type { SearchRecord } from "./search-records.ts";
import type { ShardAnswer, ShardMessage } from "./pagefind-worker.ts";

/**
 * Bundles the browser merges, for an archive of up to SHARDS × MAX_PER_SHARD articles: each adds
 * its entry, meta and chunks to a query's bytes.
 */
export const SHARDS = 4;

/** Articles per shard at least: a small site stays one bundle, as a split saves it nothing. */
export const MIN_PER_SHARD = 5000;

/**
 * Articles per shard at most: Pagefind's cost per record grows with the bundle (measured: 4 shards
 * of 30k articles took 240 CPU-s, 4 of 60k 775), so a bigger archive gets more shards instead.
 */
export const MAX_PER_SHARD = 30000;

export class SearchIndexError extends Error {
  override name = "SearchIndexError";
}

/** The articles (in id order) in contiguous slices, one per shard; never an empty shard. */
export function shardsOf<T>(articles: readonly T[], minPerShard = MIN_PER_SHARD): T[][] {
  const wanted = Math.min(SHARDS, Math.ceil(articles.length / minPerShard));
  const count = Math.max(1, wanted, Math.ceil(articles.length / MAX_PER_SHARD));
  const per = Math.ceil(articles.length / count);
  return Array.from({ length: count }, (_, k) => articles.slice(k * per, (k + 1) * per));
}

/** "pagefind" for shard 0 (the bundle whose pagefind.js the page loads), else "pagefind/shard-N". */
export function bundleOf(shard: number): string {
  return shard === 0 ? "pagefind" : `pagefind/shard-${shard}`;
}

export interface SearchIndexOptions {
  out: OutDir;
  /** One per bundle to (re)build. */
  jobs: { bundle: string; records: SearchRecord[] }[];
  /** Indexer processes started earlier (`new Indexers()`); else started here. Closed either way. */
  indexers?: Indexers;
  /** A folder for the records handed to the indexers (the build's, state.ts); else a temp folder. */
  work?: string;
}

const WORKER = fileURLToPath(new URL("./pagefind-worker.ts", import.meta.url));
const TSX = import.meta.resolve("tsx");

/** The indexer processes, started before they have work so their start-up is out of the way. */
export class Indexers {
  readonly workers: ChildProcess[];

  /** `count`: processes at once; default one per core, at most 2. */
  constructor(count = Math.min(2, availableParallelism())) {
    this.workers = Array.from({ length: count }, () => {
      const worker = fork(WORKER, [], {
        execArgv: ["--import", TSX],
        stdio: ["ignore", "inherit", "pipe", "ipc"],
      });
      // Our own warnings go on; what Pagefind prints when it fails (a Rust panic and its
      // backtrace, on a full disk) is kept for the error, which says it in one line.
      worker.stderr!.setEncoding("utf8").on("data", (text: string) => {
        for (const line of text.split("\n"))
          if (line.startsWith("kbsite:")) process.stderr.write(`${line}\n`);
          else if (line.trim()) this.said.push(line);
      });
      return worker;
    });
    // Interrupted, they end with their Pagefind (pagefind-worker.ts), not after it.
    this.forget = onInterrupt(() => {
      for (const worker of this.workers) if (worker.exitCode === null) worker.kill("SIGTERM");
    });
  }

  private readonly forget: () => void;
  /** What the indexers printed besides our warnings, for the error if one fails. */
  readonly said: string[] = [];

  close(): void {
    this.forget();
    for (const worker of this.workers) if (worker.connected) worker.disconnect();
  }
}

/**
 * Hands an indexer all its jobs at once and sums its answers, one per job in order. Each indexer
 * keeps its own queue: waiting to send the next job until an answer arrived made it wait for the
 * main process's event loop, which writing the JSON files holds for seconds (at 240k articles,
 * both indexers sat idle for ~40 s).
 */
function runAll(worker: ChildProcess, jobs: ShardMessage[], said: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    let indexed = 0;
    let answered = 0;
    const stop = () => (worker.off("exit", onExit), worker.off("message", onAnswer));
    const onExit = (code: number | null) => {
      stop();
      const why = said.find((line) => /error|panicked/i.test(line)) ?? `exited with ${code}`;
      reject(new SearchIndexError(`the indexer of ${jobs[answered]?.bundle}: ${why}`));
    };
    const onAnswer = (answer: ShardAnswer) => {
      if (!answer.ok)
        return (stop(), reject(new SearchIndexError([answer.error, ...said].join("; "))));
      indexed += answer.indexed;
      if (++answered === jobs.length) (stop(), resolve(indexed));
    };
    worker.on("exit", onExit);
    worker.on("message", onAnswer);
    for (const job of jobs) worker.send(job);
  });
}

/** Builds the bundles in child processes; resolves with the number of records indexed. */
export async function buildSearchIndex(options: SearchIndexOptions): Promise<number> {
  const indexers = options.indexers ?? new Indexers();
  const folder = options.work ?? mkdtempSync(join(tmpdir(), "kbsite-search-"));
  mkdirSync(folder, { recursive: true });
  const forget = onInterrupt(() => rmSync(folder, { recursive: true, force: true }));
  try {
    const jobs: ShardMessage[] = options.jobs.map(({ bundle, records }, i) => {
      const recordsFile = join(folder, `${i}.json`);
      writeFileSync(recordsFile, JSON.stringify(records));
      // Into the staging folder, where no file of the bundle exists yet (out-dir.ts).
      return { site: options.out.stage, bundle, recordsFile };
    });
    // Shards are equal slices, so taking them in turn shares the work evenly.
    const lanes = indexers.workers.slice(0, jobs.length);
    const counts = await Promise.all(
      lanes.map((worker, k) =>
        runAll(
          worker,
          jobs.filter((_, i) => i % lanes.length === k),
          indexers.said,
        ),
      ),
    );
    return counts.reduce((sum, n) => sum + n, 0);
  } finally {
    forget();
    indexers.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

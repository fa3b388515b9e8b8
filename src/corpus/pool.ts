/**
 * parseFiles: parse many files on worker threads (the main thread only hands out batches and
 * puts answers back in input order), so callers see results in a deterministic order whatever
 * the scheduling. Small inputs are parsed in-process: starting workers costs more than it saves.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ParseResult } from "../parser/index.ts";
import { readOne } from "./read-one.ts";
import type { Batch } from "./worker.ts";

export interface PoolOptions {
  /** Worker threads; default: one per core, at most 2 (the main thread walks and merges). */
  workers?: number;
  /** Called once per file, in input order. */
  onResult: (result: ParseResult, index: number) => void;
  onProgress?: (done: number, total: number) => void;
}

const BATCH = 64;
const IN_FLIGHT = 3; // batches queued per worker: enough to keep it busy, little held in memory
const IN_PROCESS_BELOW = 200;

export async function parseFiles(paths: string[], options: PoolOptions): Promise<void> {
  const workers = options.workers ?? Math.min(2, availableParallelism());
  if (paths.length < IN_PROCESS_BELOW || workers < 1) return parseHere(paths, options);
  const batches = Math.ceil(paths.length / BATCH);
  const done = new Map<number, ParseResult[]>();
  let next = 0; // next batch to hand out
  let emit = 0; // next batch to deliver
  let parsed = 0;
  const threads = Array.from({ length: workers }, () => spawn());
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (worker: Worker) => {
        if (next >= batches) return;
        const batch: Batch = { batch: next, paths: paths.slice(next * BATCH, ++next * BATCH) };
        worker.postMessage(batch);
      };
      for (const worker of threads) {
        worker.on("error", reject);
        worker.on("message", ({ batch, results }: { batch: number; results: ParseResult[] }) => {
          done.set(batch, results);
          parsed += results.length;
          for (let ready; (ready = done.get(emit)); emit++) {
            done.delete(emit);
            ready.forEach((result, i) => options.onResult(result, emit * BATCH + i));
          }
          options.onProgress?.(parsed, paths.length);
          feed(worker);
          if (emit >= batches) resolve();
        });
        for (let i = 0; i < IN_FLIGHT; i++) feed(worker);
      }
    });
  } finally {
    await Promise.all(threads.map((worker) => worker.terminate()));
  }
}

function spawn(): Worker {
  return new Worker(new URL("./worker-boot.mjs", import.meta.url));
}

function parseHere(paths: string[], options: PoolOptions): void {
  paths.forEach((path, i) => {
    options.onResult(readOne(path), i);
    options.onProgress?.(i + 1, paths.length);
  });
}

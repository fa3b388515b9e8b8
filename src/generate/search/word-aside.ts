/**
 * A full build's word index, counted on a thread of its own while the main thread writes the
 * pages: counting every word of 60k articles is ~40 CPU-s, and on the main thread it came after
 * everything else with the second core idle (the Pagefind indexers were done). The thread gets
 * the word records, answers with every bucket's text, and the main thread writes them
 * (word-index.ts), so the output folder and its manifest stay the main thread's alone.
 */
import { Worker } from "node:worker_threads";
import type { WordRecord } from "./search-records.ts";

const BOOT = new URL("./word-worker-boot.mjs", import.meta.url);

/**
 * The word index's counting makes many short-lived strings and arrays: a young generation of
 * 96 MB lets most die young (the parse workers found the same, src/corpus/pool.ts).
 */
const YOUNG_GENERATION_MB = 96;

/** Starts counting `records` on a thread; resolves to every bucket's text. */
export function countAside(records: WordRecord[]): Promise<Map<number, string>> {
  const worker = new Worker(BOOT, {
    workerData: records,
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  return new Promise<Map<number, string>>((resolve, reject) => {
    worker.once("message", (texts: Map<number, string>) => resolve(texts));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the word index's thread exited with ${code}`)));
  }).finally(() => void worker.terminate());
}

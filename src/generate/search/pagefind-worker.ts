/**
 * The search indexer's child process (forked by pagefind-bundles.ts): receives shards of search
 * records, builds one Pagefind bundle per shard in turn (pagefind-shard.ts) and answers with the
 * pages indexed. A process of its own so indexing runs beside the page rendering instead of
 * waiting for it, and its memory goes when it ends.
 */
import { readFileSync } from "node:fs";
import { indexShard, type ShardJob } from "./pagefind-shard.ts";
import type { SearchRecord } from "./search-records.ts";

/**
 * What the main process sends: the records come in a file it wrote, not in the message, as a
 * message of ~10 MB crossed the pipe 64 kB per turn of the main process's event loop, and the
 * main process was rendering pages: jobs took 2.6–5.6 s to arrive.
 */
export interface ShardMessage extends Omit<ShardJob, "records"> {
  /** A JSON file of SearchRecord[]. */
  recordsFile: string;
}

export type ShardAnswer = { ok: true; indexed: number } | { ok: false; error: string };

if (process.send) {
  void import("pagefind"); // loaded while the main process still parses
  // Jobs arrive all at once (pagefind-bundles.ts) and are indexed one after another, in order.
  let queue = Promise.resolve();
  const handle = async ({ recordsFile, ...job }: ShardMessage) => {
    let answer: ShardAnswer;
    try {
      const records = JSON.parse(readFileSync(recordsFile, "utf8")) as SearchRecord[];
      answer = { ok: true, indexed: await indexShard({ ...job, records }) };
    } catch (error) {
      answer = { ok: false, error: (error as Error).message };
    }
    process.send!(answer);
  };
  process.on("message", (job: ShardMessage) => void (queue = queue.then(() => handle(job))));
  // Its build ended, was killed or stopped: end Pagefind's service process with this one.
  const end = async () => {
    const pagefind = await import("pagefind");
    await pagefind.close();
    process.exit(0);
  };
  process.on("disconnect", end);
  process.on("SIGTERM", end);
  process.on("SIGINT", () => {}); // a Ctrl-C reaches the whole group: the build says when to end
}

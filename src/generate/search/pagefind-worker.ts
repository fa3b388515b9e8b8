/**
 * The search indexer's child process (forked by pagefind-bundles.ts): receives shards of search
 * records, builds one Pagefind bundle per shard in turn and answers with the pages indexed. A
 * process of its own so indexing runs beside the page rendering instead of waiting for it, and its
 * memory goes when it ends.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { failpoint } from "../publish/failpoint.ts";
import type { SearchRecord } from "./search-records.ts";

export interface ShardJob {
  /** The site folder. */
  site: string;
  /** The bundle folder, relative to the site: "pagefind", "pagefind/shard-1". */
  bundle: string;
  records: SearchRecord[];
}

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

/** Records added per round trip to Pagefind's service: batching halves the time to add. */
const BATCH = 100;

function check(errors: string[], step: string): void {
  if (errors.length) throw new Error(`Pagefind failed ${step}: ${errors.join("; ")}`);
}

/** One shard: create the index, add, write, check errors after each call. */
export async function indexShard(job: ShardJob): Promise<number> {
  const pagefind = await import("pagefind");
  const { index, errors } = await pagefind.createIndex({
    forceLanguage: "en",
    writePlayground: false,
  });
  check(errors, "to start");
  if (!index) throw new Error("Pagefind returned no index and no error");
  try {
    for (let i = 0; i < job.records.length; i += BATCH) {
      const added = await Promise.all(
        job.records.slice(i, i + BATCH).map((record) => index.addCustomRecord(record)),
      );
      for (const { errors } of added) check(errors, `adding ${job.bundle}`);
    }
    const written = await index.writeFiles({ outputPath: join(job.site, job.bundle) });
    check(written.errors, `writing ${job.bundle}`);
    failpoint("search-written", true);
    return job.records.length;
  } finally {
    await index.deleteIndex();
  }
}

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

/**
 * One Pagefind bundle from search records: create the index, add the records in batches, write
 * the bundle, checking Pagefind's errors after each call. The build's indexer process
 * (pagefind-worker.ts) runs it per shard; the Pagefind bench runs it on whole texts.
 */
import { join } from "node:path";
import type { CustomRecord } from "pagefind";
import { failpoint } from "../publish/failpoint.ts";

export interface ShardJob {
  /** The site folder. */
  site: string;
  /** The bundle folder, relative to the site: "pagefind", "pagefind/shard-1". */
  bundle: string;
  /** The build's search records (search-records.ts), or any Pagefind record. */
  records: CustomRecord[];
}

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

/**
 * One bundle of scripts/bench-pagefind-index.ts, built in a child process of its own (this file,
 * forked) so the bundle's memory goes when it is written: the articles' word records added to a
 * Pagefind index through its node API, written out, errors checked after each call.
 */
import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { wordRecord } from "../src/generate/search/search-records.ts";
import type { ArticleRecord } from "../src/record.ts";
import { articlePath } from "../src/site/urls.ts";

export interface ShardJob {
  site: string;
  out: string;
  bundle: string;
  ids: string[];
}

const BATCH = 100; // records per round trip to Pagefind's service, as pagefind-worker.ts does

function check(errors: string[], step: string): void {
  if (errors.length) throw new Error(`Pagefind failed ${step}: ${errors.join("; ")}`);
}

/** One bundle, in this (child) process: create, add, write, checking errors after each call. */
async function indexShard(job: ShardJob): Promise<void> {
  const pagefind = await import("pagefind");
  const { index, errors } = await pagefind.createIndex({
    forceLanguage: "en",
    writePlayground: false,
  });
  check(errors, "to start");
  if (!index) throw new Error("Pagefind returned no index and no error");
  for (let i = 0; i < job.ids.length; i += BATCH) {
    const added = await Promise.all(
      job.ids.slice(i, i + BATCH).map((id) => {
        const file = join(job.site, articlePath(id), "index.json");
        const { text, title } = wordRecord(JSON.parse(readFileSync(file, "utf8")) as ArticleRecord);
        return index.addCustomRecord({
          url: articlePath(id),
          content: text,
          language: "en",
          meta: { title },
        });
      }),
    );
    for (const { errors } of added) check(errors, `adding to ${job.bundle}`);
  }
  const written = await index.writeFiles({ outputPath: join(job.out, job.bundle) });
  check(written.errors, `writing ${job.bundle}`);
  await index.deleteIndex();
  await pagefind.close();
}

const SELF = fileURLToPath(import.meta.url);
const TSX = import.meta.resolve("tsx");

/** Runs one job in a forked copy of this file; resolves when it has exited cleanly. */
export function runChild(job: ShardJob): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(SELF, [], {
      execArgv: ["--import", TSX],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let failure: string | undefined;
    child.on("message", (answer: { error?: string }) => (failure = answer.error));
    child.on("exit", (code) =>
      code === 0 && !failure
        ? resolve()
        : reject(new Error(`indexing ${job.bundle}: ${failure ?? `exited with ${code}`}`)),
    );
    child.send(job);
  });
}

// Forked by runChild: one job, then exit, so the bundle's memory is given back.
if (process.send && import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.once("message", (job: ShardJob) =>
    indexShard(job).then(
      () => process.exit(0),
      (error: Error) => (process.send!({ error: error.message }), process.exit(1)),
    ),
  );
}

/**
 * One bundle of scripts/bench-pagefind-index.ts, built in a child process of its own (this file,
 * forked) so the bundle's memory goes when it is written: the articles' whole texts indexed as
 * the build indexes its search records (src/generate/search/pagefind-shard.ts).
 */
import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { indexShard } from "../src/generate/search/pagefind-shard.ts";
import { wordRecord } from "../src/generate/search/search-records.ts";
import type { ArticleRecord } from "../src/record.ts";
import { articlePath } from "../src/site/urls.ts";

export interface ShardJob {
  site: string;
  out: string;
  bundle: string;
  ids: string[];
}

/** One bundle, in this (child) process: the build's own indexing of the texts. */
async function indexWhole(job: ShardJob): Promise<void> {
  const records = job.ids.map((id) => {
    const file = join(job.site, articlePath(id), "index.json");
    const { text, title } = wordRecord(JSON.parse(readFileSync(file, "utf8")) as ArticleRecord);
    return { url: articlePath(id), content: text, language: "en", meta: { title } };
  });
  await indexShard({ site: job.out, bundle: job.bundle, records });
  await (await import("pagefind")).close();
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
    indexWhole(job).then(
      () => process.exit(0),
      (error: Error) => (process.send!({ error: error.message }), process.exit(1)),
    ),
  );
}

/**
 * collect: every input file to exactly one of an article, a duplicate merged into another file's
 * article, or an error with its path and reason (inputs = articles + duplicates + errors).
 */
import type { Collection } from "./collection.ts";
import { parseFiles } from "./pool.ts";
import { Tally } from "./tally.ts";
import { walkFiles } from "./walk.ts";

export type { Collection, Duplicate, InputError } from "./collection.ts";

export interface CollectOptions {
  onProgress?: (done: number, total: number) => void;
}

/**
 * Walks the paths, parses every file on worker threads as the walk finds it, and merges records
 * that share an id.
 * Deterministic whatever the scheduling: articles by id number, duplicates and errors by path.
 */
export async function collect(paths: string[], options: CollectOptions = {}): Promise<Collection> {
  const tally = new Tally();
  let unreadable = 0; // paths the walk could not read
  const files = walkFiles(paths, (error) => (unreadable++, tally.error(error)));
  const parsed = await parseFiles(files, {
    onProgress: options.onProgress,
    onResult: (result) => tally.add(result),
  });
  return tally.finish(parsed + unreadable);
}

/**
 * `build`: collect the articles of a content folder (files unchanged since the last build into
 * the same folder come from its parse cache), then build the site from them. The site names each
 * source file from the content folder's name down ("content/000_….txt"), never by a machine's
 * path, so a build does not depend on where the folder is (collect-cached.ts publishes the paths).
 */
import { resolve } from "node:path";
import { progress } from "../progress.ts";
import { collectCached } from "./collect-cached.ts";
import { readParseCache, writeParseCache } from "./parse-cache.ts";
import { Indexers } from "./search-index.ts";
import { buildSite, type SiteBuildOptions } from "./pipeline.ts";
import type { BuildReport } from "./report.ts";
import { Timings } from "./timings.ts";

export interface BuildOptions extends SiteBuildOptions {
  /** The folder of article files. */
  content: string;
}

export async function build(options: BuildOptions): Promise<BuildReport> {
  const timings = new Timings(options.log);
  // Started now, they are ready when the search records are (~1 s of start-up each, off the
  // critical path); with nothing to index they just end.
  const indexers = new Indexers();
  try {
    const bar = progress("collect");
    const { collection, cache, parsed, unchanged, dirty } = await timings.run("collect", () =>
      collectCached(options.content, readParseCache(resolve(options.out)), (done, total) =>
        bar.update(done, total),
      ).finally(() => bar.stop()),
    );
    if (parsed < collection.inputs)
      options.log?.(`${parsed} files parsed, the rest from the cache`);
    return await buildSite(collection, {
      ...options,
      timings,
      indexers,
      // Unchanged (nothing parsed, nothing gone): the cache on disk is still right.
      parseCache: () => unchanged || writeParseCache(options.out, cache, dirty),
    });
  } finally {
    indexers.close();
  }
}

/**
 * `build`: check the content and output folders, take the folder's lock, finish or clear what a
 * stopped build left, mark a new folder, collect the articles of the content folder (files
 * unchanged since the last build into the same folder come from its parse cache), then build the
 * site from them into a staging folder and commit it (commit.ts). A build that fails or is
 * stopped before its commit leaves the site as it was. The site names each source file from the
 * content folder's name down ("content/000_….txt"), never by a machine's path, so a build does not
 * depend on where the folder is (collect-cached.ts publishes the paths).
 */
import { existsSync, realpathSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { progress } from "../progress.ts";
import { collectCached } from "./incremental/collect-cached.ts";
import { recover } from "./publish/commit.ts";
import { onInterrupt } from "../interrupt.ts";
import { siteLockPath, takeLocks } from "./publish/lock.ts";
import { readParseCache, writeParseCache } from "./incremental/parse-cache.ts";
import { Indexers } from "./search/pagefind-bundles.ts";
import { buildSite, type SiteBuildOptions } from "./pipeline.ts";
import { checkContent, checkOut, markOut } from "./publish/preflight.ts";
import type { BuildReport } from "./report.ts";
import { statePaths } from "./publish/state.ts";
import { Timings } from "./timings.ts";

export interface BuildOptions extends Omit<SiteBuildOptions, "state"> {
  /** The folder of article files. */
  content: string;
  /** The state folder (manifest, report, lock); default beside --out (state.ts). */
  stateDir?: string;
  /** Another build of the same site running: wait for it to end, rather than refuse. */
  wait?: boolean;
}

export async function build(options: BuildOptions): Promise<BuildReport> {
  const out = resolve(options.out);
  checkContent(options.content);
  checkOut(out);
  markOut(out, options.prefix);
  const state = statePaths(out, options.stateDir);
  const release = await takeLocks(
    [siteLockPath(out), state.lock],
    out,
    options.wait ? (line) => options.log?.(line) : undefined,
  );
  // Stopped (Ctrl-C), the build lets go of its staging folder and lock: the site is unchanged.
  const discard = () => {
    // A commit whose undo failed left a journal: its staging folder is what finishes it.
    const keep = existsSync(state.journal) ? [state.stage, state.aside] : [];
    for (const dir of [state.stage, state.aside, state.work])
      if (!keep.includes(dir)) rmSync(dir, { recursive: true, force: true });
    release();
  };
  const forget = onInterrupt(discard);
  try {
    const recovered = recover(state);
    if (recovered === "finished")
      options.log?.("the last build was stopped while it committed; finished it");
    else if (recovered)
      options.log?.("the last build was stopped; cleared what it left, the site was unchanged");
    return await collectAndBuild(options, out, state);
  } finally {
    forget();
    discard();
  }
}

async function collectAndBuild(
  options: BuildOptions,
  out: string,
  state: ReturnType<typeof statePaths>,
): Promise<BuildReport> {
  const timings = new Timings(options.log);
  // Started now, they are ready when the search records are (~1 s of start-up each, off the
  // critical path); with nothing to index they just end.
  const indexers = new Indexers();
  try {
    const bar = progress("collect", "files parsed");
    // The site and its state are never read as articles, when they lie in the content folder.
    const skip = [realpathSync(out), realpathSync(state.dir)];
    const { collection, cache, parsed, unchanged, dirty } = await timings.run("collect", () =>
      collectCached(
        options.content,
        readParseCache(out),
        (done, total) => bar.update(done, total),
        skip,
      ).finally(() => bar.stop()),
    );
    if (parsed < collection.inputs)
      options.log?.(`${parsed} files parsed, the rest from the cache`);
    return await buildSite(collection, {
      ...options,
      out,
      state,
      timings,
      indexers,
      // Unchanged (nothing parsed, nothing gone): the cache on disk is still right.
      parseCache: () => unchanged || writeParseCache(out, cache, dirty),
    });
  } finally {
    indexers.close();
  }
}

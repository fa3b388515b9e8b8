/** `build`: collect the articles of a content folder, then build the site from them. */
import { resolve } from "node:path";
import { collect } from "../corpus/collect.ts";
import { progress } from "../progress.ts";
import { buildSite, phase, type SiteBuildOptions } from "./pipeline.ts";
import type { BuildReport } from "./report.ts";

export interface BuildOptions extends SiteBuildOptions {
  /** The folder of article files. */
  content: string;
}

export async function build(options: BuildOptions): Promise<BuildReport> {
  const log = options.log ?? (() => {});
  const bar = progress("collect");
  const collection = await phase(log, "collect", () =>
    collect([resolve(options.content)], {
      onProgress: (done, total) => bar.update(done, total),
    }).finally(() => bar.stop()),
  );
  return buildSite(collection, options);
}

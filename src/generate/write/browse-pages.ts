/**
 * The Eleventy step: hands the site data to Eleventy as the global data `kb`, and the browse pages
 * to (re)write as `pending` (browse-plan.ts) and the inline scripts as `inlineScripts`
 * (scripts.ts), and writes them and the style sheet and icon into `out`. Templates
 * with nothing pending are ignored, and when nothing is pending and the assets are there, Eleventy
 * is not started at all. The article pages are written by article-pages.ts from the same template
 * (layouts/article.11ty.ts), which Eleventy is told to ignore. Configuration and templates live
 * in .eleventy.ts and layouts/.
 */
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { progress } from "../../progress.ts";
import { failpoint } from "../publish/failpoint.ts";
import type { SiteData } from "../../site/data.ts";
import type { BrowsePlan } from "../incremental/browse-plan.ts";
import type { EleventyConstructor } from "./eleventy-types.ts";
import type { OutDir } from "./out-dir.ts";
import { inlineScripts } from "./scripts.ts";
import { LAYOUTS, templateFile } from "./templates.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * Writes the pending browse pages and copies the assets; keeps the other pages and, when Eleventy
 * is not needed, the assets the last build copied (`copies`, site paths). Returns the site paths
 * of the copies made or kept, for the next manifest.
 */
export async function renderPages(
  site: SiteData,
  out: OutDir,
  plan: BrowsePlan,
  copies: readonly string[] = [],
): Promise<string[]> {
  for (const path of plan.kept) out.keep(path);
  const total = plan.total - plan.kept.length;
  if (total === 0 && copies.length > 0 && copies.every((path) => out.has(path))) {
    for (const path of copies) out.keep(path);
    return [...copies];
  }
  const inline = await inlineScripts();
  const bar = progress("pages", "browse pages written");
  let done = 0;
  const { default: Eleventy } = (await import("@11ty/eleventy")) as {
    default: EleventyConstructor;
  };
  // Into the staging folder: the commit moves the pages into the site (commit.ts).
  const eleventy = new Eleventy(LAYOUTS.replace(/\/$/, ""), out.stage, {
    configPath: `${ROOT}.eleventy.ts`,
    quietMode: true,
    config: (config) => {
      config.addGlobalData("kb", site);
      config.addGlobalData("pending", plan.pending);
      config.addGlobalData("inlineScripts", inline);
      for (const name of ["article", ...plan.idle])
        config.ignores.add(relative(process.cwd(), templateFile(name)));
      // Counts pages as they are written, for the progress bar.
      config.addTransform(
        "kbsite-progress",
        (content: string) => (bar.update(++done, total), failpoint("browse-pages"), content),
      );
    },
  });
  eleventy.disableLogger(); // its "[11ty] Copied 6 Wrote 270 files" line is not ours to print
  const [copied, templates] = await eleventy.write().finally(() => bar.stop());
  const made: string[] = [];
  for (const copy of copied)
    for (const target of Object.values(copy.map ?? {})) made.push(out.keep(target));
  for (const result of templates) if (result.outputPath) out.keep(result.outputPath);
  return made.sort();
}

/**
 * The Eleventy step: hands the site data to Eleventy as the global data `kb` and writes the HTML
 * pages and assets into `out`. Configuration and templates live in .eleventy.ts and layouts/.
 */
import { fileURLToPath } from "node:url";
import { progress } from "../progress.ts";
import type { SiteData } from "../site/data.ts";
import type { EleventyConstructor } from "./eleventy-types.ts";
import { insideOut } from "./out-dir.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Renders every page; returns how many files Eleventy wrote. */
export async function renderPages(site: SiteData, out: string): Promise<number> {
  const bar = progress("pages");
  const total = site.pageCount();
  let done = 0;
  const { default: Eleventy } = (await import("@11ty/eleventy")) as {
    default: EleventyConstructor;
  };
  const eleventy = new Eleventy(`${ROOT}layouts`, out, {
    configPath: `${ROOT}.eleventy.ts`,
    quietMode: true,
    config: (config) => {
      config.addGlobalData("kb", site);
      // Counts pages as they are written, for the progress bar.
      config.addTransform(
        "kbsite-progress",
        (content: string) => (bar.update(++done, total), content),
      );
    },
  });
  const written = await eleventy.write().finally(() => bar.stop());
  // Eleventy returns [passthroughCopies, templates] (or only templates, by version).
  const templates = (Array.isArray(written[0]) ? written[1] : written) as {
    outputPath?: string | false;
  }[];
  for (const result of templates) if (result.outputPath) insideOut(out, result.outputPath);
  return templates.length;
}

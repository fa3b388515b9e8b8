/**
 * The Eleventy step: hands the site data to Eleventy as the global data `kb` and writes the
 * browse pages and assets into `out`. The article pages are written by articles.ts from the same
 * template (layouts/article.11ty.ts), which Eleventy is told to ignore. Configuration and templates live in .eleventy.ts and layouts/.
 */
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { progress } from "../progress.ts";
import type { SiteData } from "../site/data.ts";
import type { EleventyConstructor } from "./eleventy-types.ts";
import type { OutDir } from "./out-dir.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ARTICLE_TEMPLATE = `${ROOT}layouts/article.11ty.ts`;

/** Renders every page but the articles'; returns how many files Eleventy wrote. */
export async function renderPages(site: SiteData, out: OutDir): Promise<number> {
  const bar = progress("pages");
  const total = site.pageCount() - site.articles.length;
  let done = 0;
  const { default: Eleventy } = (await import("@11ty/eleventy")) as {
    default: EleventyConstructor;
  };
  const eleventy = new Eleventy(`${ROOT}layouts`, out.root, {
    configPath: `${ROOT}.eleventy.ts`,
    quietMode: true,
    config: (config) => {
      config.addGlobalData("kb", site);
      config.ignores.add(relative(process.cwd(), ARTICLE_TEMPLATE));
      // Counts pages as they are written, for the progress bar.
      config.addTransform(
        "kbsite-progress",
        (content: string) => (bar.update(++done, total), content),
      );
    },
  });
  const [copies, templates] = await eleventy.write().finally(() => bar.stop());
  for (const copy of copies) for (const target of Object.values(copy.map ?? {})) out.keep(target);
  for (const result of templates) if (result.outputPath) out.keep(result.outputPath);
  return templates.length;
}

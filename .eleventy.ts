/**
 * Eleventy configuration, as a table of contents. The site's data is not read here: the build
 * pipeline hands the records to Eleventy as the global data `kb` (src/generate/write/browse-pages.ts), and the
 * templates in layouts/ turn it into pages.
 */
import { fileURLToPath } from "node:url";
import type { EleventyConfig } from "./src/generate/write/eleventy-types.ts";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default function (eleventyConfig: EleventyConfig) {
  // Templates are TypeScript render functions (layouts/*.11ty.ts), loaded through tsx like
  // Eleventy's own .11ty.js: fast at 60k pages, and article text is never seen by a template
  // language, so `{{ 7*7 }}` in an article stays exactly that.
  eleventyConfig.addExtension("11ty.ts", { key: "11ty.js" });
  eleventyConfig.setTemplateFormats(["11ty.ts"]);

  // The style sheet and the icon, copied as they are to /assets/; the scripts are bundled by the
  // build (src/generate/write/scripts.ts).
  eleventyConfig.addPassthroughCopy({ [here("layouts/assets/*.{css,svg}")]: "assets" });

  // The build prints its own progress per phase.
  eleventyConfig.setQuietMode(true);

  return {
    dir: { input: here("layouts") },
  };
}

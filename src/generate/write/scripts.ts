/**
 * The browser's scripts, bundled by esbuild at build time: the entry points in layouts/assets/
 * with what they import from src/ (the URL rules, the word index's rules, "stemmer"). Each page
 * module stays a file of its own under /assets/, as the pages ask for it, and the search page's
 * start script is also made as inline code for its template (handed over as Eleventy data).
 */
import { build, type Plugin } from "esbuild";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { OutDir } from "./out-dir.ts";

const ASSETS = fileURLToPath(new URL("../../../layouts/assets/", import.meta.url));

/** The shared URL rules: served as /assets/kb.js, which every page preloads. */
const URLS = fileURLToPath(new URL("../../site/urls.ts", import.meta.url));

/** /assets/NAME.js → its entry point; each imports the others as the files they are. */
const MODULES: Record<string, string> = {
  kb: URLS,
  site: `${ASSETS}site.js`,
  suggest: `${ASSETS}suggest.ts`,
  search: `${ASSETS}search.js`,
  "search-items": `${ASSETS}search-items.js`,
  "not-found": `${ASSETS}not-found.js`,
  fuzzy: `${ASSETS}fuzzy.ts`, // typo tolerance: imported only when a word matches nothing
};

/** search-start.js: the search page's fetching, whole in one file (it runs inline, too). */
const START = `${ASSETS}search-start.js`;

const OPTIONS = {
  bundle: true,
  minify: true,
  target: "es2022",
  platform: "browser",
  write: false,
  logLevel: "silent",
} as const;

/**
 * An import of another page module (or of the URL rules) stays an import of its file under
 * /assets/, so a page fetches each once, as it did when the files were copied as written.
 */
const separate: Plugin = {
  name: "kbsite-separate-modules",
  setup(bundler) {
    const byPath = new Map<string, string>();
    for (const [name, entry] of Object.entries(MODULES)) {
      byPath.set(entry, name);
      byPath.set(`${ASSETS}${name}.js`, name); // site.js imports "./suggest.js", made from suggest.ts
    }
    byPath.set(START, "search-start");
    bundler.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === "entry-point") return undefined;
      const name = byPath.get(resolve(args.resolveDir, args.path));
      return name ? { path: `./${name}.js`, external: true } : undefined;
    });
  },
};

/** Writes /assets/NAME.js for every page module and search-start.js; unchanged files are kept. */
export async function writeScripts(out: OutDir): Promise<void> {
  const [modules, start] = await Promise.all([
    build({
      ...OPTIONS,
      entryPoints: MODULES,
      outdir: "/assets",
      format: "esm",
      plugins: [separate],
    }),
    build({ ...OPTIONS, entryPoints: { "search-start": START }, outdir: "/assets", format: "esm" }),
  ]);
  for (const file of [...modules.outputFiles, ...start.outputFiles])
    out.update(file.path, `${file.text.trim()}\n`);
}

/** The scripts a template inlines, as the `<script>` elements to put in its page. */
export interface InlineScripts {
  /** The search page's: starts the query's fetches before the style sheet and search.js load. */
  searchStart: string;
}

export async function inlineScripts(): Promise<InlineScripts> {
  const code = `import { startSearch } from "./search-start.js";
    window.kbSearchStarted = startSearch(document.documentElement.dataset.prefix || "/", location.search);`;
  const { outputFiles } = await build({
    ...OPTIONS,
    stdin: { contents: code, resolveDir: ASSETS, loader: "js" },
    format: "iife",
  });
  const js = outputFiles[0]!.text.trim();
  // esbuild escapes "</script" in strings; a bare one elsewhere would still end the element.
  if (/<\/script/i.test(js)) throw new Error("an inline script may not contain </script");
  return { searchStart: `<script>${js}</script>` };
}

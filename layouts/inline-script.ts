/**
 * A browser module from layouts/search, bundled with its imports into one classic script to
 * inline in a page's head (esbuild, at build time): it runs at once, before the page's style
 * sheet and external scripts load, with the same code search.js imports (no second copy of the
 * URL rules). The modules bundled this way live in layouts/search/, not layouts/assets/: they
 * import npm packages, which a browser cannot resolve from a copied file.
 */
import { buildSync } from "esbuild";
import { raw, type Html } from "../src/site/html.ts";

const SEARCH = new URL("./search/", import.meta.url);

/** `code` runs inside the bundle and may import from layouts/search ("./search-start.js"). */
export function inlineScript(code: string): Html {
  const js = bundle(code, "iife");
  // esbuild escapes "</script" in strings; a bare one elsewhere would still end the element.
  if (/<\/script/i.test(js)) throw new Error("an inline script may not contain </script");
  return raw(`<script>${js}</script>`);
}

/**
 * search-start.js as a module of its own, served at /assets/search-start.js for search.js to
 * import when the inline copy did not run (a Content-Security-Policy that forbids inline scripts).
 */
export function searchStartModule(): string {
  return bundle(`export * from "./search-start.js";`, "esm") + "\n";
}

function bundle(code: string, format: "iife" | "esm"): string {
  const { outputFiles } = buildSync({
    stdin: { contents: code, resolveDir: SEARCH.pathname, loader: "js" },
    bundle: true,
    format,
    minify: true,
    target: "es2022",
    write: false,
  });
  return outputFiles[0]!.text.trim();
}

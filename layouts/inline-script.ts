/**
 * A browser module from layouts/assets, bundled with its imports into one classic script to
 * inline in a page's head (esbuild, at build time): it runs at once, before the page's style
 * sheet and external scripts load, with the same code search.js imports (no second copy of the
 * URL rules).
 */
import { buildSync } from "esbuild";
import { raw, type Html } from "../src/site/html.ts";

const ASSETS = new URL("./assets/", import.meta.url);

/** `code` runs inside the bundle and may import from layouts/assets ("./kb.js"). */
export function inlineScript(code: string): Html {
  const { outputFiles } = buildSync({
    stdin: { contents: code, resolveDir: ASSETS.pathname, loader: "js" },
    bundle: true,
    format: "iife",
    minify: true,
    target: "es2022",
    write: false,
  });
  const js = outputFiles[0]!.text.trim();
  // esbuild escapes "</script" in strings; a bare one elsewhere would still end the element.
  if (/<\/script/i.test(js)) throw new Error("an inline script may not contain </script");
  return raw(`<script>${js}</script>`);
}

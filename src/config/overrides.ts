/**
 * Template overrides: the files of the user's overrides folder (overrides/ beside the config, or
 * the folder its `overrides` key names) that shadow kbsite's own by name, as Eleventy's
 * _includes/ and Hugo's layouts/ do. OVERRIDABLE is the documented list (README: Configuration);
 * a file at the folder's top that shadows nothing is an error, since it is most likely a typo.
 * Subfolders are free for what an override imports. The whole folder's bytes are hashed into the
 * build's version, so a change of any override rebuilds the pages.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ArticleRecord } from "../record.ts";
import type { SiteData } from "../site/data.ts";
import { ConfigError } from "./load.ts";

/** The article template's data, as layouts/article.11ty.ts receives it. */
export interface ArticleData {
  kb: SiteData;
  article: ArticleRecord;
}

export type ArticleRender = (data: ArticleData) => string;

/**
 * An overriding article template: its render, and, when it exports one, its `model`: what its
 * page shows beyond what kbsite's own article page shows, hashed into the page's key so a rebuild
 * redraws the page when that changes (without it, the key is kbsite's own page's).
 */
export interface ArticleOverride {
  render: ArticleRender;
  model?: (data: ArticleData) => unknown;
}

/** File name → the site asset it replaces, or "article" for the article template. */
export const OVERRIDABLE: Record<string, string> = {
  "site.css": "/assets/site.css",
  "favicon.svg": "/assets/favicon.svg",
  // ES modules by their extension, whatever a package.json near them says: a .js or .ts file
  // in a folder without `"type": "module"` would load as CommonJS and fail on its imports.
  "article.mjs": "article",
  "article.mts": "article",
};

/** Names a user may well try, and the one to use instead. */
const RENAME: Record<string, string> = {
  "article.js": "article.mjs",
  "article.ts": "article.mts",
};

export interface Overrides {
  dir: string;
  /** Site path → the file that replaces it. */
  assets: Record<string, string>;
  /** The article template's file, if overridden. */
  article?: string;
  /** Hash of every file in the folder, for the build's version. */
  hash: string;
}

/**
 * The overrides in `dir`; none when it is absent and the config file (`named`, its path) did not
 * name it.
 */
export function findOverrides(dir: string, named?: string): Overrides | undefined {
  if (!existsSync(dir)) {
    if (named === undefined) return undefined;
    throw new ConfigError(`${named}: overrides: no folder ${dir}; make it or fix the key`);
  }
  if (!statSync(dir).isDirectory())
    throw new ConfigError(`${named ?? dir}: overrides: ${dir} is not a folder; fix the key`);
  const found: Overrides = { dir, assets: {}, hash: "" };
  const articles: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith(".")) continue;
    const target = OVERRIDABLE[entry.name];
    const file = join(dir, entry.name);
    if (target === undefined && RENAME[entry.name])
      throw new ConfigError(
        `${file}: name it ${RENAME[entry.name]}, so that it loads as an ES module whatever package.json says`,
      );
    if (target === undefined)
      throw new ConfigError(
        `${file}: shadows nothing; the files that can be overridden are ${Object.keys(OVERRIDABLE).join(", ")}`,
      );
    if (target === "article") articles.push(file);
    else found.assets[target] = file;
  }
  if (articles.length > 1)
    throw new ConfigError(`${articles.join(" and ")}: two article templates; keep one`);
  found.article = articles[0];
  found.hash = folderHash(dir);
  return found;
}

function folderHash(dir: string): string {
  const h = createHash("sha1");
  const add = (path: string) => {
    for (const name of readdirSync(path).sort()) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) add(full);
      else h.update(full.slice(dir.length)).update(readFileSync(full));
    }
  };
  add(dir);
  return h.digest("base64url");
}

/** The override's render (and model, if it has one), or a ConfigError naming the file. */
export async function loadArticleTemplate(file: string): Promise<ArticleOverride> {
  let module: { render?: unknown; model?: unknown };
  try {
    module = (await import(pathToFileURL(file).href)) as typeof module;
  } catch (error) {
    throw new ConfigError(`${file}: could not be loaded (${oneLine(error)}); fix the override`);
  }
  const { render, model } = module;
  if (typeof render !== "function")
    throw new ConfigError(
      `${file}: exports no render function; export function render({ kb, article }) returning the page's HTML`,
    );
  if (model !== undefined && typeof model !== "function")
    throw new ConfigError(
      `${file}: exports a model that is no function; export function model({ kb, article }) returning what the page shows`,
    );
  // "overrides/article.mjs: threw on Q265433: …" for render, "…: model threw on …" for model.
  const call = <T>(name: string, data: ArticleData, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      throw new ConfigError(
        `${file}: ${name}threw on ${data.article.id}: ${oneLine(error)}; fix the override`,
      );
    }
  };
  return {
    render: (data) => {
      const html: unknown = call("", data, () => render(data));
      if (typeof html !== "string")
        throw new ConfigError(
          `${file}: render returned ${typeof html} for ${data.article.id}, not a string of HTML`,
        );
      return html;
    },
    model:
      model && ((data) => call("model ", data, () => (model as ArticleOverride["model"])!(data))),
  };
}

const oneLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split("\n")[0];

/**
 * The templates in layouts/, as the build sees them: loaded by name when a build starts, as
 * Eleventy loads them from its input folder, so src/ knows their shape (a `model`, what a page
 * shows, and a `render`) and not their files; layouts/ imports from src/, never the reverse.
 */
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ArticleRecord } from "../../record.ts";
import type { SiteData } from "../../site/data.ts";

/** The template folder: Eleventy's input, and where the browser's entry points are. */
export const LAYOUTS = fileURLToPath(new URL("../../../layouts/", import.meta.url));

/** layouts/NAME.11ty.ts. */
export const templateFile = (name: string) => `${LAYOUTS}${name}.11ty.ts`;

/** The data Eleventy hands a browse page: the site, and its pagination entry if it has one. */
export type BrowseData = { kb: SiteData; entry?: unknown };

/** A browse template (layouts/home.11ty.ts, product.11ty.ts, …) as the build plans it. */
export interface BrowseTemplate {
  data: { permalink: string | ((data: BrowseData) => string) };
  /** Everything its page shows but what every page shares: its hash is the page's key. */
  model: (data: BrowseData) => unknown;
  /** The page (Eleventy calls it, with the global data besides `kb`). */
  render: (data: BrowseData & Record<string, unknown>) => string;
}

export type ArticleData = { kb: SiteData; article: ArticleRecord };

/** layouts/article.11ty.ts: the 60k article pages, rendered without Eleventy. */
export interface ArticleTemplate {
  model: (data: ArticleData) => { article: ArticleRecord };
  render: (data: ArticleData) => string;
}

/** The browse templates, by name; each paginated one's entries come from the site (browse-plan.ts). */
export const BROWSE = [
  "home",
  "products",
  "keywords",
  "years",
  "files",
  "search",
  "404",
  "product",
  "keyword",
  "year",
  "file",
] as const;

export type BrowseName = (typeof BROWSE)[number];

export interface Templates {
  browse: Record<BrowseName, BrowseTemplate>;
  article: ArticleTemplate;
}

let loaded: Promise<Templates> | undefined;

/** Every template, imported once per process. */
export function loadTemplates(): Promise<Templates> {
  return (loaded ??= (async () => {
    const load = async (name: string) => import(pathToFileURL(templateFile(name)).href);
    const modules = await Promise.all(BROWSE.map(load));
    const browse = Object.fromEntries(BROWSE.map((name, i) => [name, modules[i]]));
    return { browse, article: await load("article") } as Templates;
  })());
}

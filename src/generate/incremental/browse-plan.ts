/**
 * Which browse pages a build (re)writes. Every page Eleventy renders (home, product, keyword,
 * year and file pages, the indexes, search, 404) gets a key: a hash of its template's `model`,
 * the plain data its render draws the page from (all but what every page shares, which the
 * manifest's version covers). A rebuild hands Eleventy only the pages whose key changed or whose
 * file is missing, and keeps the rest as they are: re-rendering all ~4,900 browse pages of the
 * whole archive cost ~9 s when one title changed.
 */
import * as notFound from "../../../layouts/404.11ty.ts";
import * as file from "../../../layouts/file.11ty.ts";
import * as files from "../../../layouts/files.11ty.ts";
import * as home from "../../../layouts/home.11ty.ts";
import * as keyword from "../../../layouts/keyword.11ty.ts";
import * as keywords from "../../../layouts/keywords.11ty.ts";
import * as product from "../../../layouts/product.11ty.ts";
import * as products from "../../../layouts/products.11ty.ts";
import * as search from "../../../layouts/search.11ty.ts";
import * as year from "../../../layouts/year.11ty.ts";
import * as years from "../../../layouts/years.11ty.ts";
import type { SiteData } from "../../site/data.ts";
import { shortHash } from "./short-hash.ts";

type Data = { kb: SiteData; entry?: unknown };

/** A template as the plan sees it: where its pages go and what they show. */
interface Template {
  /** Its file in layouts/, which Eleventy is told to ignore when none of its pages changed. */
  name: string;
  /** The pagination list (a paginated template's `pagination.data` is `pending.<name>`). */
  entries?: (kb: SiteData) => readonly unknown[];
  permalink: string | ((data: Data) => string);
  /** Everything the page shows but what every page shares. */
  model: (data: Data) => unknown;
}

const paginated = <Entry>(
  name: string,
  module: {
    data: { permalink: (data: { kb: SiteData; entry: Entry }) => string };
    model: (data: { kb: SiteData; entry: Entry }) => unknown;
  },
  entries: (kb: SiteData) => readonly Entry[],
): Template => ({
  name,
  entries,
  permalink: module.data.permalink as Template["permalink"],
  model: module.model as Template["model"],
});

const single = (
  name: string,
  module: { data: { permalink: string }; model: (data: { kb: SiteData }) => unknown },
): Template => ({ name, permalink: module.data.permalink, model: module.model });

const TEMPLATES: Template[] = [
  single("home", home),
  single("products", products),
  single("keywords", keywords),
  single("years", years),
  single("files", files),
  single("search", search),
  single("404", notFound),
  paginated("product", product, (kb) => kb.productPages),
  paginated("keyword", keyword, (kb) => kb.keywordPages),
  paginated("year", year, (kb) => kb.yearPages),
  paginated("file", file, (kb) => kb.files),
];

/** "/products/winnt/" → "products/winnt/index.html"; "/404.html" stays a file. */
export function outputFile(permalink: string): string {
  const path = permalink.replace(/^\/+/, "");
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}

export interface BrowsePlan {
  /** Eleventy's global data `pending`: per paginated template, the entries to render. */
  pending: Record<string, unknown[]>;
  /** Templates with nothing to render, for Eleventy to ignore ("home", "keyword", …). */
  idle: string[];
  /** Files (site paths) of the pages kept as they are. */
  kept: string[];
  /** How many browse pages the site has, written or kept. */
  total: number;
  /** Site path → key, for the next manifest. */
  keys: Record<string, string>;
}

/** One browse page: its template's name, its pagination entry, its file and its key. */
export interface BrowsePage {
  template: string;
  entry: unknown;
  path: string;
  key: string;
}

/** Every browse page of the site, template by template. */
export function browsePages(kb: SiteData): BrowsePage[] {
  return TEMPLATES.flatMap((template) =>
    (template.entries?.(kb) ?? [undefined]).map((entry) => {
      const data = { kb, entry };
      const { permalink } = template;
      const path = outputFile(typeof permalink === "string" ? permalink : permalink(data));
      const key = shortHash(JSON.stringify(template.model(data)));
      return { template: template.name, entry, path, key };
    }),
  );
}

/**
 * `previous` is the last build's keys (none on a first build); `exists` says whether a page's
 * file is still there.
 */
export function planBrowse(
  kb: SiteData,
  previous: Record<string, string> | undefined,
  exists: (sitePath: string) => boolean,
): BrowsePlan {
  const plan: BrowsePlan = { pending: {}, idle: [], kept: [], total: 0, keys: {} };
  const pending = new Map(TEMPLATES.map((t) => [t.name, [] as unknown[]]));
  for (const { template, entry, path, key } of browsePages(kb)) {
    plan.keys[path] = key;
    plan.total++;
    if (previous?.[path] === key && exists(path)) plan.kept.push(path);
    else pending.get(template)!.push(entry);
  }
  for (const template of TEMPLATES) {
    const entries = pending.get(template.name)!;
    if (template.entries) plan.pending[template.name] = entries;
    if (entries.length === 0) plan.idle.push(template.name);
  }
  return plan;
}

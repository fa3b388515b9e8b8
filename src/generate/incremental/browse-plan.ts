/**
 * Which browse pages a build (re)writes. Every page Eleventy renders (home, product, keyword,
 * year and file pages, the indexes, search, 404) gets a key: a hash of its template's `model`,
 * the plain data its render draws the page from (all but what every page shares, which the
 * manifest's version covers). A rebuild hands Eleventy only the pages whose key changed or whose
 * file is missing, and keeps the rest as they are: re-rendering all ~4,900 browse pages of the
 * whole archive cost ~9 s when one title changed.
 */
import type { SiteData } from "../../site/data.ts";
import type { BrowseData, BrowseName, Templates } from "../write/templates.ts";
import { shortHash } from "./short-hash.ts";

/**
 * The pagination list of each paginated template (its `pagination.data` is `pending.<name>`);
 * the others make one page each.
 */
const ENTRIES: Partial<Record<BrowseName, (kb: SiteData) => readonly unknown[]>> = {
  product: (kb) => kb.productPages,
  keyword: (kb) => kb.keywordPages,
  year: (kb) => kb.yearPages,
  file: (kb) => kb.files,
};

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
  template: BrowseName;
  entry: unknown;
  path: string;
  key: string;
}

/** Every browse page of the site, template by template. */
export function browsePages(kb: SiteData, templates: Templates): BrowsePage[] {
  return Object.entries(templates.browse).flatMap(([name, template]) =>
    (ENTRIES[name as BrowseName]?.(kb) ?? [undefined]).map((entry) => {
      const data: BrowseData = { kb, entry };
      const { permalink } = template.data;
      const path = outputFile(typeof permalink === "string" ? permalink : permalink(data));
      const key = shortHash(JSON.stringify(template.model(data)));
      return { template: name as BrowseName, entry, path, key };
    }),
  );
}

/**
 * `previous` is the last build's keys (none on a first build); `exists` says whether a page's
 * file is still there.
 */
export function planBrowse(
  kb: SiteData,
  templates: Templates,
  previous: Record<string, string> | undefined,
  exists: (sitePath: string) => boolean,
): BrowsePlan {
  const plan: BrowsePlan = { pending: {}, idle: [], kept: [], total: 0, keys: {} };
  const names = Object.keys(templates.browse) as BrowseName[];
  const pending = new Map(names.map((name) => [name, [] as unknown[]]));
  for (const { template, entry, path, key } of browsePages(kb, templates)) {
    plan.keys[path] = key;
    plan.total++;
    if (previous?.[path] === key && exists(path)) plan.kept.push(path);
    else pending.get(template)!.push(entry);
  }
  for (const name of names) {
    const entries = pending.get(name)!;
    if (ENTRIES[name]) plan.pending[name] = entries;
    if (entries.length === 0) plan.idle.push(name);
  }
  return plan;
}

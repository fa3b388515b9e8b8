/**
 * Everything after collecting: derive the site data → render the pages with Eleventy → write the
 * JSON and sitemap → index for search with Pagefind → write the report. Each step is its own
 * module; this file only runs them in order and times them. Takes a Collection, so tests can
 * build from hand-made records.
 */
import type { Collection } from "../corpus/collect.ts";
import { SiteData } from "../site/data.ts";
import { writeJson } from "./json.ts";
import { MARKER, OutDir } from "./out-dir.ts";
import { renderPages } from "./render.ts";
import { makeReport, summarize, writeReport, type BuildReport } from "./report.ts";
import { buildSearchIndex } from "./search-index.ts";
import { writeSitemap } from "./sitemap.ts";

export interface SiteBuildOptions {
  /** The folder the site is written to. */
  out: string;
  /** "/" or "/kb-archive/": where the site will be served. */
  prefix: string;
  /** "https://kb.example.com": makes canonical, og:url and sitemap URLs absolute. */
  siteUrl?: string;
  /** Prints one line per phase. */
  log?: (line: string) => void;
}

export async function phase<T>(
  log: (line: string) => void,
  name: string,
  run: () => T | Promise<T>,
): Promise<T> {
  const start = performance.now();
  const result = await run();
  log(`${name.padEnd(14)} ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

export async function buildSite(
  collection: Collection,
  options: SiteBuildOptions,
): Promise<BuildReport> {
  const log = options.log ?? (() => {});
  const out = new OutDir(options.out);
  const site = await phase(log, "site data", () => new SiteData(collection.articles, options));
  const pages = await phase(log, "pages", () => renderPages(site, out));
  await phase(log, "json, sitemap", () => writeJson(site, out) + writeSitemap(site, out));
  out.write(
    `/${MARKER}`,
    JSON.stringify({ generator: "kbsite", prefix: site.prefix }, null, 2) + "\n",
  );
  const stale = out.removeStale();
  if (stale) log(`${stale} ${stale === 1 ? "file" : "files"} of an earlier build removed`);
  const indexed = await phase(log, "search index", () => buildSearchIndex({ site: out.root }));
  const report = makeReport(collection, pages, indexed);
  writeReport(out, report);
  log(summarize(report, out.root));
  return report;
}

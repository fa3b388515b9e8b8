/**
 * Everything after collecting: derive the site data → start the search indexers (child processes,
 * from the records) → write the article pages, the browse pages (Eleventy), the JSON and sitemap
 * meanwhile → wait for the index → remove what this build did not make → write the manifest and
 * the report. Each step is its own module; this file only runs them and times them. Takes a
 * Collection, so tests can build from hand-made records.
 */
import { resolve } from "node:path";
import type { Collection } from "../corpus/collect.ts";
import { SiteData } from "../site/data.ts";
import { articlePath } from "../site/urls.ts";
import { planBrowse } from "./browse-plan.ts";
import { writeArticlePages } from "./articles.ts";
import { writeJson } from "./json.ts";
import { buildVersion, pageKeys, readManifest, writeManifest, writtenBy } from "./manifest.ts";
import { MARKER, OutDir } from "./out-dir.ts";
import { recordKey } from "./record-key.ts";
import { renderPages } from "./render.ts";
import { makeReport, summarize, writeReport, type BuildReport } from "./report.ts";
import { searchStartModule } from "../../layouts/inline-script.ts";
import { buildSearchIndex, type Indexers } from "./search-index.ts";
import { planSearch } from "./search-plan.ts";
import { wordRecord } from "./search-records.ts";
import { writeFilterIndex } from "./filter-index.ts";
import { bucketsIn, oldWordRecords, writeWordIndex } from "./word-index.ts";
import { writeSitemap } from "./sitemap.ts";
import { writeSuggestIndex } from "./suggest-index.ts";
import { Timings } from "./timings.ts";

export interface SiteBuildOptions {
  /** The folder the site is written to. */
  out: string;
  /** "/" or "/kb-archive/": where the site will be served. */
  prefix: string;
  /** "https://kb.example.com": makes canonical, og:url and sitemap URLs absolute. */
  siteUrl?: string;
  /** Prints one line per phase. */
  log?: (line: string) => void;
  /** The timings of the phases so far (collect), to go on with. */
  timings?: Timings;
  /** Articles per search shard at least (default MIN_PER_SHARD); tests split small sites. */
  minPerShard?: number;
  /** Search indexers started early (build() starts them before parsing); closed when done. */
  indexers?: Indexers;
  /** Keeps the parse cache for the next build into this folder (once the folder is known good). */
  parseCache?: () => unknown;
}

export async function buildSite(
  collection: Collection,
  options: SiteBuildOptions,
): Promise<BuildReport> {
  const log = options.log ?? (() => {});
  const timings = options.timings ?? new Timings(log);
  const site = await timings.run("site data", () => new SiteData(collection.articles, options));
  const version = buildVersion(site);
  const previous = readManifest(resolve(options.out), version);
  const out = new OutDir(options.out, previous?.hashes);
  const { search, pages, browse } = await timings.run("plan", () => ({
    search: planSearch(site.articles, previous, options.minPerShard, (a) => recordKey(a).hash),
    pages: pageKeys(site),
    browse: planBrowse(site, previous?.browse, (path) => out.has(path)),
  }));
  // Read before the pages are rewritten: a rebuild reads only the buckets of their terms.
  if (!search.words.full) search.words.old = oldWordRecords(out, search.words.drop);
  const indexing = timings.run("search index", () =>
    buildSearchIndex({ out, jobs: search.jobs, indexers: options.indexers }),
  );
  indexing.catch(() => {}); // awaited below; not unhandled while the pages are written

  // An article whose key is unchanged keeps its page and record if its folder is still there:
  // checking its two files too cost ~0.8 s of a rebuild.
  const rewrite = new Set(
    site.articles
      .filter((a) => previous?.pages[a.id] !== pages[a.id] || !out.listed(articlePath(a.id)))
      .map((a) => a.id),
  );
  const changed = (id: string) => rewrite.has(id);
  const rendered = await timings.run("article pages", () => writeArticlePages(site, out, changed));
  const copies = await timings.run("browse pages", () =>
    renderPages(site, out, browse, previous?.copies),
  );
  await timings.run(
    "json, sitemap",
    () => writeJson(site, out, changed) + writeSitemap(site, out) + writeSuggestIndex(site, out),
  );
  await timings.run("word index", () => {
    writeWordIndex(
      out,
      search.words,
      () => site.articles.map(wordRecord),
      bucketsIn(previous?.hashes),
    );
    writeFilterIndex(out, site.articles);
  });
  out.update("/pagefind/shards.json", JSON.stringify(search.shards) + "\n");
  out.update("/assets/search-start.js", searchStartModule());
  out.update(
    `/${MARKER}`,
    JSON.stringify({ generator: "kbsite", prefix: site.prefix }, null, 2) + "\n",
  );
  options.parseCache?.();
  const indexed = await indexing;
  const report = makeReport(collection, site.articles.length + browse.total, indexed);
  writeReport(out, report);
  writeManifest(out, {
    version,
    pages,
    ...search.manifest,
    browse: browse.keys,
    copies,
    hashes: out.hashes,
  });
  const stale = out.removeStale(previous && writtenBy(previous, pages));
  if (stale) log(`${stale} ${stale === 1 ? "file" : "files"} of an earlier build removed`);
  if (previous)
    log(
      `${rendered} article ${rendered === 1 ? "page" : "pages"} and ${browse.total - browse.kept.length} browse pages rewritten, the rest unchanged`,
    );
  log(summarize(report, out.root));
  return report;
}

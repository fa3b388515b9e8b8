/**
 * Everything after collecting: derive the site data → start the search indexers (child processes,
 * from the records) → write the article pages, the browse pages (Eleventy), the JSON and sitemap
 * meanwhile → wait for the index → commit: the staged files go into the site, the last build's
 * files this one does not make go, the manifest and the report go into the state folder
 * (commit.ts). Each step is its own module; this file only runs them and times them. Takes a
 * Collection, so tests can build from hand-made records.
 */
import { readFileSync } from "node:fs";
import { loadArticleTemplate, type Overrides } from "../config/overrides.ts";
import type { Collection } from "../corpus/collect.ts";
import type { Brand } from "../site/brand.ts";
import { SiteData } from "../site/data.ts";
import { articlePath } from "../site/urls.ts";
import { planBrowse } from "./incremental/browse-plan.ts";
import { writeArticlePages } from "./write/article-pages.ts";
import { writeJson } from "./write/json.ts";
import { writeRecordsArchive } from "./write/records-archive.ts";
import { commit } from "./publish/commit.ts";
import {
  buildVersion,
  manifestText,
  pageKeys,
  readManifest,
  writtenBy,
} from "./incremental/manifest.ts";
import { MARKER, OutDir } from "./write/out-dir.ts";
import { markOut, markerText, readMarker } from "./publish/preflight.ts";
import { recordKey } from "./incremental/record-key.ts";
import { renderPages } from "./write/browse-pages.ts";
import { makeReport, summarize, type BuildReport } from "./report.ts";
import { hostLine, measureSite } from "./hosts.ts";
import { refuseBadInput } from "./publish/refuse-input.ts";
import { writeScripts } from "./write/scripts.ts";
import { loadTemplates } from "./write/templates.ts";
import { buildSearchIndex, type Indexers } from "./search/pagefind-bundles.ts";
import { bundleWhole, planSearch } from "./incremental/search-plan.ts";
import { oldWordRecords, wordRecord } from "./search/search-records.ts";
import { writeFilterIndex } from "./search/filter-index.ts";
import { bucketsIn, writeWordIndex } from "./search/word-index.ts";
import { countAside } from "./search/word-aside.ts";
import { writeSitemap } from "./write/sitemap.ts";
import { writeSuggestIndex } from "./search/suggest-index.ts";
import { writeFuzzyIndex } from "./search/fuzzy-index.ts";
import { writeOpenSearch } from "./write/opensearch.ts";
import { statePaths, type StatePaths } from "./publish/state.ts";
import { shortHash } from "./incremental/short-hash.ts";
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
  /** Where the manifest, report and staging folder are (state.ts); default beside `out`. */
  state?: StatePaths;
  /** Any article's error fails the build (and leaves the site as it was). */
  strict?: boolean;
  /** Under `strict`, errors of these source paths do not fail the build (the live loop's). */
  tolerated?: ReadonlySet<string>;
  /** The site's name, description, logo path, links and language (the config file). */
  brand?: Brand;
  /** Site path → a file copied there over kbsite's own (the logo, overridden styles). */
  assets?: Record<string, string>;
  /** The user's template overrides (src/config/overrides.ts). */
  overrides?: Overrides;
}

export async function buildSite(
  collection: Collection,
  options: SiteBuildOptions,
): Promise<BuildReport> {
  const log = options.log ?? (() => {});
  // build() checks, marks and locks the folder first; tests that build from records go straight here.
  const state = options.state ?? (markOut(options.out, options.prefix), statePaths(options.out));
  refuseBadInput(collection, options.strict ?? false, state.report, options.tolerated);
  const timings = options.timings ?? new Timings(log);
  const site = await timings.run("site data", () => new SiteData(collection.articles, options));
  const version = buildVersion(site, options.overrides?.hash);
  const templates = await loadTemplates();
  const file = options.overrides?.article;
  const override = file ? await loadArticleTemplate(file) : undefined;
  const render = override?.render ?? templates.article.render;
  const marker = readMarker(options.out);
  const { reusable: previous, trusted } = readManifest(
    state.manifest,
    options.out,
    version,
    marker?.build,
  );
  const out = new OutDir(options.out, state.stage, previous?.hashes);
  // A bundle with an empty file (a kill while Pagefind wrote, before builds were staged) is
  // indexed again in full: Pagefind would keep the file, and every query reading it fails.
  const searchBase = previous && bundleWhole(out.root) ? previous : undefined;
  const { search, pages, browse } = await timings.run("plan", () => ({
    search: planSearch(site.articles, searchBase, options.minPerShard, (a) => recordKey(a).hash),
    pages: pageKeys(site, templates.article, override?.model),
    browse: planBrowse(site, templates, previous?.browse, (path) => out.has(path)),
  }));
  // Read before the pages are rewritten: a rebuild reads only the buckets of their terms.
  if (!search.words.full) search.words.old = oldWordRecords(out, search.words.drop);
  // A full index is counted on a thread while the pages are written (~40 CPU-s at 60k).
  const counted = search.words.full ? countAside(site.articles.map(wordRecord)) : undefined;
  counted?.catch(() => {}); // awaited below; not unhandled while the pages are written
  const indexing = timings.run("search index", () =>
    buildSearchIndex({ out, jobs: search.jobs, indexers: options.indexers, work: state.work }),
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
  const rendered = await timings.run("article pages", () =>
    writeArticlePages(site, out, changed, render),
  );
  const copies = await timings.run("browse pages", () =>
    renderPages(site, out, browse, previous?.copies),
  );
  await timings.run("scripts", () => writeScripts(out));
  // Over Eleventy's copies (or the ones kept): the overrides shadow kbsite's own files.
  for (const [path, file] of Object.entries(options.assets ?? {}))
    out.update(path, readFileSync(file));
  await timings.run(
    "json, sitemap",
    () =>
      writeJson(site, out, changed) +
      writeSitemap(site, out) +
      writeSuggestIndex(site, out) +
      writeOpenSearch(site, out),
  );
  await timings.run("records.jsonl.gz", () => writeRecordsArchive(site, out, state.records));
  await timings.run("word index", async () => {
    await writeWordIndex(
      out,
      search.words,
      () => site.articles.map(wordRecord),
      searchBase ? bucketsIn(previous?.hashes) : [],
      counted,
    );
    writeFilterIndex(out, site.articles);
  });
  const unchanged = !search.words.full && !search.words.records.length && !search.words.drop.length;
  const words = () => site.articles.map(wordRecord);
  await timings.run("typo index", () => writeFuzzyIndex(out, words, unchanged, previous?.hashes));
  out.update("/pagefind/shards.json", JSON.stringify(search.shards) + "\n");
  // GitHub Pages drops paths starting with "_" (/keywords/_getfillmask/) unless this is there.
  out.update("/.nojekyll", "");
  // The build's id follows from the content (not the search bundles, which a rebuild adds to
  // and a cold build does not), so the same content gives the same bytes.
  const build = shortHash(JSON.stringify([version, pages, browse.keys]));
  out.update(`/${MARKER}`, markerText({ generator: "kbsite", prefix: site.prefix, build }));
  options.parseCache?.();
  const indexed = await indexing;
  const report = makeReport(collection, site.articles.length + browse.total, indexed);
  const manifest = manifestText(out, {
    build,
    version,
    pages,
    ...search.manifest,
    browse: browse.keys,
    copies,
    hashes: out.hashes,
  });
  const stale = trusted ? out.stale(writtenBy(trusted, pages)) : [];
  await timings.run("commit", () =>
    commit(state, out.root, stale, manifest, JSON.stringify(report, null, 2) + "\n"),
  );
  if (stale.length)
    log(`${stale.length} ${stale.length === 1 ? "file" : "files"} of the last build removed`);
  if (previous)
    log(
      `${rendered} article ${rendered === 1 ? "page" : "pages"} and ${browse.total - browse.kept.length} browse pages rewritten, the rest unchanged`,
    );
  const size = await timings.run("measure", () => measureSite(out.root));
  log(summarize(report, out.root, state.report, site.siteUrl));
  // Last, so an admin sees before deploying whether the site fits the host.
  log(hostLine(size));
  return report;
}

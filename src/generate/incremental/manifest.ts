/**
 * The build manifest, in the state folder (state.ts): what the last build into this folder made
 * from which inputs, so a rebuild redoes only what changed, and which files it wrote, so a
 * rebuild deletes only those. An article's page is rewritten when its key changes: a hash of
 * its template's model (its record, and what it shows of the others: layouts/article-model.ts);
 * the search index gets a small delta bundle of the changed articles, and the full shards' stale
 * entries are listed as hidden, until the delta grows past DELTA_LIMIT and every shard is rebuilt.
 * A change of code, prefix, site URL, the config's brand (name, description, logo, links,
 * language) or any override file rebuilds everything.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ArticleRecord } from "../../record.ts";
import { SITE_SOURCES, sourceHash } from "../../source-hash.ts";
import type { SiteData } from "../../site/data.ts";
import type { ArticleData, ArticleTemplate } from "../write/templates.ts";
import { articlePath } from "../../site/urls.ts";
import type { OutDir } from "../write/out-dir.ts";
import { recordKey } from "./record-key.ts";
import type { SearchRecord } from "../search/search-records.ts";
import { shortHash } from "./short-hash.ts";

/** Where builds before the state folder kept the manifest, inside the site. */
export const LEGACY_MANIFEST = ".kbsite/manifest.json";

/** Changed articles the delta bundle may hold before the full shards are rebuilt instead. */
export const DELTA_LIMIT = 2000;

export interface Manifest {
  /** This build's id, also in the site's marker: a manifest describes the folder whose marker has it. */
  build: string;
  /** Hash of the code that builds the site, the prefix and the site URL. */
  version: string;
  /** Article id → its page's key (pageKey). */
  pages: Record<string, string>;
  /** Article id → hash of its search record. */
  search: Record<string, string>;
  /** The full shards' bundles besides /pagefind/, as the search page lists them. */
  bundles: string[];
  /** Ids whose search entry is in the delta bundle. */
  delta: string[];
  /** Ids whose entries in the full shards are stale: changed or removed since they were built. */
  hidden: string[];
  /** Browse page (path inside the site) → hash of its model (browse-plan.ts). */
  browse: Record<string, string>;
  /** The assets Eleventy copied, kept as they are when Eleventy is not run. */
  copies: string[];
  /** Content hash of each file written by OutDir.update (JSON of files, sitemap, …). */
  hashes: Record<string, string>;
  /**
   * Every file the build wrote besides the articles' index.html and index.json (those follow from
   * `pages`), so the next build deletes what it no longer makes without walking the whole folder.
   */
  files: string[];
}

/**
 * Hash of the sources that shape the output, with the options that do: every page shows the
 * brand, and an override may change any page it shadows (`overrides`: the folder's hash).
 */
export function buildVersion(site: SiteData, overrides = ""): string {
  const brand = JSON.stringify(site.brand);
  return sourceHash(SITE_SOURCES, `${site.prefix}\n${site.siteUrl}\n${brand}\n${overrides}\n`);
}

/** Article id → pageKey; `more` is an overriding template's model, if it has one. */
export function pageKeys(
  site: SiteData,
  template: ArticleTemplate,
  more?: (data: ArticleData) => unknown,
): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const article of site.articles) keys[article.id] = pageKey(site, article, template, more);
  return keys;
}

/**
 * A hash of what the article's page shows: its template's model, with the record stood in by its
 * key, which the parse cache keeps (hashing all 60k records again costs ~2 s), and what an
 * override's model adds.
 */
export function pageKey(
  site: SiteData,
  article: ArticleRecord,
  template: ArticleTemplate,
  more?: (data: ArticleData) => unknown,
): string {
  const data = { kb: site, article };
  const shown = { ...template.model(data), article: recordKey(article).hash };
  return shortHash(JSON.stringify(more ? { ...shown, override: more(data) } : shown));
}

export function searchKey(record: SearchRecord): string {
  return shortHash(JSON.stringify(record));
}

/** What the last build left: the manifest to build on, and the one whose files may be deleted. */
export interface Previous {
  /** Made by this code with these options: unchanged pages are kept. */
  reusable?: Manifest;
  /** Describes this folder (any code, any options): its files are kbsite's to delete. */
  trusted?: Manifest;
}

/**
 * The last build's manifest, trusted when its build id is the one in the site's marker (`build`),
 * so a manifest never describes another folder, or this one after it was deleted and built anew.
 * A manifest inside the site (`out`, from before the state folder) is trusted when the folder
 * is marked: it lists the state files that leave the site now.
 */
export function readManifest(
  path: string,
  out: string,
  version: string,
  build: string | undefined,
): Previous {
  const current = readJson(path);
  const trusted =
    current && build !== undefined && current.build === build
      ? current
      : readJson(join(out, LEGACY_MANIFEST));
  if (!trusted) return {};
  return { trusted, reusable: trusted.version === version ? trusted : undefined };
}

function readJson(path: string): Manifest | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const manifest = JSON.parse(readFileSync(path, "utf8")) as Manifest;
    return Array.isArray(manifest.files) ? manifest : undefined;
  } catch {
    return undefined; // unreadable: build everything, delete nothing
  }
}

/** An article's two files, as paths inside the site. */
const articleFiles = (id: string) => {
  const page = articlePath(id).slice(1);
  return [`${page}index.html`, `${page}index.json`];
};

/** "kb/265/Q265433/index.json" → its folder and id, for a path shaped like an article's file. */
const ARTICLE_FILE = /^(.*\/(Q[0-9]+)\/)index\.(?:html|json)$/;

/** The manifest's text, with `files` taken from what `out` has written or kept so far. */
export function manifestText(out: OutDir, manifest: Omit<Manifest, "files">): string {
  // An article's own two files follow from `pages`; matched by shape first, as a set of both
  // names of all 60k articles cost ~0.3 s.
  const own = (path: string) => {
    const [, folder, id] = ARTICLE_FILE.exec(path) ?? [];
    return id !== undefined && id in manifest.pages && articlePath(id) === `/${folder}`;
  };
  const files = out
    .files()
    .filter((path) => !own(path))
    .sort();
  return JSON.stringify({ ...manifest, files }) + "\n";
}

/**
 * Every file the build that wrote `manifest` made (but the search bundle), less the files of the articles in `pages` (this build's): every build writes or keeps those.
 */
export function* writtenBy(manifest: Manifest, pages: Record<string, string>): Generator<string> {
  yield* manifest.files;
  for (const id of Object.keys(manifest.pages)) if (!(id in pages)) yield* articleFiles(id);
}

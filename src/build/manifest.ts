/**
 * The build manifest, OUT/.kbsite/manifest.json: what the last build into this folder made from
 * which inputs, so a rebuild redoes only what changed. An article's page is rewritten when its
 * inputs' hash changes (its record, the articles citing it, which ids in its text the site has);
 * the search index gets a small delta bundle of the changed articles, and the full shards' stale
 * entries are listed as hidden, until the delta grows past DELTA_LIMIT and every shard is rebuilt.
 * A change of code, prefix or site URL rebuilds everything.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ArticleRecord } from "../record.ts";
import type { SiteData } from "../site/data.ts";
import type { OutDir } from "./out-dir.ts";
import type { SearchRecord } from "./search-records.ts";

export const MANIFEST = "/.kbsite/manifest.json";

/** Changed articles the delta bundle may hold before the full shards are rebuilt instead. */
export const DELTA_LIMIT = 2000;

export interface Manifest {
  /** Hash of the code that builds the site, the prefix and the site URL. */
  version: string;
  /** Article id → hash of its page's inputs. */
  pages: Record<string, string>;
  /** Article id → hash of its search record. */
  search: Record<string, string>;
  /** The full shards' bundles besides /pagefind/, as the search page lists them. */
  bundles: string[];
  /** Ids whose search entry is in the delta bundle. */
  delta: string[];
  /** Ids whose entries in the full shards are stale: changed or removed since they were built. */
  hidden: string[];
}

const hash = (text: string) => createHash("sha1").update(text).digest("base64url").slice(0, 16);

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CODE = ["src/build", "src/site", "layouts", "src/record.ts", ".eleventy.ts"];

/** Hash of the sources that shape the output, with the options that do. */
export function buildVersion(site: SiteData): string {
  const h = createHash("sha1").update(`${site.prefix}\n${site.siteUrl}\n`);
  const add = (path: string) => {
    const full = join(ROOT, path);
    if (!existsSync(full)) return;
    if (!statSync(full).isDirectory()) return void h.update(path).update(readFileSync(full));
    for (const name of readdirSync(full).sort()) add(`${path}/${name}`);
  };
  for (const path of CODE) add(path);
  return h.digest("base64url");
}

const ID = /\bQ[1-9][0-9]{0,8}\b/g;

/** Everything an article's page shows besides its own record: who cites it, which ids link. */
export function pageKey(site: SiteData, article: ArticleRecord): string {
  const citedBy = (site.citedBy.get(article.id) ?? []).map((id) => {
    const other = site.byId.get(id);
    return [id, other?.title, other?.lastModified];
  });
  const linked = new Set<string>();
  for (const section of article.sections)
    for (const [id] of section.text.matchAll(ID)) if (site.has(id)) linked.add(id);
  return hash(JSON.stringify([article, citedBy, [...linked]]));
}

export function searchKey(record: SearchRecord): string {
  return hash(JSON.stringify(record));
}

export function readManifest(out: OutDir, version: string): Manifest | undefined {
  const path = join(out.root, MANIFEST);
  if (!existsSync(path)) return undefined;
  try {
    const manifest = JSON.parse(readFileSync(path, "utf8")) as Manifest;
    return manifest.version === version ? manifest : undefined;
  } catch {
    return undefined; // unreadable: build everything
  }
}

export function writeManifest(out: OutDir, manifest: Manifest): void {
  out.write(MANIFEST, JSON.stringify(manifest) + "\n");
}

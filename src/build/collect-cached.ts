/**
 * collect() with a parse cache, for rebuilds into the same folder. The cache keeps, per file, its
 * size, mtime and what it held (an id and form, or an error), and per id the merged, published
 * article with its duplicate entries and its key (record-key.ts) — not every file's parsed record:
 * at 240k articles both forms' records held ~6 GB. A rebuild parses only the files whose size or
 * mtime changed, and the other files of the ids those had or now have (merging needs every copy
 * of an id); every other id's article comes from the cache as it is. The result is the collection
 * collect() would return, with its paths published (named from the content folder's name down).
 * A change of the parsing code (src/parser, src/corpus) parses everything again.
 *
 * The cache is v8-serialized (faster than JSON for 100k+ records), one per output folder, in the
 * system's temporary folder: it is not part of the site, so two builds of the same content stay
 * byte-identical. It names files from the content folder's name down, so moving the folder keeps it.
 */
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import type { Collection, Duplicate } from "../corpus/collect.ts";
import { parseFiles } from "../corpus/pool.ts";
import { Tally } from "../corpus/tally.ts";
import { walk } from "../corpus/walk.ts";
import type { ParseResult } from "../parser/index.ts";
import type { ArticleRecord, SourceFormat } from "../record.ts";
import { recordKey, rememberKey, type RecordKey } from "./record-key.ts";

/** The cache file of a build into `out`; the name changes with the cache's shape. */
export function parseCachePath(out: string): string {
  const key = createHash("sha1").update(resolve(out)).digest("hex").slice(0, 16);
  return join(tmpdir(), "kbsite-cache", key, "parse-cache.2.v8");
}

/** What one file held when it was last parsed. */
interface FileEntry {
  size: number;
  mtimeMs: number;
  id?: string;
  format?: SourceFormat;
  /** Why it is not an article. */
  error?: string;
}

/** One id's published article, as merged from all its files. */
interface ArticleEntry {
  record: ArticleRecord;
  duplicates: Duplicate[];
  key: RecordKey;
}

export interface ParseCache {
  /** Hash of the parsing code: a parser change parses everything again. */
  code: string;
  /** By path from the content folder's name down ("content/000_x.txt"). */
  files: Map<string, FileEntry>;
  articles: Map<string, ArticleEntry>;
}

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PARSING = ["src/parser", "src/corpus", "src/record.ts"];

/** Hash of the sources that turn a file into a record. */
function parsingCode(): string {
  const h = createHash("sha1");
  const add = (path: string) => {
    const full = join(ROOT, path);
    if (!existsSync(full)) return;
    if (!statSync(full).isDirectory()) return void h.update(path).update(readFileSync(full));
    for (const name of readdirSync(full).sort()) add(`${path}/${name}`);
  };
  for (const path of PARSING) add(path);
  return h.digest("base64url");
}

const empty = (): ParseCache => ({ code: parsingCode(), files: new Map(), articles: new Map() });

export function readParseCache(out: string): ParseCache {
  const path = parseCachePath(out);
  if (!existsSync(path)) return empty();
  try {
    const cache = deserialize(readFileSync(path)) as ParseCache;
    return cache.code === parsingCode() ? cache : empty();
  } catch {
    return empty(); // unreadable or from another Node: parse everything
  }
}

export function writeParseCache(out: string, cache: ParseCache): void {
  const path = parseCachePath(out);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, serialize(cache));
  rmSync(join(dirname(path), "parse-cache.v8"), { force: true }); // the first shape's, ~1 GB
}

export interface CachedCollection {
  /** Its paths published: "content/000_x.txt", whatever the machine's path of the folder. */
  collection: Collection;
  /** The cache for the next build: this build's files only. */
  cache: ParseCache;
  /** Files parsed this time (not from the cache). */
  parsed: number;
  /** Nothing parsed and no file gone: the cache as read is still right. */
  unchanged: boolean;
}

export async function collectCached(
  content: string,
  previous: ParseCache,
  onProgress?: (done: number, total: number) => void,
): Promise<CachedCollection> {
  const base = dirname(resolve(content));
  // The walk joins names onto the folder's path, so a slice names a walked file (path.relative
  // on 117k paths cost ~1 s).
  const head = base.endsWith(sep) ? base : base + sep;
  const published = (path: string) =>
    (path.startsWith(head) ? path.slice(head.length) : relative(base, path)).split(sep).join("/");
  const walked = await walk([resolve(content)]);

  // Which files changed (size or mtime), and so which ids must be merged again.
  const files = new Map<string, FileEntry>();
  const dirty = new Set<string>();
  const unchangedIds = new Set<string>();
  const toParse: string[] = [];
  for (const path of walked.files) {
    const name = published(path);
    const { size, mtimeMs } = statSync(path);
    const hit = previous.files.get(name);
    if (hit && hit.size === size && hit.mtimeMs === mtimeMs) {
      files.set(name, hit);
      if (hit.id) unchangedIds.add(hit.id);
    } else {
      if (hit?.id) dirty.add(hit.id);
      files.set(name, { size, mtimeMs });
      toParse.push(path);
    }
  }
  for (const [name, entry] of previous.files) if (entry.id && !files.has(name)) dirty.add(entry.id); // the file went

  // Parse the changed files, then the unchanged copies of every id they touch; merge them by
  // collect()'s Tally. An id with an unchanged copy waits, and is merged in the walk's order
  // once its copies are parsed, as collect() would merge it; the rest (every file of a first
  // build) goes to the Tally as it comes, so no parsed record is held longer than its merge.
  const tally = new Tally();
  const waiting = new Map<string, ParseResult>();
  const parse = (paths: string[]) =>
    parseFiles(paths, {
      onProgress,
      onResult: (result, index) => {
        const path = paths[index]!;
        const entry = files.get(published(path))!;
        if (!result.ok) return void (entry.error = result.reason);
        entry.id = result.record.id;
        entry.format = result.record.source.format;
        dirty.add(result.record.id);
        if (unchangedIds.has(result.record.id)) waiting.set(path, result);
        else tally.add(result);
      },
    });
  await parse(toParse);
  const copies = walked.files.filter((path) => {
    const id = files.get(published(path))!.id;
    return id !== undefined && dirty.has(id) && unchangedIds.has(id) && !waiting.has(path);
  });
  await parse(copies);
  for (const path of walked.files) {
    const result = waiting.get(path);
    if (result) tally.add(result);
  }
  const merged = tally.finish(0);
  const articles = new Map<string, ArticleEntry>();
  for (const [id, entry] of previous.articles)
    if (!dirty.has(id)) (articles.set(id, entry), rememberKey(entry.record, entry.key));
  for (const article of merged.articles) {
    const record = {
      ...article,
      source: { ...article.source, path: published(article.source.path) },
    };
    articles.set(record.id, { record, duplicates: [], key: recordKey(record) });
  }
  for (const d of merged.duplicates)
    articles
      .get(d.id)!
      .duplicates.push({ ...d, kept: published(d.kept), merged: published(d.merged) });

  return {
    collection: assemble(
      walked.files.length + walked.errors.length,
      files,
      articles,
      walked.errors.map((e) => ({ ...e, path: published(e.path) })),
    ),
    cache: { code: previous.code, files, articles },
    parsed: toParse.length + copies.length,
    unchanged: toParse.length === 0 && files.size === previous.files.size,
  };
}

/** The Collection collect() would return, from the cache's entries (sorted as Tally sorts). */
function assemble(
  inputs: number,
  files: Map<string, FileEntry>,
  articles: Map<string, ArticleEntry>,
  walkErrors: Collection["errors"],
): Collection {
  const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const idNumber = (id: string) => Number(id.slice(1));
  const formats: Record<SourceFormat, number> = { jekyll: 0, text: 0 };
  const errors = [...walkErrors];
  for (const [path, entry] of files) {
    if (entry.format) formats[entry.format]++;
    if (entry.error !== undefined) errors.push({ path, reason: entry.error });
  }
  const entries = [...articles.values()];
  return {
    inputs,
    articles: entries.map((a) => a.record).sort((a, b) => idNumber(a.id) - idNumber(b.id)),
    duplicates: entries.flatMap((a) => a.duplicates).sort((a, b) => byPath(a.merged, b.merged)),
    errors: errors.sort((a, b) => byPath(a.path, b.path)),
    formats,
  };
}

/**
 * The parse cache on disk (collect-cached.ts says what it holds). A rebuild needs every article's
 * listing fields (the browse pages and the page keys use them) but the text of only the few
 * articles whose pages it writes, and it changes few articles; the sections are three quarters of
 * the bytes. So the cache is a folder, per output folder, in the system's temporary folder:
 *
 *   index.v8         the parsing code's hash, every file's size, mtime and id, each bucket's files
 *   B-GEN.meta.v8    bucket B's articles without their sections, with duplicates and keys
 *   B-GEN.text.v8    bucket B's sections, in the same order
 *
 * An article's bucket is its id number modulo BUCKETS. A build writes the index and the buckets
 * of the ids it merged again, under new names, then renames the index into place and deletes the
 * files it no longer names: a build stopped halfway leaves the last cache whole. A cached record's
 * `sections` is read from its bucket's text file the first time something uses it (the page,
 * record and search entry of a changed article), so a rebuild reads ~45 MB instead of ~190 MB.
 */
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { Duplicate } from "../../corpus/collect.ts";
import type { ArticleRecord, Section, SourceFormat } from "../../record.ts";
import { PARSING_SOURCES, sourceHash } from "../../source-hash.ts";
import { lazyArray } from "./lazy-array.ts";
import { readFiles, storedIndex, type FileEntry, type StoredIndex } from "./parse-cache-index.ts";
import type { RecordKey } from "./record-key.ts";
import { UserError } from "../../user-error.ts";

/** Few enough that reading every bucket's meta stays cheap, many enough that one is small. */
export type { FileEntry } from "./parse-cache-index.ts";

export const BUCKETS = 256;

export const bucketOf = (id: string): number => Number(id.slice(1)) % BUCKETS;

/** One id's published article, as merged from all its files. */
export interface ArticleEntry {
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
  /** Bucket → the name its files have on disk ("17-m3k9x2"); none before a first build. */
  buckets: Map<number, string>;
}

export class ParseCacheError extends UserError {
  override name = "ParseCacheError";
}

/** The cache folder of a build into `out`; the name changes with the cache's shape. */
export function parseCacheDir(out: string): string {
  const key = createHash("sha1").update(resolve(out)).digest("hex").slice(0, 16);
  return join(tmpdir(), "kbsite-cache", key, "parse-cache.4");
}

/** Hash of the sources that turn a file into a record. */
function parsingCode(): string {
  return sourceHash(PARSING_SOURCES);
}

const empty = (code: string): ParseCache => ({
  code,
  files: new Map(),
  articles: new Map(),
  buckets: new Map(),
});

export function readParseCache(out: string): ParseCache {
  const dir = parseCacheDir(out);
  const code = parsingCode();
  if (!existsSync(join(dir, "index.v8"))) return empty(code);
  try {
    const index = deserialize(readFileSync(join(dir, "index.v8"))) as StoredIndex;
    if (index.code !== code) return empty(code);
    const cache: ParseCache = { ...empty(code), buckets: new Map(index.buckets) };
    readFiles(index, cache.files);
    for (const name of cache.buckets.values()) readBucket(dir, name, cache.articles);
    return cache;
  } catch {
    return empty(code); // unreadable, half-deleted or from another Node: parse everything
  }
}

/** Reads a bucket's meta now and its text when a record's `sections` is first used. */
function readBucket(dir: string, name: string, articles: Map<string, ArticleEntry>): void {
  const entries = deserialize(readFileSync(join(dir, `${name}.meta.v8`))) as ArticleEntry[];
  let text: Section[][] | undefined;
  const load = () => {
    const path = join(dir, `${name}.text.v8`);
    try {
      return (text ??= deserialize(readFileSync(path)) as Section[][]);
    } catch (cause) {
      throw new ParseCacheError(
        `${path}: the parse cache lost its articles' text (${String(cause)}); delete ${dir} and build again`,
        { cause },
      );
    }
  };
  entries.forEach((entry, i) => {
    // Stored as `sections: null` where the key was, so the record keeps its key order (its JSON)
    // and, assigned in place, its shape: an accessor instead made every record a slow dictionary.
    entry.record.sections = lazyArray(() => load()[i]!);
    articles.set(entry.record.id, entry);
  });
}

/**
 * Writes `cache`: the index, and the buckets of the `dirty` ids (merged again or gone) and those
 * not on disk yet. Asks the records of those buckets for their sections.
 */
export function writeParseCache(out: string, cache: ParseCache, dirty: Iterable<string>): void {
  const dir = parseCacheDir(out);
  mkdirSync(dir, { recursive: true });
  const stale = new Set<number>();
  for (const id of dirty) stale.add(bucketOf(id));
  const byBucket = new Map<number, ArticleEntry[]>();
  for (const entry of cache.articles.values()) {
    const bucket = bucketOf(entry.record.id);
    if (!cache.buckets.has(bucket)) stale.add(bucket);
    if (!stale.has(bucket)) continue;
    const list = byBucket.get(bucket) ?? [];
    list.push(entry);
    byBucket.set(bucket, list);
  }
  const generation = Date.now().toString(36) + process.pid.toString(36);
  const buckets = new Map(cache.buckets);
  for (const bucket of stale) {
    const entries = byBucket.get(bucket);
    if (!entries) {
      buckets.delete(bucket); // its last article went
      continue;
    }
    const name = `${bucket}-${generation}`;
    const meta = entries.map((e) => ({ ...e, record: { ...e.record, sections: null } }));
    writeFileSync(join(dir, `${name}.meta.v8`), serialize(meta));
    // Copied: v8 cannot serialize a cached record's lazy array (a proxy) itself.
    const text = entries.map((e) => [...e.record.sections]);
    writeFileSync(join(dir, `${name}.text.v8`), serialize(text));
    buckets.set(bucket, name);
  }
  writeFileSync(
    join(dir, "index.v8.new"),
    serialize(storedIndex(cache.code, cache.files, buckets)),
  );
  renameSync(join(dir, "index.v8.new"), join(dir, "index.v8"));
  cache.buckets = buckets;
  const named = new Set([...buckets.values()].flatMap((n) => [`${n}.meta.v8`, `${n}.text.v8`]));
  for (const file of readdirSync(dir))
    if (file !== "index.v8" && !named.has(file)) rmSync(join(dir, file), { force: true });
  for (const old of ["parse-cache.v8", "parse-cache.2.v8"])
    // the earlier shapes', 0.2–1 GB
    rmSync(join(dir, "..", old), { force: true });
}

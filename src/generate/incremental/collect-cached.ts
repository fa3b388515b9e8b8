/**
 * collect() with a parse cache, for rebuilds into the same folder. The cache keeps, per file, its
 * size, mtime and what it held (an id and form, or an error), and per id the merged, published
 * article with its duplicate entries and its key (record-key.ts) — not every file's parsed record:
 * at 240k articles both forms' records held ~6 GB. A rebuild parses only the files whose size or
 * mtime changed, and the other files of the ids those had or now have (merging needs every copy
 * of an id); every other id's article comes from the cache as it is. The result is the collection
 * collect() would return, with its paths published (named from the content folder's name down).
 * A change of the parsing code (src/parser, src/corpus) parses everything again. How the cache is
 * stored (out of the site, in buckets read and written apart) is parse-cache.ts's business.
 */
import { statSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import type { Collection } from "../../corpus/collect.ts";
import { Tally } from "../../corpus/tally.ts";
import { walk } from "../../corpus/walk.ts";
import type { ParseResult } from "../../parser/index.ts";
import type { SourceFormat } from "../../record.ts";
import type { ArticleEntry, FileEntry, ParseCache } from "./parse-cache.ts";
import { failpoint } from "../publish/failpoint.ts";
import { recordKey, rememberKey } from "./record-key.ts";

export interface CachedCollection {
  /** Its paths published: "content/000_x.txt", whatever the machine's path of the folder. */
  collection: Collection;
  /** The cache for the next build: this build's files only. */
  cache: ParseCache;
  /** Files parsed this time (not from the cache). */
  parsed: number;
  /** Nothing parsed and no file gone: the cache as read is still right. */
  unchanged: boolean;
  /** The ids merged again or gone: the cache buckets to rewrite. */
  dirty: Set<string>;
}

/** `skip`: real paths of folders not to read (the site and its state, when inside the content). */
export async function collectCached(
  content: string,
  previous: ParseCache,
  onProgress?: (done: number, total: number) => void,
  skip: readonly string[] = [],
): Promise<CachedCollection> {
  const base = dirname(resolve(content));
  // The walk joins names onto the folder's path, so a slice names a walked file (path.relative
  // on 117k paths cost ~1 s).
  const head = base.endsWith(sep) ? base : base + sep;
  const published = (path: string) => {
    const name = path.startsWith(head) ? path.slice(head.length) : relative(base, path);
    return sep === "/" ? name : name.split(sep).join("/");
  };
  const walked = await walk([resolve(content)], skip);
  const names = walked.files.map(published);

  // Which files changed (size or mtime), and so which ids must be merged again.
  const files = new Map<string, FileEntry>();
  const dirty = new Set<string>();
  const unchangedIds = new Set<string>();
  const toParse: string[] = [];
  walked.files.forEach((path, i) => {
    const name = names[i]!;
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
  });
  for (const [name, entry] of previous.files) if (entry.id && !files.has(name)) dirty.add(entry.id); // the file went

  // Parse the changed files, then the unchanged copies of every id they touch; merge them by
  // collect()'s Tally. An id with an unchanged copy waits, and is merged in the walk's order
  // once its copies are parsed, as collect() would merge it; the rest (every file of a first
  // build) goes to the Tally as it comes, so no parsed record is held longer than its merge.
  const tally = new Tally();
  const waiting = new Map<string, ParseResult>();
  const parse = async (paths: string[]) => {
    if (paths.length === 0) return;
    // Imported only when something is parsed: the parser and zod cost ~0.6 s to load.
    const { parseFiles } = await import("../../corpus/pool.ts");
    await parseFiles(paths, {
      onProgress,
      onResult: (result, index) => {
        failpoint("collect");
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
  };
  await parse(toParse);
  const copies =
    dirty.size === 0
      ? []
      : walked.files.filter((path, i) => {
          const id = files.get(names[i]!)!.id;
          return id !== undefined && dirty.has(id) && unchangedIds.has(id) && !waiting.has(path);
        });
  await parse(copies);
  if (waiting.size > 0)
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
    cache: { code: previous.code, files, articles, buckets: previous.buckets },
    parsed: toParse.length + copies.length,
    unchanged: toParse.length === 0 && files.size === previous.files.size,
    dirty,
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

/**
 * index.v8, the parse cache's index (parse-cache.ts), as stored: the files in columns (one string
 * of paths, one array of numbers), which deserializes several times faster than 117k small
 * objects.
 */
import type { SourceFormat } from "../../record.ts";

/** What one file held when it was last parsed. */
export interface FileEntry {
  size: number;
  mtimeMs: number;
  id?: string;
  format?: SourceFormat;
  /** Why it is not an article. */
  error?: string;
}

export interface StoredIndex {
  code: string;
  /** The files' paths joined by "\0"; `ids` and `formats` likewise, "" for none. */
  paths: string;
  /** size, mtimeMs of each file in turn. */
  stats: Float64Array;
  ids: string;
  formats: string;
  /** [file's index, reason]: a reason may hold any character. */
  errors: [number, string][];
  buckets: [number, string][];
}

const SEP = "\0";

/** Fills `files` from the index. */
export function readFiles(index: StoredIndex, files: Map<string, FileEntry>): void {
  const [paths, ids, formats] = [index.paths, index.ids, index.formats].map((c) => c.split(SEP));
  const entries = paths!.map((path, i) => {
    const entry: FileEntry = { size: index.stats[2 * i]!, mtimeMs: index.stats[2 * i + 1]! };
    if (ids![i]) entry.id = ids![i];
    if (formats![i]) entry.format = formats![i] as SourceFormat;
    files.set(path, entry);
    return entry;
  });
  for (const [i, reason] of index.errors) entries[i]!.error = reason;
}

/** The index of `files`, made by parsing code `code`, with `buckets` as its bucket files. */
export function storedIndex(
  code: string,
  files: Map<string, FileEntry>,
  buckets: Map<number, string>,
): StoredIndex {
  const entries = [...files];
  const stats = new Float64Array(2 * entries.length);
  entries.forEach(([, e], i) => ((stats[2 * i] = e.size), (stats[2 * i + 1] = e.mtimeMs)));
  const column = (pick: (e: FileEntry) => string | undefined) =>
    entries.map(([, e]) => pick(e) ?? "").join(SEP);
  const errors: [number, string][] = [];
  entries.forEach(([, e], i) => e.error !== undefined && errors.push([i, e.error]));
  return {
    code,
    paths: entries.map(([path]) => path).join(SEP),
    stats,
    ids: column((e) => e.id),
    formats: column((e) => e.format),
    errors,
    buckets: [...buckets],
  };
}

/**
 * collect: every input file to exactly one of an article, a duplicate merged into another file's
 * article, or an error with its path and reason (inputs = articles + duplicates + errors).
 */
import type { ArticleRecord, SourceFormat } from "../record.ts";

export interface InputError {
  path: string;
  reason: string;
}

export interface Duplicate {
  id: string;
  /** The file whose record was kept as the article's source. */
  kept: string;
  /** The file merged into it. */
  merged: string;
  /** Why this one was kept, and which fields came from the merged file. */
  reason: string;
}

export interface Collection {
  /** Files read. */
  inputs: number;
  /** One record per distinct id, sorted by id number. */
  articles: ArticleRecord[];
  duplicates: Duplicate[];
  errors: InputError[];
  /** Files parsed per form, before merging. */
  formats: Record<SourceFormat, number>;
}

export interface CollectOptions {
  onProgress?: (done: number, total: number) => void;
}

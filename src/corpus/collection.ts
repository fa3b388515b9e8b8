/**
 * What collecting a content folder yields: every input file accounted for as an article, a
 * duplicate merged into another file's article, or an error with its path and reason. Types only,
 * in a file of their own so the walk, the merge and the tally can share them without importing
 * each other (collect.ts re-exports them for its callers).
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

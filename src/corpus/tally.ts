/**
 * Tally: parse results, one at a time, into a Collection — errors kept, records of one id merged
 * (see merge.ts for the rule). One place for this bookkeeping, whoever does the parsing.
 * Deterministic whatever the order of arrival: articles by id number, the rest by path.
 */
import type { ParseResult } from "../parser/index.ts";
import type { ArticleRecord, SourceFormat } from "../record.ts";
import type { Collection, Duplicate, InputError } from "./collection.ts";
import { merge } from "./merge.ts";

export class Tally {
  readonly #byId = new Map<string, ArticleRecord>();
  readonly #duplicates: Duplicate[] = [];
  readonly #errors: InputError[] = [];
  readonly #formats: Record<SourceFormat, number> = { jekyll: 0, text: 0 };

  add(result: ParseResult): void {
    if (!result.ok) return this.error({ path: result.path, reason: result.reason });
    const { record } = result;
    this.#formats[record.source.format]++;
    const earlier = this.#byId.get(record.id);
    if (!earlier) return void this.#byId.set(record.id, record);
    const merged = merge(earlier, record);
    this.#byId.set(record.id, merged.record);
    this.#duplicates.push(merged.duplicate);
  }

  error(error: InputError): void {
    this.#errors.push(error);
  }

  /** `inputs` counts every file read and every path that could not be read. */
  finish(inputs: number): Collection {
    const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const idNumber = (id: string) => Number(id.slice(1));
    return {
      inputs,
      articles: [...this.#byId.values()].sort((a, b) => idNumber(a.id) - idNumber(b.id)),
      // With three or more copies of an id, an earlier "kept" file may itself have been merged
      // later: every entry names the file the published article finally came from.
      duplicates: this.#duplicates
        .map((d) => ({ ...d, kept: this.#byId.get(d.id)?.source.path ?? d.kept }))
        .sort((a, b) => byPath(a.merged, b.merged)),
      errors: this.#errors.sort((a, b) => byPath(a.path, b.path)),
      formats: { ...this.#formats },
    };
  }
}

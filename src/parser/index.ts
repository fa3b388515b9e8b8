/**
 * parseArticle: raw bytes of one article file, in any form, to a validated record or a reason.
 * It never throws for bad input.
 */
import type { ArticleRecord } from "../record.ts";

export type ParseResult =
  | { ok: true; record: ArticleRecord }
  | { ok: false; path: string; reason: string };

export function parseArticle(input: Buffer | string, path: string): ParseResult {
  void input;
  return { ok: false, path, reason: "the parser is not written yet" };
}

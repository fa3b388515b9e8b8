/**
 * parseArticle: raw bytes of one article file, in any form, to a validated record or a reason.
 * decode (bytes -> clean text) -> form adapter (header + body lines) -> stages -> validate.
 * It never throws for bad input.
 */
import type { ArticleRecord } from "../record.ts";
import { decode } from "./decode.ts";
import { reasonOf } from "./errors.ts";
import { formOf } from "./forms/index.ts";
import { STAGES } from "./stages/index.ts";
import type { Article } from "./types.ts";
import { validate } from "./validate.ts";

export type ParseResult =
  { ok: true; record: ArticleRecord } | { ok: false; path: string; reason: string };

export function parseArticle(input: Buffer | string, path: string): ParseResult {
  try {
    const text = decode(input);
    const draft = formOf(text).parse(text, path);
    // Every field an Article has, from the start: objects of one shape copy fastest.
    const start: Article = {
      ...draft,
      lastModified: undefined,
      appliesTo: [],
      sections: [],
      files: [],
      references: [],
    };
    const article = STAGES.reduce((value, [, stage]) => stage(value), start);
    return { ok: true, record: validate(article) };
  } catch (error) {
    return { ok: false, path, reason: reasonOf(error) };
  }
}

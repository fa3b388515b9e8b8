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
    // Every field an Article has, in one order, named one by one: a spread of the Draft (whose
    // shape differs by form) took V8's slow path and cost 4 % of parsing.
    const start: Article = {
      path: draft.path,
      format: draft.format,
      id: draft.id,
      title: draft.title,
      productCode: draft.productCode,
      products: draft.products,
      versions: draft.versions,
      operatingSystems: draft.operatingSystems,
      keywords: draft.keywords,
      date: draft.date,
      body: draft.body,
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

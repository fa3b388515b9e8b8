/**
 * validate: the boundary. An Article becomes a public record only if it passes the record
 * schema; otherwise the failure is a readable reason naming the field.
 */
import { ArticleRecord } from "../record.ts";
import { ParseError } from "./errors.ts";
import type { Article } from "./types.ts";

export function validate(article: Article): ArticleRecord {
  const candidate = {
    id: article.id,
    title: article.title,
    ...(article.productCode ? { productCode: article.productCode } : {}),
    products: article.products,
    versions: article.versions,
    operatingSystems: article.operatingSystems,
    keywords: article.keywords,
    ...(article.queryWords ? { queryWords: article.queryWords } : {}),
    ...(article.lastModified ? { lastModified: article.lastModified } : {}),
    appliesTo: article.appliesTo,
    sections: article.sections,
    files: article.files,
    references: article.references,
    source: { path: article.path, format: article.format },
  };
  const result = ArticleRecord.safeParse(candidate);
  // zod's data is a copy of a valid candidate (the same fields in the same order); handing back
  // the candidate itself spares copying every record, sections and file rows included.
  if (result.success) return candidate;
  const problems = result.error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.join(".") || "record";
    return `${where}: ${issue.message}`;
  });
  throw new ParseError(`invalid record (${problems.join("; ")})`);
}

/**
 * merge: two records with one id (both forms of one article is the normal case) become one.
 * Rule: the record with the newer lastModified is kept; on a tie the Jekyll form is kept (a
 * collapsed flat-text copy has lost its line structure), then the first path. Fields the kept
 * record lacks (productCode, lastModified, empty lists) are filled from the other one, and the
 * reason says which.
 */
import type { ArticleRecord } from "../record.ts";
import type { Duplicate } from "./collection.ts";

const FILLABLE = ["products", "versions", "operatingSystems", "keywords", "appliesTo"] as const;
const LISTS = [...FILLABLE, "sections", "files", "references"] as const;

export function merge(
  a: ArticleRecord,
  b: ArticleRecord,
): { record: ArticleRecord; duplicate: Duplicate } {
  const [kept, other, why] = choose(a, b);
  const record: ArticleRecord = { ...kept };
  const filled: string[] = [];
  if (!record.productCode && other.productCode)
    ((record.productCode = other.productCode), filled.push("productCode"));
  if (!record.lastModified && other.lastModified)
    ((record.lastModified = other.lastModified), filled.push("lastModified"));
  for (const field of LISTS) {
    if (record[field].length === 0 && other[field].length > 0) {
      Object.assign(record, { [field]: other[field] });
      filled.push(field);
    }
  }
  const forms =
    kept.source.format === other.source.format
      ? `twice in ${kept.source.format} form`
      : "in both forms";
  const from = filled.length > 0 ? `, ${filled.join(", ")} from ${other.source.format}` : "";
  const reason = `same id ${forms}; kept ${kept.source.format} (${why})${from}`;
  return {
    record,
    duplicate: { id: kept.id, kept: kept.source.path, merged: other.source.path, reason },
  };
}

function choose(a: ArticleRecord, b: ArticleRecord): [ArticleRecord, ArticleRecord, string] {
  const da = a.lastModified ?? "";
  const db = b.lastModified ?? "";
  if (da !== db) return da > db ? [a, b, "newer"] : [b, a, "newer"];
  if (a.source.format !== b.source.format) {
    return a.source.format === "jekyll"
      ? [a, b, "same date, jekyll preferred"]
      : [b, a, "same date, jekyll preferred"];
  }
  return a.source.path <= b.source.path
    ? [a, b, "same date, first path"]
    : [b, a, "same date, first path"];
}

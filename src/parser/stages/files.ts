/** files: every row of every hotfix file table, a line that opens with a date. */
import type { FileRow } from "../../record.ts";
import { readRow } from "../text/file-row.ts";
import type { Stage } from "../types.ts";

const STARTS_WITH_DIGIT = /^\s*\d/;

export const files: Stage = (article) => {
  const rows: FileRow[] = [];
  for (const section of article.sections) {
    for (const line of section.text.split("\n")) {
      if (!STARTS_WITH_DIGIT.test(line)) continue;
      const match = readRow(line.trim().split(/\s+/), 0);
      if (match) rows.push(match.row);
    }
  }
  return { ...article, files: rows };
};

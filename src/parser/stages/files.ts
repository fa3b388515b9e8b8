/** files: every row of every hotfix file table, a line that opens with a date. */
import type { FileRow } from "../../record.ts";
import { readRow } from "../text/file-row.ts";
import type { Stage } from "../types.ts";

// A line opening with something date-shaped; readRow decides whether it really is a row. One
// scan per section keeps this cheap, since almost no line is a row.
const DATED_LINE = /^[ \t]*\d{1,4}[/-][0-9A-Za-z]{1,3}[/-]\d{2,4}[ \t][^\n]*/gm;
// Most sections hold no date at all. This unanchored test says so several times faster than
// DATED_LINE, whose "^" is tried at every position.
const DATE_ANYWHERE = /\d[/-][0-9A-Za-z]{1,3}[/-]\d/;

export const files: Stage = (article) => {
  const rows: FileRow[] = [];
  for (const section of article.sections) {
    if (!DATE_ANYWHERE.test(section.text)) continue;
    for (const [line] of section.text.matchAll(DATED_LINE)) {
      const match = readRow(line.trim().split(/\s+/), 0);
      if (match) rows.push(match.row);
    }
  }
  return { ...article, files: rows };
};

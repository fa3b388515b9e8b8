/** files: every row of every hotfix file table, a line that opens with a date. */
import type { FileRow } from "../../record.ts";
import { type DayOrder, onlyOrder } from "../text/dates.ts";
import { readRow } from "../text/file-row.ts";
import type { Stage } from "../types.ts";

// A line opening with something date-shaped ("7/31/98", "03-Jun-2002", "October 6, 2000",
// "17 July 2001"), maybe after a table's "|"; readRow decides whether it really is a row. One
// scan per section keeps this cheap, since almost no line is a row.
const DATED_LINE =
  /^[ \t]*(?:\|[ \t]*)?(?:\d{1,4}[/-][0-9A-Za-z]{1,3}[/-]\d{2,4}|[A-Za-z]{3,9}\.?[ \t]+\d{1,2},?[ \t]+\d{4}|\d{1,2}[ \t]+[A-Za-z]{3,9}[ \t]+\d{4})[ \t][^\n]*/gm;
// Most sections hold no date at all. This unanchored test says so several times faster than
// DATED_LINE, whose "^" is tried at every position.
const DATE_ANYWHERE =
  /\d[/-][0-9A-Za-z]{1,3}[/-]\d|[A-Za-z][ \t]+\d{1,2},?[ \t]+\d{4}[ \t]|\d[ \t]+[A-Za-z]{3,9}[ \t]+\d{4}[ \t]/;
// What may stand between two rows of one table: blank lines and rules ("-----", "+-----+").
const SAME_TABLE = /^[\s|+=-]*$/;

export const files: Stage = (article) => {
  const rows: FileRow[] = [];
  for (const section of article.sections) {
    if (DATE_ANYWHERE.test(section.text)) rows.push(...sectionRows(section.text));
  }
  return { ...article, files: rows };
};

/** The rows of one section, each table's dates read in the table's own day order. */
function sectionRows(text: string): FileRow[] {
  const rows: FileRow[] = [];
  let table: string[][] = [];
  let tableEnd = 0;
  const endTable = () => {
    const order = tableOrder(table);
    for (const tokens of table) rows.push(readRow(tokens, 0, order)!.row);
    table = [];
  };
  for (const match of text.matchAll(DATED_LINE)) {
    const tokens = match[0].trim().split(/\s+/);
    if (!readRow(tokens, 0)) continue;
    if (!SAME_TABLE.test(text.slice(tableEnd, match.index))) endTable();
    table.push(tokens);
    tableEnd = match.index + match[0].length;
  }
  endTable();
  return rows;
}

/**
 * "28/07/99" can only be day-first, "07/28/99" only month-first; a table whose dates are all
 * ≤ 12 in both fields ("03/05/94") is read like the other rows of its table (Q165001 mixes
 * "03/05/94" with "17/06/94"), and month-first, as the American archive mostly writes, when
 * nothing in it decides. A table that shows both orders keeps month-first for its doubtful rows.
 */
function tableOrder(table: string[][]): DayOrder {
  const orders = new Set(
    table.map((tokens) => onlyOrder(tokens[0] === "|" ? tokens[1]! : tokens[0]!)),
  );
  return orders.has("day-first") && !orders.has("month-first") ? "day-first" : "month-first";
}

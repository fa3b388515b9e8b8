/**
 * One row of a hotfix file table, read from whitespace-separated tokens. Rows are anchored by
 * their date; the other columns come in many orders, so each token is recognised by its shape
 * rather than by its column. Shared by the `files` stage (one line at a time) and by
 * `uncollapse` (which needs to know where a row ends when the line breaks are lost).
 */
import type { FileRow } from "../../record.ts";
import { type DayOrder, isoTime, readDate } from "./dates.ts";

const TIME = /^\d{1,2}:\d{2}(?::\d{2})?(?:[ap]\.?m?\.?)?$/i;
const MERIDIEM = /^[ap]\.?(?:m\.?)?$/i;
const SIZE = /^(\d{1,3}(?:,\d{3})+|\d+)(b|kb|k|bytes)?$/i;
const SIZE_UNIT = /^(bytes?|kb|k)$/i;
// "5.0:2195.2097": a colon typed for a dot (Q214488), read as the dot it stands for.
const VERSION = /^v?\d+(?:\.\d+)+(?::\d+(?:\.\d+)*)?[a-z]?$/i;
// "258.320": a size with dots between thousands (Q321872), taken only after the row's version,
// where no second version can stand.
const DOTTED_SIZE = /^\d{1,3}(?:\.\d{3})+$/;
// A bare number in a Version column ("786", Q229097's SMS build), known only when a size follows.
const BARE_NUMBER = /^\d+$/;
// An empty cell: "n/a", "none" or "-" in a Version or Time column (Q253972, Q319660).
const EMPTY_CELL = /^(?:n\/a|none|-)$/i;
// A cell border of a table drawn with "|" (Q173385).
const CELL_BORDER = "|";
const PLATFORM = /^\(?(intel|alpha|x86|x64|ia-?64|amd64|mips|ppc|powerpc|i386|itanium)\)?$/i;
// A file name has an extension; this keeps calendar lines ("12/28/98 Monday 53") out.
const NAME = /^\S*[A-Za-z_]\S*\.[A-Za-z0-9_]{1,5}$/;
const MAX_NAME = 260; // longer is not a file name, and the check stays linear
const KB = 1024;
// A label before a row on its line ("Visual C++ 6.0 :"), and a row, at most this many tokens.
const MAX_LABEL = 4;
const MAX_ROW = 8;

export interface RowMatch {
  row: FileRow;
  /** Index of the first token after the row. */
  end: number;
}

/**
 * Reads a row starting at tokens[start] (its date, or the "|" before it); undefined when this is
 * not a row. `order` is the day order of the row's table (see `DayOrder`).
 */
export function readRow(tokens: string[], start: number, order?: DayOrder): RowMatch | undefined {
  let i = tokens[start] === CELL_BORDER ? start + 1 : start;
  const date = readDate(tokens, i, order);
  if (!date) return undefined;
  const row: FileRow = { name: "", date: date.date };
  let sizeText = "";
  for (i = date.end; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1] ?? "";
    if (token === CELL_BORDER) continue;
    if (readDate(tokens, i)) break; // the next row's date
    if (row.time === undefined && TIME.test(token)) {
      const glued = MERIDIEM.test(next) ? `${token} ${next}` : token;
      row.time = isoTime(glued);
      if (glued !== token) i++;
    } else if (isSize(token, row, sizeText)) {
      if (row.size !== undefined) row.version = sizeText; // the number before was a version
      const unit = SIZE_UNIT.test(next) ? next : "";
      row.size = bytes(token.replace(/\./g, ",") + unit);
      sizeText = unit ? `${token} ${unit}` : token;
      if (unit) i++;
    } else if (row.version === undefined && VERSION.test(token))
      row.version = token.replace(":", ".");
    else if (row.platform === undefined && PLATFORM.test(token))
      row.platform = token.replace(/[()]/g, "");
    else if (row.name === "" && token.length <= MAX_NAME && NAME.test(token)) row.name = token;
    else if (row.name === "" && EMPTY_CELL.test(token)) continue;
    else break;
  }
  const complete = row.name !== "" && (row.time || row.size !== undefined || row.version);
  return complete ? { row: clean(row), end: i } : undefined;
}

/** Whether `token` is the row's size: the first size-shaped token, or one after a bare number. */
function isSize(token: string, row: FileRow, sizeText: string): boolean {
  if (row.size === undefined)
    return SIZE.test(token) || (row.version !== undefined && DOTTED_SIZE.test(token));
  const versionBefore = row.version === undefined && BARE_NUMBER.test(sizeText);
  return versionBefore && row.name === "" && SIZE.test(token);
}

/**
 * Whether the row at `tokens[start..end)`, found after a colon, is one of several rows that each
 * follow a short label: "Visual C++ 6.0:  06/16/98 … PROFILE.EXE", one line each in the original,
 * where a date that does not open its line is no row. A row after a label on a line of its own
 * ("RRAS FIX:", then rows) has no labelled row beside it. For `uncollapse`, which sees no lines.
 */
export function inLabelledRun(tokens: string[], start: number, end: number): boolean {
  return labelledRowAfter(tokens, end) || labelledRowBefore(tokens, start);
}

function labelledRowAfter(tokens: string[], end: number): boolean {
  for (let c = end; c < end + MAX_LABEL && c < tokens.length; c++) {
    if (readRow(tokens, c)) return false; // the next row follows directly: a table
    if (tokens[c]!.endsWith(":")) return readRow(tokens, c + 1) !== undefined;
  }
  return false;
}

function labelledRowBefore(tokens: string[], start: number): boolean {
  for (let labelStart = start - 1; labelStart >= start - MAX_LABEL; labelStart--) {
    for (let d = labelStart - 1; d >= labelStart - MAX_ROW && d > 0; d--) {
      if (readRow(tokens, d)?.end === labelStart) return tokens[d - 1]!.endsWith(":");
    }
  }
  return false;
}

function bytes(text: string): number | undefined {
  const m = SIZE.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]!.replace(/,/g, ""));
  const unit = (m[2] ?? "").toLowerCase();
  return unit === "kb" || unit === "k" ? n * KB : n;
}

/** Drops the fields a row did not have, so records carry no `undefined` keys. */
function clean(row: FileRow): FileRow {
  const out: FileRow = { name: row.name };
  if (row.version !== undefined) out.version = row.version;
  if (row.size !== undefined) out.size = row.size;
  if (row.date !== undefined) out.date = row.date;
  if (row.time !== undefined) out.time = row.time;
  if (row.platform !== undefined) out.platform = row.platform;
  return out;
}

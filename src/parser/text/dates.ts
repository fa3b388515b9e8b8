/**
 * Dates and times as the archive prints them, to ISO "YYYY-MM-DD" and 24-hour "HH:MM". A date is
 * one token ("7/25/00", "28/07/99", "98/10/28", "08-MAY-2002") or three ("October 6, 2000",
 * "17 July 2001"); `readDate` reads either from a row's tokens.
 */

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const MONTH_NAMES = MONTHS.map((m) => m.toLowerCase());
const FULL_MONTHS =
  /^(january|february|march|april|may|june|july|august|september|october|november|december|sept)$/;
const DAY_MON_YEAR = /^(\d{1,2})-([A-Za-z]{3})-(\d{2}|\d{4})$/;
// Month and day in either order; `order` says which a table uses when both fields are ≤ 12.
const NUMERIC = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/;
// "2002-05-08", "1999/10/02", and "98/10/28" (a two-digit year only when no day can be that big).
const YEAR_FIRST = /^(\d{4}|[4-9]\d|3[2-9])[/-](\d{1,2})[/-](\d{1,2})$/;
const MONTH_DAY = /^(\d{1,2}),?$/;
const DAY_MONTH = /^(\d{1,2})$/;
const YEAR = /^(\d{4})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::\d{2})?\s*([ap])?\.?m?\.?$/i;

/** Which field of "a/b/yy" is the month: the American order unless a table shows otherwise. */
export type DayOrder = "month-first" | "day-first";

/**
 * "08-MAY-2002", "7/25/00", "03/14/2000", "28/07/99", "98/10/28", "2002-05-08" -> ISO; anything
 * else, undefined. "a/b/yy" with both fields ≤ 12 is read in `order`; otherwise the only order
 * that makes a date wins.
 */
export function isoDate(text: string, order: DayOrder = "month-first"): string | undefined {
  let m = DAY_MON_YEAR.exec(text);
  if (m) return ymd(year(m[3]!), MONTHS.indexOf(m[2]!.toUpperCase()) + 1, Number(m[1]));
  const [monthFirst, dayFirst] = numeric(text) ?? [];
  const either = order === "month-first" ? (monthFirst ?? dayFirst) : (dayFirst ?? monthFirst);
  if (either) return either;
  m = YEAR_FIRST.exec(text);
  if (m) return ymd(year(m[1]!), Number(m[2]), Number(m[3]));
  return undefined;
}

/** The one order a numeric date can be read in ("28/07/99": day-first); undefined if both or none. */
export function onlyOrder(text: string): DayOrder | undefined {
  const [monthFirst, dayFirst] = numeric(text) ?? [];
  if (monthFirst && !dayFirst) return "month-first";
  if (dayFirst && !monthFirst) return "day-first";
  return undefined;
}

/** "a/b/yy" read month-first and day-first; a reading that is no date is undefined. */
function numeric(text: string): [string | undefined, string | undefined] | undefined {
  const m = NUMERIC.exec(text);
  if (!m) return undefined;
  const [a, b, y] = [Number(m[1]), Number(m[2]), year(m[3]!)];
  return [ymd(y, a, b), ymd(y, b, a)];
}

/** A date at tokens[start], one token or three; `end` is the index after it. */
export function readDate(
  tokens: string[],
  start: number,
  order?: DayOrder,
): { date: string; end: number } | undefined {
  const one = isoDate(tokens[start] ?? "", order);
  if (one) return { date: one, end: start + 1 };
  const [first = "", second = "", third = ""] = tokens.slice(start, start + 3);
  const y = YEAR.exec(third);
  if (!y) return undefined;
  let month = monthNumber(first); // "October 6, 2000"
  let day = MONTH_DAY.exec(second);
  if (month === 0) ((month = monthNumber(second)), (day = DAY_MONTH.exec(first))); // "17 July 2001"
  const date = month > 0 && day ? ymd(Number(y[1]), month, Number(day[1])) : undefined;
  return date ? { date, end: start + 3 } : undefined;
}

/** "Oct", "Oct.", "October" -> 10; anything else 0. */
function monthNumber(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (w.length === 3) return MONTH_NAMES.indexOf(w) + 1;
  return FULL_MONTHS.test(w) ? MONTH_NAMES.indexOf(w.slice(0, 3)) + 1 : 0;
}

/** "7:54p" -> "19:54", "04:19pm" -> "16:19", "18:00" -> "18:00". */
export function isoTime(text: string): string | undefined {
  const m = TIME.exec(text);
  if (!m) return undefined;
  let hours = Number(m[1]);
  const minutes = Number(m[2]);
  const half = m[3]?.toLowerCase();
  if (half && (hours < 1 || hours > 12)) return undefined;
  if (half === "p" && hours < 12) hours += 12;
  if (half === "a" && hours === 12) hours = 0;
  if (hours > 23 || minutes > 59) return undefined;
  return `${pad(hours)}:${pad(minutes)}`;
}

// Two-digit years: the archive runs from the 1980s to 2002.
function year(text: string): number {
  const n = Number(text);
  return text.length === 4 ? n : n >= 50 ? 1900 + n : 2000 + n;
}

/** Rejects impossible dates (month 13, 31-FEB) by a round trip through Date. */
function ymd(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, "0")}-${pad(m)}-${pad(d)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

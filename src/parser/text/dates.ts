/** Dates and times as the archive prints them, to ISO "YYYY-MM-DD" and 24-hour "HH:MM". */

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAY_MON_YEAR = /^(\d{1,2})-([A-Za-z]{3})-(\d{2}|\d{4})$/;
const MONTH_DAY_YEAR = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::\d{2})?\s*([ap])?\.?m?\.?$/i;

/** "08-MAY-2002", "7/25/00", "03/14/2000", "2002-05-08" -> "2002-05-08"; anything else, undefined. */
export function isoDate(text: string): string | undefined {
  let m = DAY_MON_YEAR.exec(text);
  if (m) return ymd(year(m[3]!), MONTHS.indexOf(m[2]!.toUpperCase()) + 1, Number(m[1]));
  m = MONTH_DAY_YEAR.exec(text);
  if (m) return ymd(year(m[3]!), Number(m[1]), Number(m[2]));
  m = ISO.exec(text);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
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

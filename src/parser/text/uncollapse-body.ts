/**
 * The body of a collapsed flat-text article back into lines, from the clues that survive the
 * collapse: a ===== underline is as long as the heading before it, rules and "- " items of the
 * "applies to" block, and hotfix-table rows anchored by their dates. Everything else stays one
 * paragraph per line. It only breaks lines where the original must have had a break, so the
 * shared stages cannot find a section or file row that the original does not have; where a
 * heading is uncertain, it is left in the text (see `trusted`).
 */
import { readRow } from "./file-row.ts";

const EQUALS = /^={3,}$/;
const DASHES = /^-{3,}$/;
const APPLIES = "The information in this article applies to:";
const LEGAL = "THE INFORMATION PROVIDED IN THE MICROSOFT KNOWLEDGE BASE";
const MAX_HEADING = 80;
const FOOTER_WORD = /^[A-Za-z]+$/;
const HEADING_START = /^[A-Z0-9[(]/;
const HEADING_END = /[.,;:]$/;
const STANDARD_HEADINGS = new Set([
  "SYMPTOMS",
  "CAUSE",
  "RESOLUTION",
  "STATUS",
  "WORKAROUND",
  "MORE INFORMATION",
  "SUMMARY",
  "REFERENCES",
]);
const LOWER_CASE = /[a-z]/;
const SENTENCE_END = /[.!?]$/;

/** `tokens[0]` is the "KEYWORDS:…" token, which can never be part of a heading. */
export function uncollapseBody(tokens: string[]): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let floor = 1;
  let applies = false;
  let afterRow = false;
  let footer = false;
  const flush = (words: string[]) => {
    if (words.length > 0) lines.push(words.join(" "));
    line = [];
    floor = 0;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (EQUALS.test(token) || DASHES.test(token)) {
      const k = token[0] === "=" ? headingStart(line, floor, token.length) : -1;
      const heading = k === -1 ? [] : line.slice(k);
      flush(k === -1 ? line : line.slice(0, k));
      if (heading.length > 0) lines.push("", heading.join(" "));
      lines.push(token);
      footer ||= tokens[i + 1] === "Keywords"; // a footer without "Additional query words:"
      applies = false;
      afterRow = false;
      continue;
    }
    const anchored = line.length === 0 || afterRow || line[line.length - 1]!.endsWith(":");
    const row = anchored ? readRow(tokens, i) : undefined;
    if (row) {
      flush(line);
      lines.push(tokens.slice(i, row.end).join(" "));
      ((i = row.end - 1), (afterRow = true));
      continue;
    }
    afterRow = false;
    if (token === "-" && applies) flush(line);
    if (token === "Additional" && tokens[i + 1] === "query" && tokens[i + 2] === "words:") {
      flush(line);
      footer = true;
    }
    if (footer && isFooterLabel(tokens, i)) flush(line);
    if (token === "THE" && startsWith(tokens, i, LEGAL)) {
      flush(line);
      lines.push(tokens.slice(i).join(" "));
      break;
    }
    line.push(token);
    if (token === "to:" && line.length >= 7 && line.slice(-7).join(" ") === APPLIES) {
      flush(line.slice(0, -7));
      lines.push(APPLIES, "");
      applies = true;
    }
  }
  flush(line);
  return lines;
}

/** Where the heading underlined by `width` "=" starts in `line`, or -1 when no suffix fits. */
function headingStart(line: string[], floor: number, width: number): number {
  let length = -1;
  for (let k = line.length - 1; k >= floor; k--) {
    length += line[k]!.length + 1;
    if (length > width || length > MAX_HEADING) return -1;
    if (length === width) return trusted(line, k, floor) ? k : -1;
  }
  return -1;
}

/** "Keywords :", "Issue type :": each footer field starts a line of its own. */
function isFooterLabel(tokens: string[], i: number): boolean {
  if (!FOOTER_WORD.test(tokens[i]!)) return false;
  const next = tokens[i + 1] ?? "";
  return next.startsWith(":") || (FOOTER_WORD.test(next) && (tokens[i + 2] ?? "").startsWith(":"));
}

/**
 * Whether `line.slice(k)`, as wide as the underline after it, can be taken for a heading. The
 * collapse hid where the original line began, so the candidate may be only the end of a line
 * ("A Aaaaa" over "=====") or several lines ("57 file(s) 990645 bytes 378368 bytes free" over a
 * rule that followed a blank line). When in doubt it is not a heading: one of the standard
 * headings (99.5 % of the archive's) is trusted; any other must be in capitals, and if text
 * precedes it since the last certain line break, that text must end a sentence.
 */
function trusted(line: string[], k: number, floor: number): boolean {
  const heading = line.slice(k).join(" ");
  if (!HEADING_START.test(heading) || HEADING_END.test(heading)) return false;
  if (STANDARD_HEADINGS.has(heading)) return true;
  if (LOWER_CASE.test(heading)) return false;
  return k === floor || SENTENCE_END.test(line[k - 1]!);
}

function startsWith(tokens: string[], i: number, phrase: string): boolean {
  return tokens
    .slice(i, i + 8)
    .join(" ")
    .startsWith(phrase);
}

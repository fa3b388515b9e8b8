/**
 * The body of a collapsed flat-text article back into lines, from the clues that survive the
 * collapse: a ===== underline is as long as the heading before it, rules and "- " items of the
 * "applies to" block, and hotfix-table rows anchored by their dates. Everything else stays one
 * paragraph per line. It only breaks lines where the original must have had a break, so the
 * shared stages cannot find a section or file row that the original does not have; where a
 * heading is uncertain, it is left in the text (see `trusted`).
 */
import { inLabelledRun, readRow } from "./file-row.ts";

const EQUALS = /^={3,}$/;
const DASHES = /^-{3,}$/;
// The border between the rows of a table drawn with "|" (Q173385), on a line of its own.
const BOX_RULE = /^\+-{3,}\+?$/;
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
const SENTENCE_END = /[.!?]["')\]]*$/;
const WORDY = /[A-Za-z0-9]/;

/** What is known of where the words of the current line began in the original. */
interface Start {
  /** The first index of `line` a heading may start at. */
  floor: number;
  /** Whether `line[floor]` certainly opened a line of the original. */
  certain: boolean;
  /** The width of the "=" rule just before `line[floor]`, or 0. */
  overline: number;
}
const LINE_BREAK: Start = { floor: 0, certain: true, overline: 0 };

/** `tokens[0]` is the "KEYWORDS:…" token, which can never be part of a heading. */
export function uncollapseBody(tokens: string[]): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let start: Start = { ...LINE_BREAK, floor: 1 };
  let applies = false;
  let afterRow = false;
  let footer = false;
  const flush = (words: string[]) => {
    if (words.length > 0) lines.push(words.join(" "));
    line = [];
    start = LINE_BREAK;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (EQUALS.test(token) || DASHES.test(token)) {
      const equals = token[0] === "=";
      const k = equals ? headingStart(line, start, token.length) : -1;
      const heading = k === -1 ? [] : line.slice(k);
      const before = k === -1 ? line : line.slice(0, k);
      const ownLine = !equals || k !== -1 || ruleOnOwnLine(before);
      flush(before);
      if (heading.length > 0) lines.push("", heading.join(" "));
      // The sections stage reads any line as wide as the "=" rule under it as a heading.
      else if (equals && underlines(lines.at(-1), token)) lines.push("");
      lines.push(token);
      start = { floor: 0, certain: ownLine, overline: equals ? token.length : 0 };
      footer ||= tokens[i + 1] === "Keywords"; // a footer without "Additional query words:"
      applies = false;
      afterRow = false;
      continue;
    }
    const lineStart = line.length === 0 || afterRow;
    const afterColon = !lineStart && line[line.length - 1]!.endsWith(":");
    const afterBox = token === "|" && BOX_RULE.test(line.at(-1) ?? "");
    const row = lineStart || afterColon || afterBox ? readRow(tokens, i) : undefined;
    if (row && !(afterColon && inLabelledRun(tokens, i, row.end))) {
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
function headingStart(line: string[], start: Start, width: number): number {
  let length = -1;
  for (let k = line.length - 1; k >= start.floor; k--) {
    length += line[k]!.length + 1;
    if (length > width || length > MAX_HEADING) return -1;
    if (length === width) {
      const atStart = k === start.floor;
      const candidate: Candidate = {
        heading: line.slice(k).join(" "),
        lineStart: atStart && start.certain,
        overlined: atStart && start.overline === width,
        before: line[k - 1],
      };
      return trusted(candidate) ? k : -1;
    }
  }
  return -1;
}

/**
 * Whether a "=" run that underlines nothing stood on a line of its own, so that what follows it
 * starts a line. After a mark that is no word ("' ========== CODE FOR FORM1 =============="),
 * it is a banner inside a line of code.
 */
function ruleOnOwnLine(before: string[]): boolean {
  const last = before.at(-1);
  return last === undefined || WORDY.test(last) || SENTENCE_END.test(last);
}

/** Whether the sections stage would read `line` over `rule` as a heading. */
function underlines(line: string | undefined, rule: string): boolean {
  return line !== undefined && line.trim().length === rule.length && WORDY.test(line);
}

/** "Keywords :", "Issue type :": each footer field starts a line of its own. */
function isFooterLabel(tokens: string[], i: number): boolean {
  if (!FOOTER_WORD.test(tokens[i]!)) return false;
  const next = tokens[i + 1] ?? "";
  return next.startsWith(":") || (FOOTER_WORD.test(next) && (tokens[i + 2] ?? "").startsWith(":"));
}

interface Candidate {
  /** Words as wide as the "=" rule after them. */
  heading: string;
  /** Whether they certainly opened a line of the original. */
  lineStart: boolean;
  /** Whether they are all the words since a "=" rule of the same width. */
  overlined: boolean;
  /** The word before them, if any. */
  before: string | undefined;
}

/**
 * Whether words as wide as the underline after them can be taken for a heading. The collapse hid
 * where the original line began, so the candidate may be only the end of a line ("A Aaaaa" over
 * "=====") or several lines ("57 file(s) 990645 bytes 378368 bytes free" over a rule that
 * followed a blank line). When in doubt it is not a heading: one of the standard headings (99.5 %
 * of the archive's) is trusted, and so is a banner (a rule, the words, a rule of the same width:
 * "Networking" between two "=========="); any other must be in capitals, and either open a line
 * for certain or follow the end of a sentence.
 */
function trusted({ heading, lineStart, overlined, before }: Candidate): boolean {
  if (!HEADING_START.test(heading) || HEADING_END.test(heading)) return false;
  if (STANDARD_HEADINGS.has(heading) || overlined) return true;
  if (LOWER_CASE.test(heading)) return false;
  return lineStart || (before !== undefined && SENTENCE_END.test(before));
}

function startsWith(tokens: string[], i: number, phrase: string): boolean {
  return tokens
    .slice(i, i + 8)
    .join(" ")
    .startsWith(phrase);
}

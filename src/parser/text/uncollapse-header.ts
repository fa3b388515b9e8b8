/**
 * The header of a collapsed flat-text article, "DOCUMENT:Q246691 08-MAY-2002 [winnt] TITLE :…
 * PRODUCT :… PROD/VER:… OPER/SYS:… KEYWORDS:…", back on one line per field.
 */

// Each label as it reads once runs of spaces are collapsed; found in order, so a title that
// mentions "PRODUCT :" further on cannot cut the header short.
const LABELS: Array<[string, RegExp, string]> = [
  [" TITLE", / TITLE ?:/y, "TITLE   :"],
  [" PRODUCT", / PRODUCT ?:/y, "PRODUCT :"],
  [" PROD/VER:", / PROD\/VER:/y, "PROD/VER:"],
  [" OPER/SYS:", / OPER\/SYS:/y, "OPER/SYS:"],
  [" KEYWORDS:", / KEYWORDS:/y, "KEYWORDS:"],
];

export interface SplitHeader {
  /** DOCUMENT … OPER/SYS lines. */
  lines: string[];
  /** "KEYWORDS:…" and everything after it, still collapsed. */
  rest: string;
}

export function splitHeader(text: string): SplitHeader {
  const lines: string[] = [];
  let from = 0;
  let label = "";
  for (const [key, pattern, printed] of LABELS) {
    const at = find(text, key, pattern, from);
    if (at === -1) continue;
    lines.push(label + text.slice(from, at).trim());
    pattern.lastIndex = at;
    pattern.exec(text);
    from = pattern.lastIndex;
    label = printed;
  }
  if (label !== "KEYWORDS:") return { lines: [...lines, label + text.slice(from)], rest: "" };
  return { lines, rest: label + text.slice(from) };
}

/** Index of the first match of a sticky pattern at or after `from`, found by its literal start. */
function find(text: string, key: string, pattern: RegExp, from: number): number {
  for (let at = text.indexOf(key, from); at !== -1; at = text.indexOf(key, at + 1)) {
    pattern.lastIndex = at;
    if (pattern.test(text)) return at;
  }
  return -1;
}

/**
 * sections: the body split at its headings, a line underlined by as many "=" as it is long (the
 * underline directly below it; for a heading in capitals such as "WORKAROUND", also after one
 * blank line, as a few articles print it: a collapsed copy cannot tell the two apart, so both
 * forms must read them alike). Text before the first
 * heading, if any, is an "Overview" section, so no article text is lost.
 */
import type { Section } from "../../record.ts";
import { uniqueSlugs } from "../text/slug.ts";
import type { Stage } from "../types.ts";

const UNDERLINE = /^\s*(=+)\s*$/;
const OVERVIEW = "Overview";
// A heading has a letter or digit: a rule above a rule of one length is not a heading.
const WORDY = /[A-Za-z0-9]/;
// Only the KB's own headings ("MORE INFORMATION") are trusted across a blank line; a line of text
// or code over a blank line and a rule of its width ("4. Click OK.") is no heading.
const CAPITALS = /^[A-Z][A-Z ]*$/;

interface Part {
  heading: string;
  /** The part's text lines are body[start, end). */
  start: number;
  end: number;
}

export const sections: Stage = (article) => {
  const { body } = article;
  const parts: Part[] = [];
  let current: Part = { heading: OVERVIEW, start: 0, end: body.length };
  for (const [at, gap] of headings(body)) {
    current.end = at;
    if (current.heading !== OVERVIEW || hasText(body, current)) parts.push(current);
    current = { heading: body[at]!.trim(), start: at + gap + 1, end: body.length };
  }
  if (current.heading !== OVERVIEW || hasText(body, current)) parts.push(current);
  const ids = uniqueSlugs(parts.map((part) => part.heading));
  const out: Section[] = parts.map((part, n) => ({
    id: ids[n]!,
    heading: part.heading,
    text: trimBlank(body, part),
  }));
  return { ...article, sections: out, body: [] };
};

/**
 * The headings in order, as [line, gap] (its underline is `gap` lines below it). Only a line one
 * or two above a line with "===" can be one, and few lines have it: the rest are looked at once.
 * A heading's own lines (the blank and the underline) are never read as a heading.
 */
function headings(body: string[]): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  let next = 0; // the first line not taken by a heading found
  for (let rule = 1; rule < body.length; rule++) {
    if (!body[rule]!.includes("===")) continue;
    for (let at = Math.max(next, rule - 2); at < rule; at++) {
      if (at < next) continue; // the underline of the heading just found
      const gap = underlineGap(body, at);
      if (gap > 0) (found.push([at, gap]), (next = at + gap + 1));
    }
  }
  return found;
}

/** How many lines below line i its underline is (1, or 2 past a blank line); 0 if it has none. */
function underlineGap(body: string[], i: number): number {
  const gap = body[i + 1]?.includes("===")
    ? 1
    : body[i + 2]?.includes("===") && body[i + 1]!.trim() === ""
      ? 2
      : 0;
  if (gap === 0) return 0;
  const heading = body[i]!.trim();
  if (!WORDY.test(heading) || (gap === 2 && !CAPITALS.test(heading))) return 0;
  return UNDERLINE.exec(body[i + gap]!)?.[1]!.length === heading.length ? gap : 0;
}

function hasText(body: string[], { start, end }: Part): boolean {
  for (let i = start; i < end; i++) if (body[i]!.trim() !== "") return true;
  return false;
}

/** The part's lines without trailing spaces, joined, without blank lines at either end. */
function trimBlank(body: string[], { start, end }: Part): string {
  while (start < end && body[start]!.trim() === "") start++;
  while (end > start && body[end - 1]!.trim() === "") end--;
  const lines: string[] = [];
  for (let i = start; i < end; i++) lines.push(body[i]!.trimEnd());
  return lines.join("\n");
}

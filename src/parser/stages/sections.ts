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

export const sections: Stage = (article) => {
  const { body } = article;
  const parts: Array<{ heading: string; lines: string[] }> = [];
  let current = { heading: OVERVIEW, lines: [] as string[] };
  for (let i = 0; i < body.length; i++) {
    const gap = underlineGap(body, i);
    if (gap > 0) {
      if (current.heading !== OVERVIEW || hasText(current.lines)) parts.push(current);
      current = { heading: body[i]!.trim(), lines: [] };
      i += gap;
    } else current.lines.push(body[i]!);
  }
  if (current.heading !== OVERVIEW || hasText(current.lines)) parts.push(current);
  const ids = uniqueSlugs(parts.map((part) => part.heading));
  const out: Section[] = parts.map((part, n) => ({
    id: ids[n]!,
    heading: part.heading,
    text: trimBlank(part.lines),
  }));
  return { ...article, sections: out, body: [] };
};

/** How many lines below line i its underline is (1, or 2 past a blank line); 0 if it has none. */
function underlineGap(body: string[], i: number): number {
  // The cheap test first: nearly every line has no "===" below it.
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

function hasText(lines: string[]): boolean {
  return lines.some((line) => line.trim() !== "");
}

/** Lines without trailing spaces, joined, without blank lines at either end. */
function trimBlank(lines: string[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === "") start++;
  while (end > start && lines[end - 1]!.trim() === "") end--;
  return lines
    .slice(start, end)
    .map((line) => line.trimEnd())
    .join("\n");
}

/**
 * sections: the body split at its headings, a line underlined by as many "=" as it is long.
 * Text before the first heading, if any, is an "Overview" section, so no article text is lost.
 */
import type { Section } from "../../record.ts";
import { uniqueSlugs } from "../text/slug.ts";
import type { Stage } from "../types.ts";

const UNDERLINE = /^\s*(=+)\s*$/;
const OVERVIEW = "Overview";
// A heading has a letter or digit: a rule above a rule of one length is not a heading.
const WORDY = /[A-Za-z0-9]/;

export const sections: Stage = (article) => {
  const { body } = article;
  const parts: Array<{ heading: string; lines: string[] }> = [];
  let current = { heading: OVERVIEW, lines: [] as string[] };
  for (let i = 0; i < body.length; i++) {
    const next = body[i + 1] ?? "";
    const underline = next.includes("===") ? UNDERLINE.exec(next) : null;
    const heading = underline ? body[i]!.trim() : "";
    if (WORDY.test(heading) && underline && underline[1]!.length === heading.length) {
      if (current.heading !== OVERVIEW || hasText(current.lines)) parts.push(current);
      current = { heading, lines: [] };
      i++;
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

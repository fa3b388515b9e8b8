/**
 * footer: drops the trailing "Additional query words: / Keywords : / Technology : …" block. Its
 * Keywords line stands in for the header's when that is empty; its query words (the line and
 * any it runs on to before a blank line or the rule) are kept as `queryWords`, to be searched.
 */
import { splitKeywords } from "../text/lists.ts";
import type { Stage } from "../types.ts";

const START = /^\s*Additional query words:/;
const RULE = /^\s*={10,}\s*$/;
const KEYWORDS = /^\s*Keywords\s*:(.*)$/;

export const footer: Stage = (article) => {
  const { body } = article;
  const start = footerStart(body);
  if (start === -1) return article;
  const line = body.slice(start).find((text) => KEYWORDS.test(text));
  const fromFooter = line ? splitKeywords(KEYWORDS.exec(line)![1]!) : [];
  const keywords = article.keywords.length > 0 ? article.keywords : fromFooter;
  const queryWords = queryWordsOf(body, start);
  return {
    ...article,
    keywords,
    ...(queryWords ? { queryWords } : {}),
    body: body.slice(0, start),
  };
};

/** The words after "Additional query words:" at `start`, through the lines it runs on to. */
function queryWordsOf(body: string[], start: number): string | undefined {
  if (!START.test(body[start]!)) return undefined;
  const lines = [body[start]!.replace(START, "")];
  for (let i = start + 1; i < body.length; i++) {
    const line = body[i]!;
    if (!line.trim() || RULE.test(line) || KEYWORDS.test(line) || /^\s*\w+\s+:/.test(line)) break;
    lines.push(line);
  }
  const text = lines
    .map((l) => l.trim())
    .filter(Boolean)
    .join(" ");
  return text || undefined;
}

/** The last "Additional query words:" line, else a ===== rule directly above "Keywords :". */
function footerStart(body: string[]): number {
  for (let i = body.length - 1; i >= 0; i--) if (START.test(body[i]!)) return i;
  for (let i = body.length - 2; i >= 0; i--) {
    if (RULE.test(body[i]!) && KEYWORDS.test(body[i + 1]!)) return i;
  }
  return -1;
}

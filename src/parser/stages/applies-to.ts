/**
 * appliesTo: the "The information in this article applies to:" block between two rules, one
 * product line per "- " item, taken out of the body.
 */
import type { Stage } from "../types.ts";

const INTRO = /^\s*The information in this article applies to:\s*$/;
const RULE = /^\s*-{10,}\s*$/;
const ITEM = /^\s*-\s+(.*)$/;
const SEARCH_LINES = 60;

export const appliesTo: Stage = (article) => {
  const { body } = article;
  const intro = body.slice(0, SEARCH_LINES).findIndex((line) => INTRO.test(line));
  if (intro === -1) return article;
  let end = intro + 1;
  while (end < body.length && !RULE.test(body[end]!)) end++;
  if (end === body.length) return article; // no closing rule: leave the text in the body
  const items: string[] = [];
  for (const line of body.slice(intro + 1, end)) {
    const m = ITEM.exec(line);
    if (m) items.push(m[1]!.trim());
    else if (line.trim() !== "" && items.length > 0) items.push(`${items.pop()} ${line.trim()}`);
  }
  const start = intro > 0 && RULE.test(body[intro - 1]!) ? intro - 1 : intro;
  const rest = [...body.slice(0, start), ...body.slice(Math.min(end + 1, body.length))];
  return { ...article, appliesTo: items, body: rest };
};

/** title: every article needs one; runs of white space in it are single spaces. */
import { ParseError } from "../errors.ts";
import type { Stage } from "../types.ts";

export const title: Stage = (article) => {
  const text = article.title.replace(/\s+/g, " ").trim();
  if (text === "") throw new ParseError("missing title: the header has no title text");
  return { ...article, title: text };
};

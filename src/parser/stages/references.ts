/** references: the other KB articles the text cites ("Q123456"), in order of first mention. */
import type { Stage } from "../types.ts";

const CITATION = /\bQ0*([1-9][0-9]{3,8})\b/g;

export const references: Stage = (article) => {
  const found = new Set<string>();
  // Heading and text searched apart: joining them first copied every article's whole text.
  for (const section of article.sections) {
    for (const m of section.heading.matchAll(CITATION)) found.add(`Q${m[1]}`);
    for (const m of section.text.matchAll(CITATION)) found.add(`Q${m[1]}`);
  }
  found.delete(article.id);
  return { ...article, references: [...found] };
};

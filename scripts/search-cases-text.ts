/**
 * What the search test set's recipe (scripts/search-cases-kinds.ts) finds strings in and what it
 * finds: an article's paragraphs, the four kinds of string, and a found string with its offset.
 * A file of its own so the kinds and the messages share them without importing each other.
 */
import { BOILERPLATE } from "../src/words/index.ts";

export const KINDS = ["message", "identifier", "hex", "registry"] as const;
export type Kind = (typeof KINDS)[number];

/** A string found in an article: `start` is its offset in the article's joined section text. */
export interface Found {
  kind: Kind;
  text: string;
  start: number;
}

/** A paragraph of section text and where it starts; boilerplate paragraphs are never picked from. */
export interface Paragraph {
  text: string;
  start: number;
  boilerplate: boolean;
}

/** The paragraphs (split at blank lines) of an article's joined section text, with offsets. */
export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const blank = /\n[ \t]*\n/g;
  let start = 0;
  for (let m = blank.exec(text); ; m = blank.exec(text)) {
    const end = m ? m.index : text.length;
    const part = text.slice(start, end);
    if (part.trim() !== "") out.push({ text: part, start, boilerplate: BOILERPLATE.test(part) });
    if (!m) return out;
    start = m.index + m[0].length;
  }
}

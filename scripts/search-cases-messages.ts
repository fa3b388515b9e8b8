/**
 * Messages for the search test set (scripts/search-cases-kinds.ts has the other kinds): an error,
 * dialog or event message as it appears on screen, as an article prints it: the paragraph after
 * "…the following error message:", the lines after such a line, or a quoted "…" sentence that the
 * text calls a message. 4–14 words, so it is a message someone would paste, not a page of log.
 */
import type { Found, Paragraph } from "./search-cases-text.ts";

export const MIN_WORDS = 4;
export const MAX_WORDS = 14;

// The line that announces a message ends with ":" and says it is one; a line that announces steps,
// a command or an example does not.
const ANNOUNCES = /\b(error|errors|message|messages|receive|warning|prompt|prompted)\b[^.:]*:\s*$/i;
const NOT_A_MESSAGE =
  /\b(steps?|command|lines?|code|entries|entry|example|syntax|as follows|do the following|type|procedures?|methods?)\b[^.:]*:\s*$/i;
// A quoted sentence is a message when the words just before it say so: `the error "…"`,
// `you receive "…"`, `the message "…"`, but not `the message is displayed when you click "…"`.
const NAMED = /\b(message|error|receive|receives|warning|prompt|prompted)\b(\s+\w+){0,3}:?\s*$/i;

/** Whether the text (a paragraph, or its last line) announces a message on the next lines. */
export function announces(text: string): boolean {
  const last = text.trim().split("\n").pop() ?? "";
  const sentence = last.split(/\.\s/).pop() ?? "";
  return ANNOUNCES.test(sentence) && !NOT_A_MESSAGE.test(sentence);
}

const wordCount = (text: string) => text.trim().split(/\s+/).length;

/**
 * The message in `text` as someone would paste it, or undefined: the whole text if it is 4–14
 * words, else its first sentence if that is; it must read as prose (a capital first, mostly words,
 * no table rules or quotes inside, so a quoted query can hold it).
 */
export function messageOf(text: string): string | undefined {
  let t = text
    .trim()
    .replace(/^"(.*)"$/s, "$1")
    .trim();
  if (wordCount(t) > MAX_WORDS) t = /^.*?[.!?](?=\s|$)/s.exec(t)?.[0] ?? "";
  t = t.replace(/\s+/g, " ").trim();
  const words = t.split(" ");
  if (words.length < MIN_WORDS || words.length > MAX_WORDS) return undefined;
  if (!/^[A-Z]/.test(t) || /^Q\d/.test(t) || /["|\t=]|--|__|[:,]$/.test(t)) return undefined;
  const prose = words.filter((w) => /^[A-Za-z][a-z']*[.,!?;]?$/.test(w)).length;
  return prose / words.length >= 0.6 ? t : undefined;
}

/** Where `part` starts in the paragraph once its leading white space is passed. */
const lead = (text: string) => text.length - text.trimStart().length;

/** The paragraph's message when the one before announced it, or its lines after an announcing line. */
function announced(p: Paragraph, prev: Paragraph | undefined): Found[] {
  if (prev && !prev.boilerplate && announces(prev.text)) {
    const text = messageOf(p.text);
    return text ? [{ kind: "message", text, start: p.start + lead(p.text) }] : [];
  }
  const line = /^.*:[ \t]*\n/gm;
  for (let m = line.exec(p.text); m; m = line.exec(p.text)) {
    if (!announces(p.text.slice(0, m.index + m[0].length))) continue;
    const rest = p.text.slice(m.index + m[0].length);
    const text = messageOf(rest);
    return text
      ? [{ kind: "message", text, start: p.start + m.index + m[0].length + lead(rest) }]
      : [];
  }
  return [];
}

/** Quoted sentences the text around calls a message: `…you receive "Access to the file is denied."` */
function quoted(p: Paragraph): Found[] {
  const out: Found[] = [];
  for (const m of p.text.matchAll(/"([^"]{10,300})"/g)) {
    const before = p.text.slice(Math.max(0, m.index - 100), m.index);
    const text = messageOf(m[1]!);
    if (text && NAMED.test(before) && wordCount(m[1]!) <= MAX_WORDS)
      out.push({ kind: "message", text, start: p.start + m.index + 1 + lead(m[1]!) });
  }
  return out;
}

/** The messages of a paragraph, given the paragraph before it. */
export function messages(p: Paragraph, prev?: Paragraph): Found[] {
  return [...announced(p, prev), ...quoted(p)];
}

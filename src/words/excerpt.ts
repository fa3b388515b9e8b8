// What a result shows of its article, the same in the browser and the tests: the passage where
// the query matched, wherever it is in the article, with the query's words marked, and the
// section it is in (its anchor is the result's link); and the check that a quoted phrase is
// really in the text, word for word, which the index's neighbour masks can only suggest.
import { BOILERPLATE } from "./boilerplate.ts";
import { indexed, termOf, wordsOf } from "./tokens.ts";

/** What of an article a result reads: its title and sections (its JSON record has more). */
export interface TextRecord {
  title?: string;
  sections?: { id?: string; heading?: string; text?: string }[];
  /** The footer's "Additional query words" (src/record.ts). */
  queryWords?: string;
}

type Section = NonNullable<TextRecord["sections"]>[number];

/** The passage a result shows: the section it is in, and its text as [text, marked] pieces. */
export interface Passage {
  section: { id: string; heading: string } | null;
  pieces: [string, boolean][];
}

/** An article's text, section by section, as [section, paragraph] pairs, boilerplate left out. */
function paragraphs(record: TextRecord): [Section, string][] {
  const out: [Section, string][] = [];
  for (const section of record.sections ?? []) {
    for (const paragraph of String(section.text ?? "").split(/\n\s*\n/)) {
      if (paragraph.trim() !== "" && !BOILERPLATE.test(paragraph)) out.push([section, paragraph]);
    }
  }
  return out;
}

/** A paragraph as alternating separators and words (odd indexes are words), spaces collapsed. */
const split = (paragraph: string): string[] =>
  paragraph.replace(/\s+/g, " ").split(/([\p{L}\p{N}]+)/u);

/**
 * The passage of about `size` words where most of the query's words (`words`, indexed terms)
 * are, the first such: { section: { id, heading } | null, pieces: [text, marked][] }. Marked
 * pieces are the query's words; stop words are never marked. Without a match, the first words.
 */
export function passage(record: TextRecord, words: readonly string[], size = 30): Passage {
  const wanted = new Set(words);
  const hit = (word: string) => {
    const lower = word.toLowerCase();
    return indexed(lower) && wanted.has(termOf(lower));
  };
  let best: { section: Section; parts: string[]; at: number; score?: number } | null = null;
  for (const [section, paragraph] of paragraphs(record)) {
    const parts = split(paragraph);
    // A window of `size` words slides over the paragraph; its score is the distinct words hit.
    const hits: number[] = [];
    for (let i = 1; i < parts.length; i += 2) if (hit(parts[i]!)) hits.push(i);
    for (let h = 0; h < hits.length; h++) {
      const seen = new Set<string>();
      const from = hits[h]!;
      for (let k = h; k < hits.length && hits[k]! < from + 2 * size; k++)
        seen.add(termOf(parts[hits[k]!]!.toLowerCase()));
      if (!best || seen.size > best.score!) best = { section, parts, at: from, score: seen.size };
      if (best.score === wanted.size) break;
    }
    if (best?.score === wanted.size) break;
  }
  if (!best) {
    const [first] = paragraphs(record);
    if (!first) return { section: null, pieces: [] };
    best = { section: first[0], parts: split(first[1]), at: 1 };
  }
  const { section, parts, at } = best;
  // Start a few words before the match (up to a third of the passage), and run on to `size` words.
  const start = Math.max(1, at - 2 * Math.min(6, Math.floor(size / 3)));
  const end = Math.min(parts.length, start + 2 * size - 1);
  const pieces: [string, boolean][] = [];
  if (start > 1) pieces.push(["… ", false]);
  for (let i = start; i < end; i++) {
    const part = parts[i]!;
    if (i % 2 === 1 && hit(part)) pieces.push([part, true]);
    else if (part) pieces.push([part, false]);
  }
  if (end < parts.length - 1) pieces.push([" …", false]);
  else if (end === parts.length - 1 && parts[end]!.trim()) pieces.push([parts[end]!, false]);
  const where = section?.id ? { id: section.id, heading: section.heading ?? "" } : null;
  return { section: where, pieces };
}

/**
 * Whether the record's text holds each phrase (tokens.ts parseQuery's `phrases`: every word's
 * term, stop words too) word for word, as a phrase search on the text would say.
 */
export function holdsPhrases(record: TextRecord, phrases: readonly (readonly string[])[]): boolean {
  if (phrases.length === 0) return true;
  const texts = [
    record.title ?? "",
    ...(record.sections ?? []).map((s) => s.text ?? ""),
    record.queryWords ?? "",
  ];
  const terms = ` ${texts.map((t) => wordsOf(t).map(termOf).join(" ")).join(" ")} `;
  return phrases.every((phrase) => terms.includes(` ${phrase.join(" ")} `));
}

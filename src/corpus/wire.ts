/**
 * The form a worker's batch of ParseResults travels in. Structured clone copies every string on
 * its own into the main thread's young generation, and there the section texts (most of a
 * record's bytes) were copied again by each scavenge: ~5 of the corpus's 23 CPU-s. So a batch's
 * section texts travel as one string, and the main thread takes them out as slices (V8 makes a
 * slice a view of its parent, not a copy). A slice keeps its whole batch's string alive; a batch
 * whose records all lose their merges is freed whole.
 */
import type { ParseResult } from "../parser/index.ts";

export interface Packed {
  batch: number;
  /** The results, every section's text emptied. */
  results: ParseResult[];
  /** Every section's text, in order, end to end. */
  texts: string;
  /** Where each section's text ends in `texts`. */
  ends: number[];
}

/** Empties the results' section texts (the worker's own copies) into `texts`. */
export function pack(batch: number, results: ParseResult[]): Packed {
  const texts: string[] = [];
  const ends: number[] = [];
  let end = 0;
  for (const result of results) {
    if (!result.ok) continue;
    for (const section of result.record.sections) {
      texts.push(section.text);
      ends.push((end += section.text.length));
      section.text = "";
    }
  }
  return { batch, results, texts: texts.join(""), ends };
}

/** Puts the section texts back into the received results (the main thread's own copies). */
export function unpack({ results, texts, ends }: Packed): ParseResult[] {
  let n = 0;
  let start = 0;
  for (const result of results) {
    if (!result.ok) continue;
    for (const section of result.record.sections) {
      const end = ends[n++]!;
      section.text = texts.slice(start, end);
      start = end;
    }
  }
  return results;
}

/**
 * The vocabulary typo tolerance reads (src/words/fuzzy.ts has its rules): every all-letter word
 * of 4–32 letters in the articles' indexed text (word records, as the word index gets them), in
 * the spelling the articles use most ("CoCreateInstance"), with how many articles hold it, filed
 * under each of its deletion keys' buckets, the buckets written into /search/fuzzy/F.json (F the
 * bucket mod the file count /search/fuzzy/files.json gives), a JSON object { word: articles } in
 * code-unit order. Made whole from every article on each build, so a rebuild writes
 * the bytes a cold build would; only the files whose bytes change are rewritten.
 */
import {
  bucketsOfWord,
  FUZZY_BUCKETS,
  FUZZY_FILES,
  fuzzyFileCount,
  fuzzyPath,
  inVocabulary,
} from "../../words/fuzzy.ts";
import type { OutDir } from "../write/out-dir.ts";
import type { WordRecord } from "./search-records.ts";

const WORD = /[\p{L}\p{N}]+/gu;

/** A word of the vocabulary: articles holding it, and how often each spelling is seen. */
interface Entry {
  articles: number;
  spellings: Map<string, number>;
}

/** The vocabulary of the records: lower-cased word → its entry. */
export function vocabulary(records: Iterable<WordRecord>): Map<string, Entry> {
  const words = new Map<string, Entry>();
  for (const record of records) {
    const seen = new Set<string>();
    for (const [word] of `${record.title}\n${record.text}`.matchAll(WORD)) {
      if (!inVocabulary(word)) continue;
      const lower = word.toLowerCase();
      let entry = words.get(lower);
      if (!entry) words.set(lower, (entry = { articles: 0, spellings: new Map() }));
      entry.spellings.set(word, (entry.spellings.get(word) ?? 0) + 1);
      if (!seen.has(lower)) (seen.add(lower), entry.articles++);
    }
  }
  return words;
}

/** The most frequent spelling; among equals the first in code-unit order, so builds agree. */
function spelling(entry: Entry): string {
  let best = "";
  let most = 0;
  for (const [word, n] of entry.spellings)
    if (n > most || (n === most && word < best)) [best, most] = [word, n];
  return best;
}

/**
 * Every file's text, file by file (`files` of them, fuzzyFileCount's), and the count; null for
 * an empty file, which is not written (the page takes a missing file for an empty one).
 */
export function fuzzyTexts(records: Iterable<WordRecord>): {
  files: number;
  texts: (string | null)[];
} {
  const buckets = Array.from({ length: FUZZY_BUCKETS }, () => new Map<string, number>());
  let bytes = 0;
  for (const [lower, entry] of vocabulary(records)) {
    const shown = spelling(entry);
    for (const b of bucketsOfWord(lower)) {
      buckets[b]!.set(shown, entry.articles);
      bytes += shown.length + 8;
    }
  }
  const files = fuzzyFileCount(bytes);
  const merged = Array.from({ length: files }, () => new Map<string, number>());
  buckets.forEach((words, b) => {
    for (const [word, n] of words) merged[b % files]!.set(word, n);
  });
  const texts = merged.map((words) => {
    if (words.size === 0) return null;
    const list = [...words].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${list.map(([w, n]) => `${JSON.stringify(w)}:${n}`).join(",")}}\n`;
  });
  return { files, texts };
}

/** The vocabulary files an earlier build wrote, from its manifest's file hashes. */
export function fuzzyFilesIn(hashes: Record<string, string> = {}): string[] {
  return Object.keys(hashes).filter((path) => /^search\/fuzzy\/(\d+|files)\.json$/.test(path));
}

/**
 * Writes the vocabulary's files; returns their bytes (0 when kept). A bucket left empty has none:
 * the last build's file of it goes as a stale one. When no article's indexed text changed
 * (`unchanged`) and the last build's files (`previous`) are all intact, they are kept as they are:
 * the vocabulary of 60k articles is a minute of work on a loaded 2-core machine.
 */
export function writeFuzzyIndex(
  out: OutDir,
  records: () => Iterable<WordRecord>,
  unchanged = false,
  hashes: Record<string, string> = {},
): number {
  const previous = fuzzyFilesIn(hashes);
  if (unchanged && previous.length && previous.every((path) => out.intact(path))) {
    for (const path of previous) out.keep(`/${path}`);
    return 0;
  }
  let bytes = 0;
  const { files, texts } = fuzzyTexts(records());
  for (const [b, text] of texts.entries()) {
    if (text === null) continue;
    out.update(`/${fuzzyPath(b, files)}`, text);
    bytes += text.length;
  }
  out.update(`/${FUZZY_FILES}`, JSON.stringify({ files }) + "\n");
  return bytes;
}

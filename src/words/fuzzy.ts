// Typo tolerance's rules, the same in the build (src/generate/search/fuzzy-index.ts writes the
// files) and in the browser (layouts/assets/fuzzy.ts reads them): which words may be corrected,
// how far, and where the archive's words within reach of a typed one are found.
//
// The vocabulary (every all-letter word of 4–32 letters the articles hold, in its most frequent
// spelling, with how many articles hold it) is split SymSpell-style: a word is filed under each
// string its first PREFIX letters leave after deleting up to 1 letter (words under 7 letters) or
// 2, and each such key's hash names the file. Two words within k edits (Damerau: a swap of two
// neighbours is one) leave a common string after ≤ k deletions from each, prefixes too, so a
// typed word's own keys name every file that can hold its corrections: ≤ 29 small files, never
// the whole vocabulary.

/** Letters of a word that make its keys: longer words add files, not reach. */
export const PREFIX = 7;

/**
 * The vocabulary's buckets, by hash. The build writes them into FEWER files when they are small
 * (a power of two that divides this: bucket b is in file b mod files), so a small site does not
 * get 16,384 files of a few words: ~4 kB a file, 8,192 files at 60k articles, 64 for the sample.
 */
export const FUZZY_BUCKETS = 16384;

/** Bytes a vocabulary file should hold at least, where the buckets allow. */
const FILE_BYTES = 4096;

/** How many files the vocabulary's `bytes` go in: a power of two up to FUZZY_BUCKETS. */
export function fuzzyFileCount(bytes: number): number {
  let files = FUZZY_BUCKETS;
  while (files > 1 && bytes / files < FILE_BYTES) files /= 2;
  return files;
}

/** The file saying how many files the vocabulary is in, { "files": N }, relative to the prefix. */
export const FUZZY_FILES = "search/fuzzy/files.json";

/** Shortest word the vocabulary holds (a 5-letter slip may be a 4-letter word with one added). */
export const MIN_VOCABULARY = 4;

/** A vocabulary file's JSON: a word as the articles most often spell it → articles holding it. */
export type FuzzyBucket = Record<string, number>;

/** The file of a vocabulary bucket when the vocabulary is in `files` files, relative to the prefix. */
export const fuzzyPath = (bucket: number, files: number): string =>
  `search/fuzzy/${bucket % files}.json`;

/**
 * Edits a typed word may be away from its correction: none under 5 letters (too many words are
 * that close), one for 5–8 letters, two beyond.
 */
export function maxEdits(length: number): number {
  return length < 5 ? 0 : length <= 8 ? 1 : 2;
}

/** Deletions a vocabulary word is filed with: enough for any typed word that may reach it. */
export const vocabularyEdits = (length: number): number => (length >= 7 ? 2 : 1);

/**
 * Whether a typed word may be corrected: letters alone (an id, hex code, number or version has
 * digits; a file name or identifier with "." or "_" is not one word), 5 letters or more.
 */
export const correctable = (word: string): boolean => /^[a-z]{5,32}$/i.test(word);

/** Whether a word belongs in the vocabulary. */
export const inVocabulary = (word: string): boolean => /^[a-z]{4,32}$/i.test(word);

/** The strings `word`'s first PREFIX letters leave after deleting up to `edits` of them. */
export function deletionKeys(word: string, edits: number): Set<string> {
  const keys = new Set([word.slice(0, PREFIX)]);
  let level = [...keys];
  for (let d = 0; d < edits; d++) {
    const next: string[] = [];
    for (const key of level)
      for (let i = 0; i < key.length; i++) {
        const shorter = key.slice(0, i) + key.slice(i + 1);
        if (shorter && !keys.has(shorter)) (keys.add(shorter), next.push(shorter));
      }
    level = next;
  }
  return keys;
}

/** FNV-1a of a key's code units, mod FUZZY_BUCKETS: the file it is in. */
export function fuzzyBucketOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % FUZZY_BUCKETS;
}

/** The files a vocabulary word is in. */
export const bucketsOfWord = (word: string): Set<number> =>
  new Set([...deletionKeys(word.toLowerCase(), vocabularyEdits(word.length))].map(fuzzyBucketOf));

/** The files that can hold a typed word's corrections. */
export const bucketsToSearch = (word: string): Set<number> =>
  new Set([...deletionKeys(word.toLowerCase(), maxEdits(word.length))].map(fuzzyBucketOf));

/**
 * The optimal-string-alignment distance (Levenshtein with a swap of two neighbours as one edit),
 * or `max + 1` as soon as it must exceed `max`: the browser tries thousands of words.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
      least = Math.min(least, d);
    }
    if (least > max) return max + 1;
    [before, previous] = [previous, row];
  }
  return Math.min(previous[b.length]!, max + 1);
}

/** A word of the archive near a typed one. */
export interface Near {
  word: string;
  /** Articles holding it. */
  articles: number;
  edits: number;
}

/** The edits from `typed` to the nearest start of `word` (of as many letters, give or take max). */
function prefixDistance(typed: string, word: string, max: number): number {
  let least = max + 1;
  for (let n = typed.length - max; n <= typed.length + max && n <= word.length; n++)
    if (n > 0) least = Math.min(least, editDistance(typed, word.slice(0, n), max));
  return least;
}

/**
 * The archive's words within maxEdits of `typed` in the given files, closest first, then the
 * most held; and how many articles hold `typed` itself (0 when none). A word `typed` starts is
 * left out: that is a word being typed, which Pagefind's index of names answers. With
 * `starts`, a word whose start is within reach counts (typed as you go: "cocraetei").
 */
export function nearWords(
  typed: string,
  buckets: readonly (FuzzyBucket | null)[],
  starts = false,
): { own: number; near: Near[] } {
  const lower = typed.toLowerCase();
  const max = maxEdits(lower.length);
  const distance = starts ? prefixDistance : editDistance;
  const seen = new Map<string, Near>();
  let own = 0;
  for (const bucket of buckets)
    for (const [word, articles] of Object.entries(bucket ?? {})) {
      const key = word.toLowerCase();
      if (key === lower) own = articles;
      if (seen.has(key) || key === lower || key.startsWith(lower)) continue;
      const edits = distance(lower, key, max);
      if (edits <= max) seen.set(key, { word, articles, edits });
    }
  const near = [...seen.values()].sort(
    (a, b) => a.edits - b.edits || b.articles - a.articles || (a.word < b.word ? -1 : 1),
  );
  return { own, near };
}

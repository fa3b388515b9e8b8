/**
 * The typo set of issue 25, from a built site: words people type from an article's body —
 * CamelCase API names (CoCreateInstance) and long words of 7 letters or more — with one slip
 * (a letter dropped, doubled, replaced, or two neighbours swapped), each from its own article,
 * chosen by a seeded PRNG over the articles. A word is taken only when few articles hold it
 * (MAX_HOLDERS, from the site's vocabulary files) and the word itself, searched as the article
 * spells it, finds at most MAX_HOLDERS articles, its source among them (a word whose stem is
 * common, "depresses", could not put its source in the top 10 even spelt right), so "the article
 * it came from is in the top 10" tests the correction alone; and a slip only when it makes a word
 * the archive does not hold (a slip that makes another real word is a different problem).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  FUZZY_FILES,
  fuzzyBucketOf,
  fuzzyPath,
  PREFIX,
  type FuzzyBucket,
} from "../src/words/fuzzy.ts";
import { bucketOf, findArticles, wordBucketPath } from "../src/words/index.ts";
import { isCamel, mulberry32, shuffled } from "./search-cases-kinds.ts";
import { recordPaths } from "./search-cases-site.ts";

export interface TypoCase {
  kind: "typo";
  /** The word with its slip, as typed. */
  query: string;
  /** The word as the article has it. */
  word: string;
  slip: "drop" | "double" | "replace" | "swap";
  source: string;
}

/** A word held by more articles than this is not taken: its source would be one of many. */
export const MAX_HOLDERS = 8;

const SLIPS = ["drop", "double", "replace", "swap"] as const;
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** `word` with one slip at a random place; the case of the letters around it is kept. */
export function slipOf(word: string, slip: TypoCase["slip"], random: () => number): string {
  const at = Math.floor(random() * (slip === "swap" ? word.length - 1 : word.length));
  const c = word[at]!;
  if (slip === "drop") return word.slice(0, at) + word.slice(at + 1);
  if (slip === "double") return word.slice(0, at + 1) + c + word.slice(at + 1);
  if (slip === "swap") return word.slice(0, at) + word[at + 1] + c + word.slice(at + 2);
  const others = LETTERS.replace(c.toLowerCase(), "");
  const next = others[Math.floor(random() * others.length)]!;
  return (
    word.slice(0, at) + (c === c.toUpperCase() ? next.toUpperCase() : next) + word.slice(at + 1)
  );
}

/** How many articles hold `word`, from the site's vocabulary (0 when none). */
export function holdersOf(site: string, word: string, cache: Map<number, FuzzyBucket>): number {
  const lower = word.toLowerCase();
  const b = fuzzyBucketOf(lower.slice(0, PREFIX));
  if (!cache.has(b)) {
    let bucket: FuzzyBucket = {};
    try {
      const { files } = JSON.parse(readFileSync(join(site, FUZZY_FILES), "utf8")) as {
        files: number;
      };
      bucket = JSON.parse(readFileSync(join(site, fuzzyPath(b, files)), "utf8")) as FuzzyBucket;
    } catch {
      // no file: no word of that key
    }
    cache.set(b, bucket);
  }
  const found = Object.entries(cache.get(b)!).find(([w]) => w.toLowerCase() === lower);
  return found?.[1] ?? 0;
}

const WORD = /(?<![\p{L}\p{N}_.])[A-Za-z]+(?![\p{L}\p{N}_]|\.\w)/gu;

/** Whether `word` searched as it is finds its source among at most MAX_HOLDERS articles. */
async function findsFew(site: string, word: string, source: string): Promise<boolean> {
  const bucket = async (term: string) =>
    JSON.parse(readFileSync(join(site, wordBucketPath(bucketOf(term))), "utf8")) as Record<
      string,
      string
    >;
  const { ranked } = await findArticles(word, bucket);
  return ranked.length <= MAX_HOLDERS && ranked.some((r) => r.id === source);
}

/** Up to `count` cases, alternating CamelCase names and long words, one per article. */
export async function typoCases(site: string, seed: number, count: number): Promise<TypoCase[]> {
  const random = mulberry32(seed);
  const cache = new Map<number, FuzzyBucket>();
  const cases: TypoCase[] = [];
  for (const path of shuffled(recordPaths(site).sort(), random)) {
    if (cases.length >= count) break;
    const record = JSON.parse(readFileSync(path, "utf8")) as {
      id: string;
      sections: { text: string }[];
    };
    const camel = cases.length % 2 === 0;
    const words = [
      ...new Set(
        record.sections
          .map((s) => s.text)
          .join("\n")
          .match(WORD) ?? [],
      ),
    ]
      .filter((w) => (camel ? isCamel(w) : /^[a-z]{7,}$/.test(w)))
      .filter((w) => w.length <= 32);
    for (const word of shuffled(words, random)) {
      const held = holdersOf(site, word, cache);
      if (held === 0 || held > MAX_HOLDERS || !(await findsFew(site, word, record.id))) continue;
      const slip = SLIPS[Math.floor(random() * SLIPS.length)]!;
      const query = slipOf(word, slip, random);
      if (query.toLowerCase() === word.toLowerCase() || holdersOf(site, query, cache) > 0) continue;
      cases.push({ kind: "typo", query, word, slip, source: record.id });
      break;
    }
  }
  return cases;
}

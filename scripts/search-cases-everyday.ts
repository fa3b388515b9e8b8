/**
 * The everyday sets of issue 25, from a built site's records, seeded and blind to every engine:
 * - everyday: two or three words of one article's title, in a shuffled order, each word's term
 *   held by ≥ 1,000 articles (COMMON_TERMS), all of them in the titles of 1–8 articles; right
 *   when an article whose title holds every word is in the top 10;
 * - loose: an unquoted run of 3–6 words of a title, every indexed one common, held as a phrase
 *   by the titles of 1–8 articles; right when one of them is in the top 10;
 * - quoted: a quoted run of 3–5 words of a paragraph, an indented block or the "Additional query
 *   words" line, held by 1–8 articles' texts; right when one of them is in the top 10.
 * The case's `relevant` lists the articles that count as right, `source` the one it came from.
 */
import { readFileSync } from "node:fs";
import { COMMON_TERMS } from "../src/words/common-terms.ts";
import { indexed, termOf, wordsOf } from "../src/words/index.ts";
import { BOILERPLATE } from "../src/words/index.ts";
import { mulberry32, shuffled } from "./search-cases-kinds.ts";
import { recordPaths } from "./search-cases-site.ts";

export const EVERYDAY_KINDS = ["everyday", "loose", "quoted"] as const;
export type EverydayKind = (typeof EVERYDAY_KINDS)[number];

export interface EverydayCase {
  kind: EverydayKind;
  query: string;
  source: string;
  relevant: string[];
}

interface Held {
  id: string;
  title: string;
  /** The title's terms, " " joined and padded: a phrase test is one includes(). */
  titleTerms: string;
  /** The indexed text's terms likewise (sections and the query words line). */
  textTerms: string;
  blocks: string[];
}

const termLine = (text: string) => ` ${wordsOf(text).map(termOf).join(" ")} `;

function load(site: string): Held[] {
  return recordPaths(site).map((path) => {
    const r = JSON.parse(readFileSync(path, "utf8"));
    const blocks: string[] = [];
    for (const s of r.sections ?? [])
      for (const b of String(s.text).split(/\n\s*\n/)) if (!BOILERPLATE.test(b)) blocks.push(b);
    if (r.queryWords) blocks.push(r.queryWords);
    return {
      id: r.id,
      title: r.title,
      titleTerms: termLine(r.title),
      textTerms: termLine([r.title, ...blocks].join("\n")),
      blocks,
    };
  });
}

const common = (w: string) => indexed(w) && /^[a-z]+$/.test(w) && COMMON_TERMS.has(termOf(w));

/** `n` cases of each kind, chosen by a PRNG seeded with `seed` over the articles in id order. */
export function everydayCases(site: string, n = 60, seed = 25): EverydayCase[] {
  const all = load(site);
  const random = mulberry32(seed);
  const order = shuffled(all, random);
  const cases: EverydayCase[] = [];
  const seen = new Set<string>();
  const add = (kind: EverydayKind, query: string, source: string, relevant: string[]) => {
    if (seen.has(query) || relevant.length < 1 || relevant.length > 8) return false;
    seen.add(query);
    cases.push({ kind, query, source, relevant });
    return true;
  };
  const count = (kind: EverydayKind) => cases.filter((c) => c.kind === kind).length;
  for (const a of order) {
    if (count("everyday") >= n) break;
    const words = [...new Set(wordsOf(a.title).filter(common))];
    if (words.length < 2) continue;
    const k = words.length > 2 && random() < 0.5 ? 3 : 2;
    const picked = shuffled(words, random).slice(0, k);
    const terms = picked.map(termOf);
    if (new Set(terms).size < k) continue;
    const relevant = all
      .filter((h) => terms.every((t) => h.titleTerms.includes(` ${t} `)))
      .map((h) => h.id);
    add("everyday", picked.join(" "), a.id, relevant);
  }
  for (const a of order) {
    if (count("loose") >= n) break;
    const words = wordsOf(a.title);
    const len = 3 + Math.floor(random() * 4);
    if (words.length < len) continue;
    const start = Math.floor(random() * (words.length - len + 1));
    const run = words.slice(start, start + len);
    const kept = run.filter(indexed);
    if (kept.length < 3 || !kept.every(common) || !indexed(run[0]!)) continue;
    const phrase = termLine(run.join(" "));
    const relevant = all.filter((h) => h.titleTerms.includes(phrase)).map((h) => h.id);
    add("loose", run.join(" "), a.id, relevant);
  }
  for (const a of order) {
    if (count("quoted") >= n) break;
    if (a.blocks.length === 0) continue;
    // The query words line as often as the last block, else any block.
    const block = a.blocks[Math.floor(random() * a.blocks.length)]!;
    const words = wordsOf(block);
    const len = 3 + Math.floor(random() * 3);
    if (words.length < len) continue;
    const start = Math.floor(random() * (words.length - len + 1));
    const run = words.slice(start, start + len);
    if (run.filter(indexed).length < 2) continue;
    const phrase = termLine(run.join(" "));
    const relevant = all.filter((h) => h.textTerms.includes(phrase)).map((h) => h.id);
    add("quoted", `"${run.join(" ")}"`, a.id, relevant);
  }
  return cases;
}

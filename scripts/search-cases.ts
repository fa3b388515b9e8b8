/**
 * `npx tsx scripts/search-cases.ts --site DIR [--seed 12] [--per-kind 60] [--out FILE]`: the
 * search test set of issue 12, from a built site's records. Strings people paste (messages, half
 * of them quoted; identifiers; hex codes; registry paths), each taken from past the first 800
 * characters of one article's section text and held by at most 8 articles, one case per source
 * article, chosen by a seeded PRNG over the articles in id order. The recipe never looks at any
 * engine, so the set is not shaped by what it scores. scripts/fts5-reference.py and
 * scripts/search-recall.ts score engines on it; tests/corpus/search-cases.test.ts checks it.
 */
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import {
  articleSeed,
  findAll,
  KINDS,
  mulberry32,
  normalize,
  registryParts,
  shuffled,
  type Found,
  type Kind,
} from "./search-cases-kinds.ts";
import { HolderIndex, loadSite, type Article } from "./search-cases-site.ts";

export * from "./search-cases-kinds.ts";
export * from "./search-cases-site.ts";

export interface Case {
  kind: Kind;
  query: string;
  /** A message in double quotes, as someone asking for the exact phrase types it. */
  quoted: boolean;
  source: string;
  /** Every article holding the string, the source among them, in id order. */
  holders: string[];
}

export const RECIPE = { seed: 12, perKind: 60, minOffset: 800, maxHolders: 8 };

// When two kinds have as many cases, the rarer kind goes first, so an article holding a registry
// path gives it rather than one of the many identifiers every article has.
const PRIORITY: readonly Kind[] = ["registry", "hex", "identifier", "message"];

/** The string a found one is asked as: a registry path in full or its last 2–4 key names. */
export function asked(found: Found, turn: number, random: () => number): string | undefined {
  const text = found.text.replace(/\s+/g, " ");
  if (found.kind !== "registry" || turn % 2 === 0) return text;
  const parts = registryParts(text);
  if (parts.length < 3) return undefined; // its last parts would be all of it but the root
  const n = Math.min(2 + Math.floor(random() * 3), parts.length - 1);
  return parts.slice(-n).join("\\");
}

type Counts = Record<Kind, number>;

/** The article's case of `kind`, if a string of that kind past minOffset is held by few enough. */
function caseOf(
  article: Article,
  kind: Kind,
  turn: number,
  random: () => number,
  index: HolderIndex,
  seen: Set<string>,
): Case | undefined {
  const found = findAll(article.sectionText, RECIPE.minOffset, kind);
  for (const f of shuffled(found, random)) {
    const text = asked(f, turn, random);
    if (text === undefined || seen.has(kind + normalize(text))) continue;
    const holders = index.holders(text, RECIPE.maxHolders);
    if (!holders?.includes(article.id)) continue;
    const quoted = kind === "message" && turn % 2 === 0;
    return { kind, query: quoted ? `"${text}"` : text, quoted, source: article.id, holders };
  }
  return undefined;
}

/**
 * Cases in the order the seeded walk finds them, each kind's count uncapped, so a smaller set
 * with the same seed is the start of each kind's list in a larger one. Each article gives at most
 * one case: of the kind with the fewest so far that it has a string for.
 */
export function* walk(index: HolderIndex, seed: number): Generator<Case> {
  const counts: Counts = { message: 0, identifier: 0, hex: 0, registry: 0 };
  const seen = new Set<string>();
  for (const article of shuffled(index.articles, mulberry32(seed))) {
    const random = mulberry32(articleSeed(seed, article.id));
    const kinds = [...PRIORITY].sort((a, b) => counts[a] - counts[b]);
    for (const kind of kinds) {
      const found = caseOf(article, kind, counts[kind], random, index, seen);
      if (!found) continue;
      counts[kind]++;
      seen.add(kind + normalize(found.quoted ? found.query.slice(1, -1) : found.query));
      yield found;
      break;
    }
  }
}

/** The first `perKind` cases of each kind of the walk (fewer if the site runs out), kind by kind. */
export function pickCases(index: HolderIndex, seed: number, perKind: number): Case[] {
  const byKind = new Map<Kind, Case[]>(KINDS.map((k) => [k, []]));
  let full = 0;
  for (const c of walk(index, seed)) {
    const list = byKind.get(c.kind)!;
    if (list.length >= perKind) continue;
    list.push(c);
    if (list.length === perKind && ++full === KINDS.length) break;
  }
  return KINDS.flatMap((k) => byKind.get(k)!);
}

/** The set as JSON: the recipe, then one case per line, so a diff shows which cases changed. */
export function fixtureText(recipe: typeof RECIPE & { articles: number }, cases: Case[]): string {
  const lines = cases.map((c) => "    " + JSON.stringify(c));
  return `{\n  "recipe": ${JSON.stringify(recipe)},\n  "cases": [\n${lines.join(",\n")}\n  ]\n}\n`;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      site: { type: "string" },
      seed: { type: "string", default: String(RECIPE.seed) },
      "per-kind": { type: "string", default: String(RECIPE.perKind) },
      out: { type: "string", default: "tests/fixtures/search-cases.json" },
    },
  });
  if (!values.site) throw new Error("usage: search-cases.ts --site DIR [--seed N] [--out FILE]");
  const started = performance.now();
  const index = new HolderIndex(loadSite(values.site));
  const loaded = performance.now();
  const recipe = { ...RECIPE, seed: Number(values.seed), perKind: Number(values["per-kind"]) };
  const cases = pickCases(index, recipe.seed, recipe.perKind);
  writeFileSync(values.out, fixtureText({ ...recipe, articles: index.articles.length }, cases));
  const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);
  console.log(
    `${index.articles.length} articles read and indexed in ${((loaded - started) / 1000).toFixed(1)} s`,
  );
  console.log(`${cases.length} cases picked in ${seconds(loaded)} s, written to ${values.out}`);
  for (const kind of KINDS) {
    const of = cases.filter((c) => c.kind === kind);
    const quoted = of.filter((c) => c.quoted).length;
    console.log(
      `  ${kind.padEnd(10)} ${of.length}${kind === "message" ? ` (${quoted} quoted)` : ""}`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();

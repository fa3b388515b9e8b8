/**
 * The scorer every search engine is judged by on the test set of issue 12 (scripts/search-cases.ts
 * makes it): is the article a case's string came from among the engine's first 10 results? One
 * scorer and one table, so kbsite's engine and the FTS5 reference (scripts/fts5-reference.py,
 * which writes the same result shape) are printed side by side from the same cases.
 *
 * CLI, a smoke test of the table: `npx tsx scripts/search-recall.ts FTS5.json` (or `-` for stdin)
 * prints the result `python3 scripts/fts5-reference.py … --json` wrote, alone.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { KINDS, type Kind } from "./search-cases-kinds.ts";

export interface RecallCase {
  kind: Kind;
  query: string;
  source: string;
}

export interface Tally {
  found: number;
  total: number;
  /** found / total, 0 for no cases. */
  share: number;
}

export interface RecallResult {
  overall: Tally;
  kinds: Record<Kind, Tally>;
  /** rank: the source's 1-based place among the first k ids, null when it is not there. */
  perCase: { query: string; kind: Kind; source: string; rank: number | null }[];
}

function tally(ranks: readonly (number | null)[]): Tally {
  const found = ranks.filter((r) => r !== null).length;
  return { found, total: ranks.length, share: ranks.length ? found / ranks.length : 0 };
}

/** Scores `engine` (a query → its result ids, best first) on the cases, one query at a time. */
export async function recall(
  cases: readonly RecallCase[],
  engine: (query: string) => Promise<string[]>,
  k = 10,
): Promise<RecallResult> {
  const perCase: RecallResult["perCase"] = [];
  for (const c of cases) {
    const at = (await engine(c.query)).slice(0, k).indexOf(c.source);
    perCase.push({ query: c.query, kind: c.kind, source: c.source, rank: at < 0 ? null : at + 1 });
  }
  const ofKind = (kind: Kind) => tally(perCase.filter((c) => c.kind === kind).map((c) => c.rank));
  const kinds = Object.fromEntries(KINDS.map((kind) => [kind, ofKind(kind)])) as Record<
    Kind,
    Tally
  >;
  return { overall: tally(perCase.map((c) => c.rank)), kinds, perCase };
}

const percent = (t: Tally) => `${(100 * t.share).toFixed(1)} % (${t.found})`;

/** The table's lines: kind | cases | each engine's found-in-top-10, then the overall. */
export function sideBySide(rows: readonly { engine: string; result: RecallResult }[]): string[] {
  const first = rows[0]?.result;
  if (!first) return [];
  const line = (label: string, cases: number | string, cells: string[]) =>
    `${label.padEnd(11)} ${String(cases).padStart(5)}  ${cells.map((c) => c.padStart(16)).join("")}`;
  const lines = [
    line(
      "kind",
      "cases",
      rows.map((r) => r.engine),
    ),
    ...KINDS.map((kind) =>
      line(
        kind,
        first.kinds[kind].total,
        rows.map((r) => percent(r.result.kinds[kind])),
      ),
    ),
    line(
      "overall",
      first.overall.total,
      rows.map((r) => percent(r.result.overall)),
    ),
  ];
  return ["found in the top 10:", ...lines];
}

export function printSideBySide(rows: readonly { engine: string; result: RecallResult }[]): void {
  for (const line of sideBySide(rows)) console.log(line);
}

function main(): void {
  const file = process.argv[2];
  if (!file) throw new Error("usage: search-recall.ts FTS5.json  (or - for stdin)");
  const result = JSON.parse(readFileSync(file === "-" ? 0 : file, "utf8")) as RecallResult & {
    engine?: string;
  };
  printSideBySide([{ engine: result.engine ?? "fts5", result }]);
  const missed = result.perCase.filter((c) => c.rank === null);
  if (missed.length) console.log(`not in the top 10: ${missed.map((c) => c.query).join(" | ")}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();

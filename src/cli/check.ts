/**
 * `kbsite check PATH...`: parse everything and summarize it — articles per form, ids seen twice
 * (and how they were merged), failures grouped by reason with their paths. Exit status 1 when
 * any file failed.
 */
import { collect, type Collection } from "../corpus/collect.ts";
import { progress } from "../progress.ts";
import { helpText, parseOptions, type CommandHelp } from "./options.ts";
import { UsageError } from "./usage.ts";
import { printable } from "../printable.ts";

const LIST_LIMIT = 20; // paths shown per group; the rest are counted

export const HELP: CommandHelp = {
  usage: "check PATH...",
  about:
    "Parses everything and prints a summary: articles per form, ids seen twice and how they were\nmerged, failures grouped by reason with their paths.",
  options: [],
  notes: ["Exit status: 0 no failure, 1 some file failed, 2 bad usage."],
};

/** "1 article", "2 articles". */
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export async function run(args: string[]): Promise<number> {
  const { positionals: paths, help } = parseOptions(HELP, args, true);
  if (help) return (console.log(helpText(HELP)), 0);
  if (paths.length === 0) throw new UsageError("give at least one file or folder to check");
  const bar = progress("check", "files parsed");
  const collection = await collect(paths, { onProgress: (done, total) => bar.update(done, total) });
  bar.stop();
  console.log(summary(collection).join("\n"));
  return collection.errors.length > 0 ? 1 : 0;
}

export function summary(c: Collection): string[] {
  const lines = [
    `${count(c.inputs, "file")}: ${count(c.articles.length, "article")}, ${count(c.duplicates.length, "duplicate")} merged, ${c.errors.length} failed`,
    `forms: ${c.formats.jekyll} jekyll, ${c.formats.text} text`,
  ];
  if (c.duplicates.length > 0) {
    lines.push("", `ids seen twice (${c.duplicates.length}):`);
    for (const [reason, items] of groups(c.duplicates, (d) => d.reason)) {
      lines.push(`  ${printable(reason)}: ${items.length}`);
      for (const d of items.slice(0, LIST_LIMIT))
        lines.push(`    ${d.id}: kept ${printable(d.kept)}, merged ${printable(d.merged)}`);
      if (items.length > LIST_LIMIT) lines.push(`    … and ${items.length - LIST_LIMIT} more`);
    }
  }
  if (c.errors.length > 0) {
    lines.push("", `failures (${c.errors.length}):`);
    for (const [reason, items] of groups(c.errors, (e) => e.reason)) {
      lines.push(`  ${printable(reason)}: ${items.length}`);
      for (const e of items.slice(0, LIST_LIMIT)) lines.push(`    ${printable(e.path)}`);
      if (items.length > LIST_LIMIT) lines.push(`    … and ${items.length - LIST_LIMIT} more`);
    }
  }
  return lines;
}

/** Items grouped by key, largest group first (ties by key, so the output is stable). */
function groups<T>(items: T[], key: (item: T) => string): Array<[string, T[]]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return [...map].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
}

/**
 * The last check before anything is staged: a content folder that yields no article (a typo in
 * --content), or any article's error under --strict, fails the build and leaves the site as it
 * was, with the report saying what was read.
 */
import { renameSync, writeFileSync } from "node:fs";
import type { Collection } from "../../corpus/collect.ts";
import { BuildFailed, makeReport } from "../report.ts";
import { printable } from "../../printable.ts";

/**
 * No article, or an error under --strict: the build fails before anything is staged, and writes
 * its report (in the state folder: the site is left as it was) to say what it read. Errors at
 * `tolerated` paths (those the live loop's last good build already had) do not count.
 */
export function refuseBadInput(
  collection: Collection,
  strict: boolean,
  report: string,
  tolerated?: ReadonlySet<string>,
): void {
  const errors = collection.errors.filter((error) => !tolerated?.has(error.path));
  const empty = collection.articles.length === 0;
  if (!empty && !(strict && errors.length > 0)) return;
  writeFileSync(`${report}.next`, JSON.stringify(makeReport(collection, 0, 0), null, 2) + "\n");
  renameSync(`${report}.next`, report);
  const shown = errors.slice(0, 5).map((e) => `\n  ${printable(e.path)}: ${printable(e.reason)}`);
  if (errors.length > shown.length)
    shown.push(`\n  … and ${errors.length - shown.length} more in ${report}`);
  if (tolerated && !empty)
    throw new BuildFailed(
      errors.map((e) => `${printable(e.path)}: ${printable(e.reason)}`).join("\n"),
    );
  const files = `${collection.inputs} ${collection.inputs === 1 ? "file" : "files"}`;
  throw new BuildFailed(
    empty
      ? `no article found in ${files}; check --content (the site is left as it was)${shown.join("")}`
      : `failed: ${errors.length} ${errors.length === 1 ? "error" : "errors"} (--strict); the site is left as it was${shown.join("")}`,
  );
}

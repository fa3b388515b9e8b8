/**
 * The output folder: made ready for a build, and guarded so that nothing derived from article data
 * is ever written outside it.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";

/** Written into every built site: marks the folder as ours, and tells `serve` the prefix. */
export const MARKER = "kbsite.json";

export class OutDirError extends Error {
  override name = "OutDirError";
}

/**
 * Empties `out` for a fresh build, but only if it is new, empty, or an earlier kbsite build:
 * never someone's other folder.
 */
export function prepareOut(out: string): void {
  if (!existsSync(out)) return void mkdirSync(out, { recursive: true });
  const entries = readdirSync(out);
  if (entries.length === 0) return;
  if (!entries.includes(MARKER)) {
    throw new OutDirError(
      `${out}: the folder is not empty and holds no ${MARKER}, so it is not an earlier kbsite build; choose an empty or new folder for --out`,
    );
  }
  for (const entry of entries) rmSync(join(out, entry), { recursive: true, force: true });
}

/** The absolute path of `path` (relative to `out`, or absolute), after checking it stays inside `out`. */
export function insideOut(out: string, path: string): string {
  const root = resolve(out);
  const target = resolve(root, path.replace(/^\/+/, ""));
  const rel = relative(root, target);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) {
    throw new OutDirError(
      `${path}: would be written outside the output folder ${root}; this is a bug in the URL rules`,
    );
  }
  return target;
}

/** Writes a file at a site path ("/kb/265/Q265433/index.json") inside `out`. */
export function writeOut(out: string, sitePath: string, content: string): void {
  const target = insideOut(out, sitePath);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
}

/**
 * What a commit will do, and every check that can fail, made before the first file of --out
 * changes (issue 21): the moves (each staged file, or a staged folder --out lacks, moved whole),
 * a file where the site needs a folder or the other way round, a folder the commit renames into
 * that cannot be written (a read-only file system, an immutable or foreign folder), and a disk
 * too full for the folders' entries. A check that fails says so naming the place in --out, and
 * that the site is left as it was, which is then true.
 */
import { accessSync, constants, lstatSync, readdirSync, statfsSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { printable } from "../../printable.ts";
import { UserError } from "../../user-error.ts";

export class CommitError extends UserError {
  override name = "CommitError";
}

export interface Journal {
  out: string;
  stage: string;
  aside: string;
  /** Paths inside --out moved from the staging folder, in order. */
  moves: string[];
  /** Paths inside --out of the last build's files this build does not make (moved aside). */
  remove: string[];
}

/** Renames need no data blocks, but a folder that gains entries may need one more. */
const MIN_FREE = 256 * 1024;

export function planCommit(out: string, stage: string, aside: string, stale: string[]): Journal {
  const unchanged = `the site in ${printable(out)} is left as it was`;
  const moves = planMoves(stage, out, unchanged);
  const remove = stale.filter(
    (path) =>
      !relative(out, join(out, path)).startsWith("..") && kindOf(join(out, path)) === "file",
  );
  const folders = new Set([dirname(aside)]);
  for (const path of [...moves, ...remove]) folders.add(dirname(join(out, path)));
  for (const folder of folders)
    try {
      accessSync(folder, constants.W_OK);
    } catch (error) {
      throw new CommitError(
        `${printable(folder)}: the build cannot write in this folder: ${reason(error)}; make it writable (or build as a user who may write there) and build again; ${unchanged}`,
      );
    }
  const { bavail, bsize } = statfsSync(out);
  if (bavail * bsize < MIN_FREE)
    throw new CommitError(
      `${printable(out)}: the disk is full (ENOSPC); free some space and build again; ${unchanged}`,
    );
  return { out, stage, aside, moves, remove };
}

/** The moves from `stage` into `out`; throws naming a file where a folder must go or the reverse. */
export function planMoves(stage: string, out: string, unchanged = "nothing was moved"): string[] {
  const moves: string[] = [];
  walk(stage, out, "", moves, unchanged);
  return moves;
}

/** "permission denied (EACCES)", from a system error; its message names paths, this does not. */
export function reason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  if (!code) return printable(String(message ?? error));
  const head = String(message).split(",")[0]!.replace(`${code}: `, "");
  return `${head} (${code})`;
}

/**
 * Lists the moves from `from` into `to`: the search bundles first and the top folder's files
 * (the home page, the marker) last, so a reader never gets a page whose search index is not there.
 */
function walk(from: string, to: string, path: string, moves: string[], unchanged: string): void {
  const entries = readdirSync(join(from, path), { withFileTypes: true }).sort(
    (a, b) =>
      Number(b.name === "pagefind") - Number(a.name === "pagefind") ||
      Number(b.isDirectory()) - Number(a.isDirectory()),
  );
  for (const entry of entries) {
    const inner = path ? `${path}/${entry.name}` : entry.name;
    const there = kindOf(join(to, inner));
    if (entry.isDirectory() && there === "folder") {
      walk(from, to, inner, moves, unchanged);
      continue;
    }
    if (there !== undefined && (there === "folder") !== entry.isDirectory())
      throw new CommitError(
        `${printable(join(to, inner))}: the site needs a ${entry.isDirectory() ? "folder" : "file"} here and there is a ${there}; move it out of ${printable(to)} and build again; ${unchanged}`,
      );
    moves.push(inner);
  }
}

export function kindOf(path: string): "file" | "folder" | undefined {
  try {
    return lstatSync(path).isDirectory() ? "folder" : "file";
  } catch {
    return undefined;
  }
}

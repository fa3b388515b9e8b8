/**
 * Undoing a commit whose move failed (commit.ts): newest first, each moved file goes back to the
 * staging folder and each file kept aside back in place, so the site is the old one byte for
 * byte; or, when a step of the undo fails too, one line that says so and names the new files.
 */
import { existsSync, mkdirSync, renameSync, rmSync, unlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { printable } from "../../printable.ts";
import { CommitError, kindOf, reason, type Journal } from "./commit-plan.ts";
import { failpoint } from "./failpoint.ts";
import type { StatePaths } from "./state.ts";

/**
 * Puts back what a failed commit moved, newest first, and throws the commit's error saying the
 * site is as it was; if the undo fails too, the journal stays for the next build to finish, and
 * the error names the files of --out that are the new build's.
 */
export function rollBack(
  paths: StatePaths,
  journal: Journal,
  error: unknown,
  moving: string,
): never {
  const { out, stage, aside } = journal;
  const failed = `${printable(join(out, moving))}: the commit failed: ${reason(error)}`;
  try {
    for (const path of [...journal.remove].reverse()) {
      const kept = join(aside, path);
      if (!existsSync(kept) || kindOf(join(out, path)) !== undefined) continue;
      failpoint("commit-undo");
      mkdirSync(dirname(join(out, path)), { recursive: true });
      renameSync(kept, join(out, path));
    }
    for (const path of [...journal.moves].reverse()) {
      const source = join(stage, path);
      const kept = join(aside, path);
      if (existsSync(source)) {
        rmSync(kept, { force: true }); // linked, not yet replaced: the old file is in place
        continue;
      }
      failpoint("commit-undo");
      mkdirSync(dirname(source), { recursive: true });
      renameSync(join(out, path), source);
      if (existsSync(kept)) renameSync(kept, join(out, path));
    }
  } catch (undoError) {
    const mixed = newFiles(journal);
    const named = mixed.slice(0, 10).map(printable).join(", ");
    const more = mixed.length > 10 ? ` and ${mixed.length - 10} more` : "";
    throw new CommitError(
      `${failed}, and undoing it failed too: ${reason(undoError)}; these files of ${printable(out)} are the new build's, the rest the old: ${named}${more}; build again to finish the commit (its journal is ${printable(paths.journal)})`,
    );
  }
  for (const file of [paths.manifest, paths.report]) rmSync(`${file}.next`, { force: true });
  rmSync(aside, { recursive: true, force: true });
  unlinkSync(paths.journal);
  throw new CommitError(
    `${failed}; the commit was undone: the site in ${printable(out)} is left as it was`,
  );
}

/** The paths of --out a half-undone commit left as the new build's. */
function newFiles({ out, stage, aside, moves, remove }: Journal): string[] {
  return [
    ...moves.filter((path) => !existsSync(join(stage, path))),
    ...remove.filter(
      (path) => existsSync(join(aside, path)) && kindOf(join(out, path)) === undefined,
    ),
  ];
}

/**
 * How a build becomes the site, all at once or not at all. A build writes every file it makes
 * into a staging folder (an overlay: only what changed, so a one-article rebuild stages a few
 * dozen files, not the 125k of the site), then commits: it plans the moves and checks all that
 * can fail (commit-plan.ts), writes the journal (the moves, the deletions, the next manifest and
 * report), moves the staged files into --out by rename (a folder --out lacks moves whole, one
 * rename for all the article pages of a first build), keeping each file it replaces or deletes
 * aside (a hard link, so the file a reader gets is always whole), and drops the journal and what
 * it kept. A move that fails all the same (a disk error) is undone from the journal: every moved
 * file goes back to the staging folder, every kept one back in place. One that stops the build
 * (a kill) or whose undo fails too is finished by the next build, from the journal: each step
 * can be done again. Every file of --out is either the old one or the new one, never a part.
 */
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { printable } from "../../printable.ts";
import { CommitError, kindOf, planCommit, planMoves, reason, type Journal } from "./commit-plan.ts";
import { rollBack } from "./commit-undo.ts";
import { failpoint } from "./failpoint.ts";
import { LEFTOVER, type StatePaths } from "./state.ts";

export { CommitError };

let committed = false;
/** The path inside --out the commit is moving: where a failed move failed. */
let moving = "";

/** Whether this process has committed a build: a Ctrl-C after that no longer leaves the site as it was. */
export const hasCommitted = () => committed;

/** Checks, writes the state, then the journal, then does what it says (or undoes it). */
export function commit(
  paths: StatePaths,
  out: string,
  remove: string[],
  manifest: string,
  report: string,
): void {
  const journal = planCommit(out, paths.stage, paths.aside, remove);
  writeFileSync(`${paths.manifest}.next`, manifest);
  writeFileSync(`${paths.report}.next`, report);
  writeFileSync(`${paths.journal}.next`, JSON.stringify(journal) + "\n");
  renameSync(`${paths.journal}.next`, paths.journal); // the commit point
  failpoint("commit");
  try {
    apply(journal);
  } catch (error) {
    rollBack(paths, journal, error, moving);
  }
  committed = true;
  try {
    done(paths, journal);
  } catch (error) {
    throw new CommitError(
      `${printable(out)}: the site was updated, but the build could not tidy its state folder: ${reason(error)}; fix that and build again, which finishes it (the journal is ${printable(paths.journal)})`,
    );
  }
}

/**
 * What a stopped build left: a journal is finished, anything else of it is deleted. Run with
 * the lock held, before the build stages anything. Returns what it did, for the log.
 */
export function recover(paths: StatePaths): "finished" | "cleared" | undefined {
  let outcome: "finished" | "cleared" | undefined;
  if (existsSync(paths.journal)) {
    const journal = JSON.parse(readFileSync(paths.journal, "utf8")) as Journal;
    journal.aside ??= `${journal.stage}.aside`; // a journal of a build before issue 21
    journal.moves ??= existsSync(journal.stage) ? planMoves(journal.stage, journal.out) : [];
    try {
      apply(journal, true);
    } catch (error) {
      throw new CommitError(
        `${printable(journal.out)}: the last build was stopped while it committed, and finishing its commit failed: ${reason(error)}; fix that and build again (the journal is ${printable(paths.journal)})`,
      );
    }
    done(paths, journal);
    outcome = "finished";
  }
  const out = dirname(paths.stage) === paths.dir ? undefined : dirname(paths.stage);
  for (const dir of [paths.dir, out])
    for (const name of dir ? readdirSync(dir) : [])
      if (LEFTOVER.test(name) || name.endsWith(".next") || /^lock\.\d+$/.test(name)) {
        rmSync(join(dir!, name), { recursive: true, force: true, maxRetries: 3 });
        outcome ??= "cleared";
      }
  return outcome;
}

/**
 * Does the journal's moves and deletions; resuming (a later build), each only if not done yet.
 * A replaced file is first linked aside, then the new one renamed over it, so it is never absent.
 */
function apply({ out, stage, aside, moves, remove }: Journal, resume = false): void {
  const made = new Set<string>();
  const keep = (from: string, path: string, move: (from: string, to: string) => void) => {
    const kept = join(aside, path);
    if (resume && existsSync(kept)) return;
    const dir = dirname(kept);
    if (!made.has(dir)) (mkdirSync(dir, { recursive: true }), made.add(dir));
    move(from, kept);
  };
  for (const path of moves) {
    const source = join(stage, path);
    if (resume && !existsSync(source)) continue; // moved already
    const target = join(out, path);
    moving = path;
    try {
      keep(target, path, linkSync);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      // nothing there yet: a new file or folder
    }
    failpoint("commit-merge");
    renameSync(source, target);
  }
  for (const path of remove) {
    const target = join(out, path);
    if (kindOf(target) !== "file") continue; // gone already, or a folder now: not ours
    moving = path;
    failpoint("commit-merge");
    keep(target, path, renameSync);
  }
}

/** After the moves: empty folders of deleted files go, the state turns over, the journal goes. */
function done(paths: StatePaths, { out, stage, aside, remove }: Journal): void {
  for (const path of remove) removeEmptyFolders(out, dirname(join(out, path)));
  for (const file of [paths.manifest, paths.report])
    if (existsSync(`${file}.next`)) renameSync(`${file}.next`, file);
  rmSync(stage, { recursive: true, force: true });
  rmSync(aside, { recursive: true, force: true });
  unlinkSync(paths.journal);
}

function removeEmptyFolders(out: string, from: string): void {
  for (let dir = from; dir !== out && dir.startsWith(`${out}/`); dir = dirname(dir)) {
    try {
      if (readdirSync(dir).length > 0) break;
      rmdirSync(dir);
    } catch {
      break; // gone already (another deleted file's folder)
    }
  }
}

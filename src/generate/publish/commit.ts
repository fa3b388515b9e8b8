/**
 * How a build becomes the site, all at once or not at all. A build writes every file it makes
 * into a staging folder (an overlay: only what changed, so a one-article rebuild stages a few
 * dozen files, not the 125k of the site), then commits: it writes the journal (what to move,
 * what to delete, the next manifest and report), moves the staged files into --out by rename
 * (a folder --out lacks moves whole, one rename for all the article pages of a first build),
 * deletes the files of the last build it no longer makes, and drops the journal. A build that
 * stops before the journal is written left --out as it was: the next one deletes its staging
 * folder. One that stops after is finished by the next one, from the journal: each step can be
 * done again. Every file of --out is either the old one or the new one, never a part of one.
 */
import {
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import { failpoint } from "./failpoint.ts";
import { LEFTOVER, type StatePaths } from "./state.ts";

interface Journal {
  out: string;
  stage: string;
  /** Paths inside --out of the last build's files this build does not make. */
  remove: string[];
}

export class CommitError extends Error {
  override name = "CommitError";
}

let committed = false;

/** Whether this process has committed a build: a Ctrl-C after that no longer leaves the site as it was. */
export const hasCommitted = () => committed;

/** Writes the state, then the journal, then does what it says. */
export function commit(
  paths: StatePaths,
  out: string,
  remove: string[],
  manifest: string,
  report: string,
): void {
  writeFileSync(`${paths.manifest}.next`, manifest);
  writeFileSync(`${paths.report}.next`, report);
  const journal: Journal = { out, stage: paths.stage, remove };
  writeFileSync(`${paths.journal}.next`, JSON.stringify(journal) + "\n");
  renameSync(`${paths.journal}.next`, paths.journal); // the commit point
  failpoint("commit");
  finish(paths, journal);
  committed = true;
}

/**
 * What a stopped build left: a journal is finished, anything else of it is deleted. Run with
 * the lock held, before the build stages anything. Returns what it did, for the log.
 */
export function recover(paths: StatePaths): "finished" | "cleared" | undefined {
  let done: "finished" | "cleared" | undefined;
  if (existsSync(paths.journal)) {
    finish(paths, JSON.parse(readFileSync(paths.journal, "utf8")) as Journal);
    done = "finished";
  }
  const out = dirname(paths.stage) === paths.dir ? undefined : dirname(paths.stage);
  for (const dir of [paths.dir, out])
    for (const name of dir ? readdirSync(dir) : [])
      if (LEFTOVER.test(name) || name.endsWith(".next") || /^lock\.\d+$/.test(name)) {
        rmSync(join(dir!, name), { recursive: true, force: true, maxRetries: 3 });
        done ??= "cleared";
      }
  return done;
}

function finish(paths: StatePaths, journal: Journal): void {
  if (existsSync(journal.stage)) merge(journal.stage, journal.out, journal.out);
  for (const path of journal.remove) removeFile(journal.out, path);
  for (const file of [paths.manifest, paths.report])
    if (existsSync(`${file}.next`)) renameSync(`${file}.next`, file);
  rmSync(journal.stage, { recursive: true, force: true });
  unlinkSync(paths.journal);
}

/**
 * Moves everything in `from` into `to`: the search bundles first and the top folder's files
 * (the home page, the marker) last, so a reader never gets a page whose search index is not there.
 */
function merge(from: string, to: string, out: string): void {
  const entries = readdirSync(from, { withFileTypes: true }).sort(
    (a, b) =>
      Number(b.name === "pagefind") - Number(a.name === "pagefind") ||
      Number(b.isDirectory()) - Number(a.isDirectory()),
  );
  for (const entry of entries) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    const there = kindOf(target);
    if (entry.isDirectory() && there === "folder") {
      merge(source, target, out);
      rmdirSync(source);
      continue;
    }
    if (there !== undefined && (there === "folder") !== entry.isDirectory())
      throw new CommitError(
        `${target}: the site needs a ${entry.isDirectory() ? "folder" : "file"} here and there is a ${there}; move it out of ${out} and build again`,
      );
    renameSync(source, target);
    failpoint("commit-merge");
  }
}

function kindOf(path: string): "file" | "folder" | undefined {
  try {
    return lstatSync(path).isDirectory() ? "folder" : "file";
  } catch {
    return undefined;
  }
}

/** Deletes a file of an earlier build, then the folders it leaves empty, up to --out. */
function removeFile(out: string, path: string): void {
  const target = join(out, path);
  if (relative(out, target).startsWith("..")) return; // a manifest never lists one; never follow it
  try {
    unlinkSync(target);
  } catch {
    return; // gone already (a commit finished again), or a folder now: not ours to remove
  }
  for (let dir = dirname(target); dir !== out && dir.startsWith(out); dir = dirname(dir)) {
    if (readdirSync(dir).length > 0) break;
    rmdirSync(dir);
  }
}

/**
 * Where a build keeps what is not the site: the manifest, the report, the lock, the commit
 * journal, the staging folder, the files of --out a commit replaces (kept aside until it is
 * done) and the compressed buckets of /records.jsonl.gz. Beside --out by default
 * (OUT/../.kbsite-state/NAME/), or where --state says, so that a deploy that copies --out (rsync, `aws s3 sync`, a Pages branch) ships
 * the site alone: the report names every source file and is 12 MB at 60k articles.
 */
import { mkdirSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

export interface StatePaths {
  /** The state folder itself. */
  dir: string;
  manifest: string;
  report: string;
  lock: string;
  /** Written once everything is staged; its presence means "finish this commit" (commit.ts). */
  journal: string;
  /** Where this build stages the files it writes: same file system as --out, so they move by rename. */
  stage: string;
  /**
   * Where the commit keeps the files of --out it replaces or deletes until it is done, beside the
   * staging folder (so on --out's file system): undoing a commit is renaming them back.
   */
  aside: string;
  /** Scratch files of this build (the search records handed to the indexers). */
  work: string;
  /** The compressed members of /records.jsonl.gz, one per id bucket (records-archive.ts). */
  records: string;
}

/** The default state folder of a build into `out`. */
export function defaultStateDir(out: string): string {
  const root = resolve(out);
  return join(dirname(root), ".kbsite-state", basename(root) || "root");
}

/**
 * The state paths of a build into `out`, making the state folder. The staging folder goes in the
 * state folder when both are on one file system, else inside --out as a dot-folder (never
 * served, never walked as content), so a commit is renames either way.
 */
export function statePaths(out: string, state = defaultStateDir(out)): StatePaths {
  const dir = resolve(state);
  mkdirSync(dir, { recursive: true });
  const root = resolve(out);
  const tag = `${process.pid.toString(36)}-${Date.now().toString(36)}`;
  const sameDevice = statSync(dir).dev === statSync(root).dev;
  return {
    dir,
    manifest: join(dir, "manifest.json"),
    report: join(dir, "build-report.json"),
    lock: join(dir, "lock"),
    journal: join(dir, "commit.json"),
    stage: sameDevice ? join(dir, `stage.${tag}`) : join(root, `.kbsite-stage.${tag}`),
    aside: sameDevice ? join(dir, `aside.${tag}`) : join(root, `.kbsite-aside.${tag}`),
    work: join(dir, `work.${tag}`),
    records: join(dir, "records-jsonl"),
  };
}

/** Names a staging or scratch folder of some build, for clearing what a killed build left. */
export const LEFTOVER = /^(?:stage|aside|work|\.kbsite-stage|\.kbsite-aside)\.[0-9a-z]+-[0-9a-z]+$/;

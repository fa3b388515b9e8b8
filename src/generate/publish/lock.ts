/**
 * One build at a time per site (issue 21): a lock file beside --out, OUT/../.NAME.kbsite-lock,
 * which every build into that folder takes whatever its --state, and never in the published
 * folder; and one in the state folder, so two sites cannot share one state either. Each holds the
 * builder's pid, put in place by link(2), which fails when the file exists, so two builds cannot
 * both take it and no build ever reads a half-written lock. A lock whose process is gone
 * (killed, machine restarted) is taken over; a live one makes the second build refuse, naming
 * the pid, or wait for it (--wait). Not proper-lockfile: it tells a stale lock by an mtime its
 * holder must keep refreshing from a timer, which a build busy in its synchronous commit (seconds
 * at 60k articles) does not run, so a second build would take a live build's lock; and its lock
 * names no pid to refuse with.
 */
import { linkSync, readFileSync, realpathSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { onInterrupt } from "../../interrupt.ts";
import { printable } from "../../printable.ts";
import { UserError } from "../../user-error.ts";

export class LockError extends UserError {
  override name = "LockError";
  /** Set when a live build on this machine holds the lock: one may wait for it to end. */
  holder?: Holder;
}

/** The lock of the site in `out` (which exists: build() marks it first), by its real path. */
export function siteLockPath(out: string): string {
  const real = realpathSync(out);
  return join(dirname(real), `.${basename(real) || "root"}.kbsite-lock`);
}

/**
 * Takes each lock in turn (the site's, then the state's: always in that order, so two waiting
 * builds cannot hold one each); with `wait`, a lock held by a live build is polled until free,
 * saying once whom it waits for. Returns the function that releases them all.
 */
export async function takeLocks(
  paths: string[],
  out: string,
  wait?: (line: string) => void,
): Promise<() => void> {
  const releases: (() => void)[] = [];
  const release = () => releases.reverse().forEach((r) => r());
  const forget = onInterrupt(release); // a Ctrl-C while waiting lets go of those taken
  try {
    for (const path of paths)
      for (let said = false; ;) {
        try {
          releases.push(takeLock(path, out));
          break;
        } catch (error) {
          const holder = (error as LockError).holder;
          if (!wait || !holder) throw error;
          if (!said) wait(`waiting for the build of ${printable(out)} by pid ${holder.pid} to end`);
          said = true;
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
  } catch (error) {
    release();
    throw error;
  } finally {
    forget();
  }
  return release;
}

interface Holder {
  pid: number;
  host: string;
  since: string;
}

/** Takes the lock at `path` or throws LockError; returns the function that releases it. */
export function takeLock(path: string, out: string): () => void {
  for (let attempt = 0; attempt < 3; attempt++) {
    const holder: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
    const mine = `${path}.${process.pid}`;
    writeFileSync(mine, JSON.stringify(holder) + "\n");
    try {
      linkSync(mine, path);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(path);
        } catch {
          // gone already: nothing to release
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      unlinkSync(mine);
    }
    const other = readHolder(path);
    if (other && other.host === hostname() && alive(other.pid))
      throw Object.assign(
        new LockError(
          `${printable(out)} is being built by another kbsite build (pid ${other.pid}, since ${other.since}); wait for it to end (or build with --wait), or stop it, then build again`,
        ),
        { holder: other },
      );
    if (other && other.host !== hostname())
      throw new LockError(
        `${printable(out)} is locked by a kbsite build on ${other.host} (pid ${other.pid}); if no build is running there, delete ${printable(path)}`,
      );
    // Stale: its process is gone.
    try {
      unlinkSync(path);
    } catch {
      // another build took it over first: try again
    }
  }
  throw new LockError(`${printable(path)}: could not take the build lock; build again`);
}

function readHolder(path: string): Holder | undefined {
  try {
    const holder = JSON.parse(readFileSync(path, "utf8")) as Holder;
    return Number.isInteger(holder.pid) ? holder : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process with this pid exists (EPERM: it does, it is someone else's). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

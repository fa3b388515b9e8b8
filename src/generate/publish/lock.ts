/**
 * One build at a time per output folder: a lock file in the state folder holding the builder's
 * pid, put in place by link(2), which fails when the file exists, so two builds cannot both take
 * it and no build ever reads a half-written lock. A lock whose process is gone (killed,
 * machine restarted) is taken over; a live one makes the second build refuse, naming the pid.
 */
import { linkSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";

export class LockError extends Error {
  override name = "LockError";
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
      throw new LockError(
        `${out} is being built by another kbsite build (pid ${other.pid}, since ${other.since}); wait for it to end, or stop it, then build again`,
      );
    if (other && other.host !== hostname())
      throw new LockError(
        `${out} is locked by a kbsite build on ${other.host} (pid ${other.pid}); if no build is running there, delete ${path}`,
      );
    // Stale: its process is gone.
    try {
      unlinkSync(path);
    } catch {
      // another build took it over first: try again
    }
  }
  throw new LockError(`${path}: could not take the build lock; build again`);
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

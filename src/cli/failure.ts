/**
 * A failed build as one line: what went wrong, where, and what to do. The conditions a user can
 * cause (a full disk, a read-only or unwritable folder, a file where a folder should be, a bad
 * folder, a lock held by another build: every UserError) are named so; anything else is a bug
 * and keeps its stack.
 */
import { SearchIndexError } from "../generate/search/pagefind-bundles.ts";
import { printable } from "../printable.ts";
import { UserError } from "../user-error.ts";

/** errno code → what it means, and what to do about it. */
const SYSTEM: Record<string, [string, string]> = {
  ENOSPC: ["the disk is full", "free some space and build again"],
  EDQUOT: ["the disk quota is used up", "free some space and build again"],
  EROFS: ["the file system is read-only", "choose a writable --out (and --state)"],
  EACCES: ["permission denied", "build as a user who may write there, or choose another --out"],
  EPERM: ["permission denied", "build as a user who may write there, or choose another --out"],
  ENOTDIR: ["a part of the path is a file, not a folder", "check --out and --state"],
  EISDIR: ["a folder is where a file should be", "move it away and build again"],
  EEXIST: ["something is already there", "move it away and build again"],
  EMFILE: ["too many open files", "raise the limit (ulimit -n) and build again"],
  EIO: ["the disk reported an input/output error", "check the disk"],
};

/** Pagefind's errors come from its own process, as text: "No space left on device (os error 28)". */
const SYSTEM_TEXT: [RegExp, string][] = [
  [/No space left on device|os error 28|ENOSPC/i, "ENOSPC"],
  [/Read-only file system|os error 30|EROFS/i, "EROFS"],
  [/Permission denied|os error 13|EACCES/i, "EACCES"],
];

/** The line that says why the build failed, or undefined for an error that is a bug. */
export function describeFailure(error: unknown, out: string): string | undefined {
  for (let e = error, depth = 0; e && depth < 5; depth++) {
    const line = describeOne(e, out);
    if (line) return line;
    // Eleventy wraps a failed write in its own errors, the system error as originalError.
    const wrapped = e as { originalError?: unknown; cause?: unknown };
    e = wrapped.originalError ?? wrapped.cause;
  }
  return undefined;
}

function describeOne(error: unknown, out: string): string | undefined {
  const unchanged = `the site in ${printable(out)} is left as it was`;
  if (error instanceof UserError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code && SYSTEM[code]) {
    const [what, fix] = SYSTEM[code];
    const path = (error as NodeJS.ErrnoException).path;
    const where = path ? `${printable(path)}: ` : "";
    return `${where}${what} (${code}); ${fix}; ${unchanged}`;
  }
  if (error instanceof SearchIndexError) {
    const found = SYSTEM_TEXT.find(([pattern]) => pattern.test(error.message));
    if (found) {
      const [what, fix] = SYSTEM[found[1]]!;
      return `the search index could not be written: ${what} (${found[1]}); ${fix}; ${unchanged}`;
    }
    return `the search index could not be built: ${printable(error.message)}; ${unchanged}`;
  }
  return undefined;
}

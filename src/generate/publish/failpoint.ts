/**
 * Fault injection for the tests of issues 13 and 21: `KBSITE_FAILPOINT=NAME` (or `NAME@N`, the
 * N-th time) makes the build kill itself with SIGKILL where it calls failpoint(NAME), the
 * harshest way a build can stop (no handler runs, no file is closed); `NAME@N:CODE` throws a
 * system error with that code there instead (EACCES, EIO: a folder that turned unwritable, a
 * disk that failed), as the call that follows would. Several points: comma-separated. Unset, it
 * costs one lookup per call. Points: collect, article-pages, browse-pages, search-written (in
 * an indexer, after a bundle is written: it kills its parent build and itself), commit,
 * commit-merge (before each move of the commit), commit-undo (before each step of its undo).
 */
interface Wanted {
  point: string;
  times: number;
  code?: string;
  calls: number;
}

let wanted = parse(process.env.KBSITE_FAILPOINT ?? "");

function parse(specs: string): Wanted[] {
  return specs
    .split(",")
    .filter(Boolean)
    .map((spec) => {
      const [, point = spec, nth, code] = /^([\w-]+)(?:@(\d+))?(?::(\w+))?$/.exec(spec) ?? [];
      return { point, times: Number(nth ?? 1), code, calls: 0 };
    });
}

/** Sets the points anew, counts at zero, as the variable would: for a test that commits in-process. */
export function injectFailures(specs: string): void {
  wanted = parse(specs);
}

export function failpoint(point: string, parent = false): void {
  if (wanted.length === 0) return;
  for (const want of wanted) {
    if (want.point !== point || ++want.calls !== want.times) continue;
    if (want.code)
      throw Object.assign(new Error(`${want.code}: injected failure, ${point}`), {
        code: want.code,
      });
    if (parent) process.kill(process.ppid, "SIGKILL");
    process.kill(process.pid, "SIGKILL");
  }
}

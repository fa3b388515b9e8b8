/**
 * Fault injection for the tests of issue 13: `KBSITE_FAILPOINT=NAME` (or `NAME@N`, the N-th time)
 * makes the build kill itself with SIGKILL where it calls failpoint(NAME), the harshest way a
 * build can stop (no handler runs, no file is closed). Unset, it costs one lookup per call.
 * Points: collect, article-pages, browse-pages, search-written (in an indexer, after a bundle is
 * written: it kills its parent build and itself), commit, commit-merge.
 */
const wanted = process.env.KBSITE_FAILPOINT;
const [name, nth] = (wanted ?? "").split("@");
const times = Number(nth ?? 1);
let calls = 0;

export function failpoint(point: string, parent = false): void {
  if (wanted === undefined || point !== name || ++calls !== times) return;
  if (parent) process.kill(process.ppid, "SIGKILL");
  process.kill(process.pid, "SIGKILL");
}

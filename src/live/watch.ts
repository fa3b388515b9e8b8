/**
 * What `kbsite build --serve` watches: the content folder, the config file and the overrides
 * folder. Saves come in bursts (an editor writes a file twice, `git checkout` touches 500), so
 * changes are gathered until the files have been quiet for a moment and handed on as one batch;
 * a batch that arrives while the last one is still being built waits and is handed on after it.
 */
import { watch, type FSWatcher } from "chokidar";

export interface Batch {
  /** The paths changed, added or removed, each once. */
  paths: string[];
}

export interface WatchOptions {
  /** How long the files must be quiet before a batch is handed on (ms). */
  quiet?: number;
  /** Paths never watched (the site and the state folder, when they lie in the content folder). */
  ignored?: string[];
}

/** Watches `paths`; calls `onBatch` once per burst of changes, never twice at once. */
export function watchSources(
  paths: string[],
  onBatch: (batch: Batch) => Promise<void>,
  options: WatchOptions = {},
): { ready: Promise<void>; close: () => Promise<void> } {
  const quiet = options.quiet ?? 150;
  const ignored = options.ignored ?? [];
  const watcher: FSWatcher = watch(paths, {
    ignoreInitial: true,
    // Dotfiles are never articles (the collector skips them too), nor are the editors' swap files.
    ignored: (path) =>
      ignored.some((dir) => path === dir || path.startsWith(dir + "/")) ||
      /(^|\/)\.[^/]/.test(path.slice(commonRoot(paths, path).length)),
  });
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const flush = async () => {
    timer = undefined;
    if (running) return; // handed on when the running batch ends
    while (pending.size > 0) {
      const paths = [...pending].sort();
      pending = new Set();
      running = onBatch({ paths });
      await running.catch(() => {});
      running = undefined;
    }
  };
  const changed = (path: string) => {
    pending.add(path);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), quiet);
  };
  for (const event of ["add", "change", "unlink", "addDir", "unlinkDir"] as const)
    watcher.on(event, changed);
  const ready = new Promise<void>((done) => watcher.once("ready", () => done()));
  return {
    ready,
    close: async () => {
      if (timer) clearTimeout(timer);
      await watcher.close();
    },
  };
}

/** The watched path `path` lies under, so only what lies below it is tested for dotfiles. */
function commonRoot(roots: string[], path: string): string {
  return roots.find((root) => path === root || path.startsWith(root + "/")) ?? "";
}

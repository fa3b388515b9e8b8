/**
 * What `kbsite build --serve` watches: the content folder, the config file and the overrides
 * folder. Folders are watched with @parcel/watcher (VS Code's): one inotify watch per folder, not
 * per file, so the 60k archive's 61k folders fit the system's limit where a per-file watcher's
 * 178k did not. The config file, one file, is polled. Saves come in bursts (an editor writes a file
 * twice, `git checkout` touches 500), so changes are gathered until the files have been quiet for
 * a moment and handed on as one batch; a batch that arrives while the last one is still being
 * built waits and is handed on after it.
 */
import { unwatchFile, watchFile } from "node:fs";
import watcher from "@parcel/watcher";

export interface Batch {
  /** The paths changed, added or removed, each once. */
  paths: string[];
}

export interface Sources {
  folders: string[];
  files: string[];
  /** Paths never watched (the site and the state folder, when they lie in a watched folder). */
  ignored?: string[];
}

/** Watches the sources; calls `onBatch` once per burst of changes, never twice at once. */
export async function watchSources(
  sources: Sources,
  onBatch: (batch: Batch) => Promise<void>,
  onError: (line: string) => void,
  quiet = 150,
): Promise<{ close: () => Promise<void> }> {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;

  const flush = async () => {
    timer = undefined;
    if (running) return; // handed on when the running batch ends
    running = true;
    while (pending.size > 0) {
      const paths = [...pending].sort();
      pending = new Set();
      await onBatch({ paths }).catch((error: Error) => onError(error.stack ?? String(error)));
    }
    running = false;
  };
  const changed = (path: string) => {
    pending.add(path);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), quiet);
  };

  // Dotfiles are never articles (the collector skips them too), nor are editors' swap files.
  const ignore = [...(sources.ignored ?? []), "**/.*", "**/.*/**"];
  const subscriptions = await Promise.all(
    sources.folders.map((folder) =>
      watcher
        .subscribe(
          folder,
          (error, events) => {
            if (error) return onError(`${folder}: no longer watched: ${error.message}`);
            for (const event of events) changed(event.path);
          },
          { ignore },
        )
        .catch((error: Error) => {
          const limit = /No space left on device/.test(error.message)
            ? "; the system's inotify limit is reached: raise it (sysctl fs.inotify.max_user_watches=524288)"
            : "";
          onError(`${folder}: cannot be watched: ${error.message}${limit}`);
          return undefined;
        }),
    ),
  );
  for (const file of sources.files) watchFile(file, { interval: 250 }, () => changed(file));
  return {
    close: async () => {
      if (timer) clearTimeout(timer);
      for (const file of sources.files) unwatchFile(file);
      await Promise.all(subscriptions.map((subscription) => subscription?.unsubscribe()));
    },
  };
}

/**
 * walk: the files named on the command line, folders walked recursively (dotfiles and dot-folders
 * skipped), in a stable sorted order. A path that does not exist is an input error, not a crash.
 * `walkFiles` yields the files as it finds them, so parsing can start while the walk goes on (a
 * corpus of 60,000 one-article folders takes seconds to walk); `walk` collects them.
 */
import { readdirSync } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { InputError } from "./collect.ts";

export interface Walked {
  files: string[];
  errors: InputError[];
}

export async function walk(paths: string[]): Promise<Walked> {
  const files: string[] = [];
  const errors: InputError[] = [];
  for await (const file of walkFiles(paths, (error) => errors.push(error))) files.push(file);
  return { files, errors };
}

/** Every file under `paths`, in order; a path that cannot be read goes to `onError`. */
export async function* walkFiles(
  paths: string[],
  onError: (error: InputError) => void,
): AsyncGenerator<string> {
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = (await stat(path)).isDirectory();
    } catch (error) {
      onError({ path, reason: describe(error) });
      continue;
    }
    if (isFolder) yield* walkFolder(path, onError);
    else yield path;
  }
}

// Folders read between two turns of the event loop (see walkFolder).
const FOLDERS_PER_TURN = 64;

/**
 * Depth first in sorted order, with a stack rather than recursion: one generator however deep.
 * Folders are read synchronously: a corpus is tens of thousands of one-article folders, and the
 * promise version cost the main thread more than twice the CPU. A synchronous walk never lets
 * the event loop turn, though, so it yields a turn every few folders: the parsing workers' answers
 * are taken and new batches handed out while the walk goes on.
 */
async function* walkFolder(
  folder: string,
  onError: (error: InputError) => void,
): AsyncGenerator<string> {
  const stack: Entry[] = [{ path: folder, isFolder: true }];
  let folders = 0;
  for (let entry; (entry = stack.pop());) {
    if (!entry.isFolder) {
      yield entry.path;
      continue;
    }
    if (++folders % FOLDERS_PER_TURN === 0) await nextTurn();
    const inside = readFolder(entry.path, onError);
    for (let i = inside.length - 1; i >= 0; i--) stack.push(inside[i]!);
  }
}

interface Entry {
  path: string;
  isFolder: boolean;
}

/** A folder's files and folders, sorted by name; a folder that cannot be read goes to `onError`. */
function readFolder(folder: string, onError: (error: InputError) => void): Entry[] {
  let dirents;
  try {
    dirents = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    onError({ path: folder, reason: describe(error) });
    return [];
  }
  dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const entries: Entry[] = [];
  for (const dirent of dirents) {
    if (dirent.name.startsWith(".")) continue;
    const path = join(folder, dirent.name);
    if (dirent.isDirectory()) entries.push({ path, isFolder: true });
    else if (dirent.isFile()) entries.push({ path, isFolder: false });
  }
  return entries;
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file or folder; check the path";
  if (code === "EACCES") return "permission denied; check the file's permissions";
  return error instanceof Error ? error.message : String(error);
}

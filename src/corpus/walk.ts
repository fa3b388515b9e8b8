/**
 * walk: the files named on the command line, folders walked recursively (dotfiles and dot-folders
 * skipped), in a stable sorted order. A path that does not exist is an input error, not a crash.
 * Symbolic links are followed: a link to a file is read as a file under the link's own path, a
 * link to a folder is walked (each real folder once, so a link back up cannot loop), and a link
 * that leads nowhere is an input error.
 * `walkFiles` yields the files as it finds them, so parsing can start while the walk goes on (a
 * corpus of 60,000 one-article folders takes seconds to walk); `walk` collects them.
 */
import { readdirSync, readlinkSync, realpathSync, statSync } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { InputError } from "./collection.ts";

export interface Walked {
  files: string[];
  errors: InputError[];
}

/** `skip`: real paths of folders not to walk (a build's own output, when it lies in the content). */
export async function walk(paths: string[], skip: readonly string[] = []): Promise<Walked> {
  const files: string[] = [];
  const errors: InputError[] = [];
  for await (const file of walkFiles(paths, (error) => errors.push(error), skip)) files.push(file);
  return { files, errors };
}

/** Every file under `paths`, in order; a path that cannot be read goes to `onError`. */
export async function* walkFiles(
  paths: string[],
  onError: (error: InputError) => void,
  skip: readonly string[] = [],
): AsyncGenerator<string> {
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = (await stat(path)).isDirectory();
    } catch (error) {
      onError({ path, reason: describe(error, path) });
      continue;
    }
    if (isFolder) yield* walkFolder(path, onError, skip);
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
  skip: readonly string[],
): AsyncGenerator<string> {
  const root = realFolder(folder, onError);
  if (root === undefined) return;
  const stack: Entry[] = [{ path: folder, real: root }];
  const seen = new Set<string>(skip); // real paths of the folders walked, or not to walk
  let folders = 0;
  for (let entry; (entry = stack.pop());) {
    if (entry.real === undefined) {
      yield entry.path;
      continue;
    }
    if (seen.has(entry.real)) continue; // reached again through a link: walked already
    seen.add(entry.real);
    if (++folders % FOLDERS_PER_TURN === 0) await nextTurn();
    const inside = readFolder(entry, onError);
    for (let i = inside.length - 1; i >= 0; i--) stack.push(inside[i]!);
  }
}

interface Entry {
  path: string;
  /** A folder's real path (no links in it); undefined for a file. */
  real?: string;
}

/**
 * A folder's files and folders, sorted by name, links followed; a folder that cannot be read, and
 * a link that leads nowhere, go to `onError`. The real path of a folder that is no link is its
 * parent's joined with its name, so only links cost a `realpath`.
 */
function readFolder(folder: Entry, onError: (error: InputError) => void): Entry[] {
  let dirents;
  try {
    dirents = readdirSync(folder.path, { withFileTypes: true });
  } catch (error) {
    onError({ path: folder.path, reason: describe(error, folder.path) });
    return [];
  }
  dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const entries: Entry[] = [];
  for (const dirent of dirents) {
    if (dirent.name.startsWith(".")) continue;
    const path = join(folder.path, dirent.name);
    if (dirent.isDirectory()) entries.push({ path, real: join(folder.real!, dirent.name) });
    else if (dirent.isFile()) entries.push({ path });
    else if (dirent.isSymbolicLink()) {
      const entry = followLink(path, onError);
      if (entry) entries.push(entry);
    }
  }
  return entries;
}

/** What a link leads to: a file, a folder (with its real path), or an error; else undefined. */
function followLink(path: string, onError: (error: InputError) => void): Entry | undefined {
  try {
    const target = statSync(path);
    if (target.isDirectory()) return { path, real: realpathSync.native(path) };
    if (target.isFile()) return { path };
    return undefined; // a device or socket, skipped like one that is no link
  } catch (error) {
    onError({ path, reason: describe(error, path) });
    return undefined;
  }
}

function realFolder(folder: string, onError: (error: InputError) => void): string | undefined {
  try {
    return realpathSync.native(folder);
  } catch (error) {
    onError({ path: folder, reason: describe(error, folder) });
    return undefined;
  }
}

function describe(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") {
    const target = linkTarget(path);
    if (target !== undefined)
      return `symbolic link to ${target}, which does not exist; fix or remove the link`;
    return "no such file or folder; check the path";
  }
  if (code === "ELOOP") return "symbolic link that leads back to itself; fix or remove the link";
  if (code === "EACCES") return "permission denied; check the file's permissions";
  return error instanceof Error ? error.message : String(error);
}

/** Where the link at `path` points, or undefined when it is no link. */
function linkTarget(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

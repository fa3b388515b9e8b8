/**
 * walk: the files named on the command line, folders walked recursively (dotfiles and dot-folders
 * skipped), in a stable sorted order. A path that does not exist is an input error, not a crash.
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { InputError } from "./collect.ts";

export interface Walked {
  files: string[];
  errors: InputError[];
}

export async function walk(paths: string[]): Promise<Walked> {
  const files: string[] = [];
  const errors: InputError[] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) files.push(...(await walkFolder(path)));
      else files.push(path);
    } catch (error) {
      errors.push({ path, reason: describe(error) });
    }
  }
  return { files, errors };
}

async function walkFolder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...(await walkFolder(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file or folder; check the path";
  if (code === "EACCES") return "permission denied; check the file's permissions";
  return error instanceof Error ? error.message : String(error);
}

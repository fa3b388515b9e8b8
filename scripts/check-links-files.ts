/**
 * The files of a built site as scripts/check-links.ts sees them: its pages in a stable order, and
 * the file a site-relative path serves (itself, or a folder's index.html).
 */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

export type Target = { file: string; html: boolean } | { missing: string };

/** Every .html file under `dir`, as paths relative to it, in a stable order. */
export async function* htmlFiles(dir: string, sub = ""): AsyncGenerator<string> {
  const entries = await readdir(path.join(dir, sub), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) yield* htmlFiles(dir, rel);
    else if (entry.isFile() && entry.name.endsWith(".html")) yield rel;
  }
}

/** The file a site-relative path serves: itself, or index.html for a folder. */
export async function locate(root: string, rel: string): Promise<Target> {
  const candidate = path.join(root, rel);
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return { missing: rel };
  const asIndex = rel === "" || rel.endsWith("/");
  const file = asIndex ? path.join(candidate, "index.html") : candidate;
  const info = await stat(file).catch(() => undefined);
  if (info?.isFile()) return found(root, file);
  if (!asIndex && info?.isDirectory()) {
    const index = path.join(file, "index.html");
    if ((await stat(index).catch(() => undefined))?.isFile()) return found(root, index);
  }
  return { missing: path.relative(root, file).split(path.sep).join("/") || rel };
}

function found(root: string, file: string): Target {
  return {
    file: path.relative(root, file).split(path.sep).join("/"),
    html: file.endsWith(".html"),
  };
}

/**
 * The files of a built site as scripts/check-links.ts sees them: every file, listed once, and the
 * file a site-relative path serves (itself, or a folder's index.html).
 */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

export type Target = { file: string; html: boolean } | { missing: string };

/** Every file under `dir`, as paths relative to it joined with "/", in a stable order. */
export async function siteFiles(dir: string, sub = "", into: string[] = []): Promise<string[]> {
  const entries = await readdir(path.join(dir, sub), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) await siteFiles(dir, rel, into);
    else if (entry.isFile()) into.push(rel);
  }
  return into;
}

/**
 * The file a site-relative path serves: itself, or index.html for a folder. Looked up in `files`
 * (the site's listing) first: a stat per link target took longer than reading all the pages.
 * Anything else (a symbolic link, say) is asked of the file system.
 */
export async function locate(root: string, files: Set<string>, rel: string): Promise<Target> {
  const candidate = path.join(root, rel);
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return { missing: rel };
  const asIndex = rel === "" || rel.endsWith("/");
  const file = asIndex ? path.join(candidate, "index.html") : candidate;
  const listed = relative(root, file);
  if (files.has(listed)) return found(listed);
  if (!asIndex && files.has(`${listed}/index.html`)) return found(`${listed}/index.html`);
  const info = await stat(file).catch(() => undefined);
  if (info?.isFile()) return found(listed);
  if (!asIndex && info?.isDirectory()) {
    const index = path.join(file, "index.html");
    if ((await stat(index).catch(() => undefined))?.isFile()) return found(relative(root, index));
  }
  return { missing: listed || rel };
}

const relative = (root: string, file: string) =>
  path.relative(root, file).split(path.sep).join("/");

const found = (file: string): Target => ({ file, html: file.endsWith(".html") });

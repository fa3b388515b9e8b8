/**
 * Which file of the site a request path names, the way a static host finds it (the file, else
 * NAME.html, else NAME/index.html; a folder's index.html), without ever leaving the site: every
 * step from the root is looked at with lstat, and a symbolic link anywhere is "not found", so a
 * link to /etc/passwd, or to another page, serves nothing. Dot-segments are hidden too, however
 * they are spelled (/.kbsite/, /%2ekbsite/, /a%2f..%2f), as is any path that cannot be decoded.
 */
import { lstatSync, type Stats } from "node:fs";
import { join } from "node:path";

export interface SiteFile {
  /** The absolute path on disk. */
  path: string;
  /** The path within the site, "/"-separated: "search/index.html". */
  relative: string;
  stats: Stats;
}

/** The decoded segments of a site path, or undefined when one is hidden or it cannot be decoded. */
export function segmentsOf(pathname: string): string[] | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const segments = decoded.split("/").filter((segment) => segment !== "");
  const bad = (segment: string) => segment.startsWith(".") || segment.includes("\0");
  return segments.some(bad) ? undefined : segments;
}

/** The regular file at root/segments, reached through real folders only, or undefined. */
export function regularFile(root: string, segments: string[]): SiteFile | undefined {
  let path = root;
  let stats: Stats | undefined;
  for (const [index, segment] of segments.entries()) {
    path = join(path, segment);
    try {
      stats = lstatSync(path, { throwIfNoEntry: false });
    } catch {
      return undefined; // a name too long, a folder that cannot be read: not there, as for a host
    }
    if (!stats || stats.isSymbolicLink()) return undefined;
    if (index < segments.length - 1 && !stats.isDirectory()) return undefined;
  }
  if (!stats?.isFile()) return undefined;
  return { path, relative: segments.join("/"), stats };
}

/** The file a request path names: the file itself, NAME.html, or the folder's index.html. */
export function findFile(root: string, pathname: string): SiteFile | undefined {
  const segments = segmentsOf(pathname);
  if (!segments) return undefined;
  const index = [...segments, "index.html"];
  if (pathname.endsWith("/") || segments.length === 0) return regularFile(root, index);
  const last = segments[segments.length - 1]!;
  return (
    regularFile(root, segments) ??
    regularFile(root, [...segments.slice(0, -1), `${last}.html`]) ??
    regularFile(root, index)
  );
}

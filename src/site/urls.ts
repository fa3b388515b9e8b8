/**
 * URL rules. Article URLs are a contract: they are the paths of the long-standing public archive,
 * so old links keep working. Every other path segment derived from data goes through `slug`, so
 * no article can name a path outside the site.
 */

import * as browser from "../../layouts/assets/kb.js";

// One copy of the rules the browser needs too (ids, article paths, safe slugs, file stems),
// shared with the build: a safe path segment is lower-case [a-z0-9._-], no leading dot or dash,
// never "..".
export const { fileStem, slug } = browser;

const ID = /^Q([1-9][0-9]{0,8})$/;

/** "Q265433" → "265"; "Q50552" → "050": the number divided by 1000, zero-padded to three digits. */
export function bucket(id: string): string {
  const match = ID.exec(id);
  if (!match) throw new Error(`"${id}" is not an article id (Q and digits, no leading zeros)`);
  return String(Math.floor(Number(match[1]) / 1000)).padStart(3, "0");
}

/** "/kb/265/Q265433/"; throws for anything but a canonical id (the browser's rule does not check). */
export function articlePath(id: string): string {
  bucket(id);
  return `/${browser.articlePath(id)}`;
}

/**
 * Every common spelling of a KB id to its canonical form: "Q265433", "q265433", "KB265433",
 * "kb 265433", "265433" → "Q265433"; anything else → undefined.
 */
export function parseKbId(text: string): string | undefined {
  return browser.parseKbId(text) ?? undefined;
}

/** Page 1 keeps the list's first URL; later pages are N/ under it, as products' are. */
const paged = (base: string, page: number) => (page > 1 ? `${base}${page}/` : base);

export function productPath(code: string, page = 1): string {
  return paged(`/products/${slug(code)}/`, page);
}

export function keywordPath(keyword: string, page = 1): string {
  return paged(`/keywords/${slug(keyword)}/`, page);
}

/** "/files/rpcss.exe/": every article whose file table lists that file. */
export function filePath(name: string): string {
  return `/files/${slug(name)}/`;
}

/** The search page's lookup of file names by stem: "Rpcss.exe" and "rpcss" → "/file-stems/rpcss.json". */
export function fileStemPath(name: string): string {
  return `/file-stems/${slug(fileStem(name))}.json`;
}

export function yearPath(year: string, page = 1): string {
  return paged(`/years/${slug(year)}/`, page);
}

/** "/kb-archive", "kb-archive/", "" → "/kb-archive/" or "/": always one leading and one trailing slash. */
export function normalizePrefix(prefix: string | undefined): string {
  const inner = (prefix ?? "").split("/").filter(Boolean);
  if (inner.some((part) => part === "." || part === ".." || !/^[A-Za-z0-9._~-]+$/.test(part))) {
    throw new Error(
      `the prefix "${prefix}" has a segment that is not a plain path name; use e.g. /kb-archive/`,
    );
  }
  return inner.length ? `/${inner.join("/")}/` : "/";
}

/** A site path ("/kb/265/Q265433/") as served under the prefix ("/kb-archive/kb/265/Q265433/"). */
export function withPrefix(prefix: string, path: string): string {
  return prefix + path.replace(/^\/+/, "");
}

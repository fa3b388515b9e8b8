/**
 * URL rules, one copy for the build and the browser (esbuild bundles this file as
 * /assets/kb.js: src/generate/write/scripts.ts), so nothing here may import node. Article URLs are
 * a contract: they are the paths of the long-standing public archive, so old links keep working.
 * Every other path segment derived from data goes through `slug`, so no article can name a path
 * outside the site.
 */

const ID = /^Q([1-9][0-9]{0,8})$/;

/** "Q265433" → "265"; "Q50552" → "050": the number divided by 1000, zero-padded to three digits. */
export function bucket(id: string): string {
  const match = ID.exec(id);
  if (!match) throw new Error(`"${id}" is not an article id (Q and digits, no leading zeros)`);
  return String(Math.floor(Number(match[1]) / 1000)).padStart(3, "0");
}

/** "/kb/265/Q265433/"; throws for anything but a canonical id. */
export function articlePath(id: string): string {
  return `/kb/${bucket(id)}/${id}/`;
}

/**
 * Every common spelling of a KB id to its canonical form: "Q265433", "q265433", "KB265433",
 * "kb 265433", "265433" → "Q265433"; anything else → undefined.
 */
export function parseKbId(text: string): string | undefined {
  const match = /^\s*(?:q|kb)?\s*0*([1-9][0-9]{0,8})\s*$/i.exec(text);
  return match ? `Q${match[1]}` : undefined;
}

const RESERVED = new Set(["index.html", "index.json", "404.html"]);

/** A safe path segment: lower-case, only [a-z0-9._-], no leading dot or dash, never "..". */
export function slug(name: string): string {
  const s = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/\.{2,}/g, ".")
    .replace(/-{2,}/g, "-")
    .replace(/^[.-]+/, "")
    .replace(/[.-]+$/, "");
  if (s === "") return "_";
  return RESERVED.has(s) ? `_${s}` : s;
}

/** "Rpcss.exe" and "rpcss" → "rpcss". */
export function fileStem(name: string): string {
  return name.toLowerCase().replace(/\.[a-z0-9]{1,4}$/, "");
}

/** A query that may be a file name: one word, with or without an extension. */
export function looksLikeFileName(query: string): boolean {
  return /^[A-Za-z0-9_$~-][A-Za-z0-9_$~.-]*$/.test(query.trim());
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

/**
 * The list of every stem with a fileStemPath file (their slugs, sorted): the search page asks for a
 * stem's file only if it is listed, so a word no file table holds costs no request that 404s.
 * Outside /file-stems/, where a file named "index.exe" could not collide with it.
 */
export const FILE_STEMS_PATH = "/search/file-stems.json";

/** The slug a stem is listed under in FILE_STEMS_PATH. */
export const stemSlug = (name: string): string => slug(fileStem(name));

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

/** Link texts for wikis, as an article's copy buttons give them. */
export function formatLink(
  kind: "link" | "markdown" | "mediawiki" | "confluence",
  url: string,
  text: string,
): string {
  switch (kind) {
    case "markdown":
      return `[${text.replace(/([\\[\]])/g, "\\$1")}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
    case "mediawiki":
      return `[${url} ${text.replace(/]/g, "&#93;")}]`;
    case "confluence":
      return `[${text.replace(/[|\]]/g, " ")}|${url}]`;
    default:
      return url;
  }
}

// The site's URL rules for the browser: the same rules as src/site/urls.ts (tests check that the
// two agree). Pure functions only, so tests can import this file in Node.

/** "Q265433", "q265433", "KB265433", "kb 265433", "265433" → "Q265433"; otherwise null. */
export function parseKbId(text) {
  const match = /^\s*(?:q|kb)?\s*0*([1-9][0-9]{0,8})\s*$/i.exec(text);
  return match ? `Q${match[1]}` : null;
}

/** "Q265433" → "kb/265/Q265433/" (relative to the site prefix). */
export function articlePath(id) {
  const bucket = String(Math.floor(Number(id.slice(1)) / 1000)).padStart(3, "0");
  return `kb/${bucket}/${id}/`;
}

const RESERVED = new Set(["index.html", "index.json", "404.html"]);

/** A safe path segment: lower-case, only [a-z0-9._-], no leading dot or dash, never "..". */
export function slug(name) {
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
export function fileStem(name) {
  return name.toLowerCase().replace(/\.[a-z0-9]{1,4}$/, "");
}

/** The path of the file-name lookup the search page uses, relative to the prefix. */
export function fileStemPath(name) {
  return `file-stems/${slug(fileStem(name))}.json`;
}

/** A query that may be a file name: one word, with or without an extension. */
export function looksLikeFileName(query) {
  return /^[A-Za-z0-9_$~-][A-Za-z0-9_$~.-]*$/.test(query.trim());
}

/** Link texts for wikis: `kind` is "link", "markdown", "mediawiki" or "confluence". */
export function formatLink(kind, url, text) {
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

/**
 * What `kbsite serve` answers, the way a static host does: index.html for folders, the site's
 * 404.html with status 404 for anything missing, under the prefix the site was built with. The
 * site alone: a path with a segment that starts with a dot, however it is spelled (/.kbsite/,
 * /%2ekbsite/), is missing. HTML, JSON, JavaScript, CSS, XML and SVG are compressed (brotli or
 * gzip, as the browser accepts), as static hosts do; Pagefind's index files are gzip streams
 * already and go as they are, marked gzip. Other files are served by sirv.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import sirv from "sirv";

/**
 * Pagefind's index files are gzip streams already. Sent as such (Content-Encoding: gzip), the
 * browser inflates them natively, and Pagefind, finding them inflated, skips its own JavaScript
 * gunzip: on this machine that was a third of a phrase search's time to first results.
 */
const PAGEFIND_GZIP =
  /^\/pagefind\/(?:.*\/)?[^/]+\.(?:pf_meta|pf_index|pf_fragment|pf_filter|pagefind)$/;

/** The types worth compressing, by extension. */
const COMPRESSIBLE: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
};

/** Whether a path has a segment that starts with a dot once decoded (or cannot be decoded). */
export function hidden(pathname: string): boolean {
  return pathname.split("/").some((segment) => {
    try {
      return decodeURIComponent(segment).startsWith(".");
    } catch {
      return true;
    }
  });
}

/** "br", "gzip" or undefined, from an Accept-Encoding header (q=0 refuses). */
export function encodingFor(header: string | string[] | undefined): "br" | "gzip" | undefined {
  const accepted = new Set(
    String(header ?? "")
      .split(",")
      .map((part) => part.trim().split(";"))
      .filter(([, q]) => !q || !/^\s*q=0(?:\.0*)?\s*$/.test(q))
      .map(([name]) => name!.trim().toLowerCase()),
  );
  return accepted.has("br") ? "br" : accepted.has("gzip") ? "gzip" : undefined;
}

export function handler(dir: string, prefix: string) {
  const root = resolve(dir);
  const files = sirv(root, {
    dev: true,
    etag: true,
    dotfiles: false,
    setHeaders: (res, pathname) => {
      if (PAGEFIND_GZIP.test(pathname)) {
        res.setHeader("vary", "accept-encoding");
        if (/\bgzip\b/.test(String(res.req.headers["accept-encoding"] ?? "")))
          res.setHeader("content-encoding", "gzip");
      }
    },
  });
  const notFound = (res: ServerResponse) => {
    const page = join(root, "404.html");
    res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
    res.end(existsSync(page) ? readFileSync(page) : "Not found");
  };
  const compressed = new Compressed();
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? "/";
    if (
      prefix !== "/" &&
      (url === prefix.slice(0, -1) || url.startsWith(`${prefix.slice(0, -1)}?`))
    ) {
      res.writeHead(301, { location: prefix + url.slice(prefix.length - 1) });
      return void res.end();
    }
    if (!url.startsWith(prefix)) return notFound(res);
    req.url = "/" + url.slice(prefix.length);
    const pathname = req.url.split("?")[0]!;
    if (hidden(pathname)) return notFound(res);
    const encoding = encodingFor(req.headers["accept-encoding"]);
    const file = encoding && !PAGEFIND_GZIP.test(pathname) && fileOf(root, pathname);
    if (encoding && file) return compressed.send(req, res, file, encoding);
    files(req, res, () => notFound(res));
  };
}

/** The compressible file a path names, as sirv would find it, or undefined. */
function fileOf(root: string, pathname: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const base = resolve(root, `.${path}`);
  if (base !== root && !base.startsWith(root + sep)) return undefined;
  const candidates = path.endsWith("/")
    ? [join(base, "index.html")]
    : [base, `${base}.html`, join(base, "index.html")];
  return candidates.find((file) => {
    try {
      return COMPRESSIBLE[extname(file)] !== undefined && statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

/** Compressed files, kept while unchanged: a site's pages are asked for again and again. */
class Compressed {
  private readonly cache = new Map<string, { mtimeMs: number; body: Buffer }>();

  send(req: IncomingMessage, res: ServerResponse, file: string, encoding: "br" | "gzip"): void {
    const { mtimeMs, size } = statSync(file);
    const etag = `W/"${size}-${Math.round(mtimeMs)}-${encoding}"`;
    const headers = {
      "content-type": COMPRESSIBLE[extname(file)]!,
      "content-encoding": encoding,
      vary: "accept-encoding",
      etag,
      "cache-control": "no-cache",
    };
    if (req.headers["if-none-match"] === etag) return void res.writeHead(304, headers).end();
    const key = `${encoding}:${file}`;
    let entry = this.cache.get(key);
    if (!entry || entry.mtimeMs !== mtimeMs) {
      const bytes = readFileSync(file);
      const body =
        encoding === "br"
          ? brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
          : gzipSync(bytes);
      entry = { mtimeMs, body };
      if (this.cache.size > 500) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, entry);
    }
    res.writeHead(200, { ...headers, "content-length": entry.body.length });
    res.end(req.method === "HEAD" ? undefined : entry.body);
  }
}

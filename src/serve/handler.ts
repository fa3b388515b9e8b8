/**
 * What `kbsite serve` answers, the way a careful static host does: GET and HEAD only (405 with
 * Allow otherwise), index.html for folders, the site's 404.html with status 404 for anything
 * missing, hidden or reached through a symbolic link (files.ts), under the prefix the site was
 * built with. Files on disk go through send (ranges, ETag and conditional GET, HEAD); bodies in
 * another coding (encoding.ts) through sendBody, with the same range rules (ranges.ts). Every
 * answer carries the security headers (headers.ts), and an error inside one request is answered
 * 500 for it alone, in one log line: the server goes on.
 */
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { resolve } from "node:path";
import fresh from "fresh";
import send from "send";
import {
  chooseCoding,
  compressibleType,
  Encoded,
  isPagefindGzip,
  type Coding,
} from "./encoding.ts";
import { findFile, regularFile, type SiteFile } from "./files.ts";
import { ALLOWED_METHODS, SECURITY_HEADERS } from "./headers.ts";
import { answerRange, validRange } from "./ranges.ts";

export function handler(dir: string, prefix: string) {
  const root = resolve(dir);
  const encoded = new Encoded();
  const answer = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      const body = "Method not allowed: this site answers GET and HEAD.\n";
      res.writeHead(405, { allow: ALLOWED_METHODS, "content-type": "text/plain; charset=utf-8" });
      return void res.end(body);
    }
    const url = req.url ?? "/";
    const bare = prefix.slice(0, -1);
    if (prefix !== "/" && (url === bare || url.startsWith(`${bare}?`))) {
      res.writeHead(301, { location: prefix + url.slice(bare.length + 1) });
      return void res.end();
    }
    if (!url.startsWith(prefix)) return notFound(root, req, res);
    const pathname = "/" + url.slice(prefix.length).split("?")[0]!;
    const file = findFile(root, pathname);
    if (!file) return notFound(root, req, res);
    if (isPagefindGzip(file.relative)) {
      res.setHeader("vary", "Accept-Encoding");
      if (chooseCoding(req, ["gzip", "identity"]) === "gzip")
        return sendFile(root, file, req, res, { "content-encoding": "gzip" });
      const body = encoded.body(file, "identity", () => readFileSync(file.path));
      return sendBody(req, res, file, "identity", body, "application/octet-stream");
    }
    const type = compressibleType(file.relative);
    if (!type) return sendFile(root, file, req, res, {});
    res.setHeader("vary", "Accept-Encoding");
    const coding = chooseCoding(req, ["br", "gzip", "identity"]);
    if (coding === "identity") return sendFile(root, file, req, res, { "content-type": type });
    const body = encoded.body(file, coding, () => readFileSync(file.path));
    sendBody(req, res, file, coding, body, type);
  };
  return (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    try {
      answer(req, res);
    } catch (error) {
      failed(req, res, error);
    }
  };
}

/** The site's 404.html (a regular file, not a link) with status 404, or a line of text. */
function notFound(root: string, req: IncomingMessage, res: ServerResponse): void {
  const page = regularFile(root, ["404.html"]);
  const body = page ? readFileSync(page.path) : Buffer.from("Not found\n");
  res.writeHead(404, {
    "content-type": page ? "text/html; charset=utf-8" : "text/plain; charset=utf-8",
    "content-length": body.length,
    "cache-control": "no-cache",
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

/** One request failed: 500 for it (or its connection cut when the answer had begun), one line. */
function failed(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  const why = error instanceof Error ? error.message : String(error);
  console.error(`kbsite serve: ${req.method} ${JSON.stringify(req.url)} failed (500): ${why}`);
  if (res.headersSent) return void res.destroy();
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
  res.end("Internal server error\n");
}

/** A file as it is on disk, through send, with `headers` added. */
function sendFile(
  root: string,
  file: SiteFile,
  req: IncomingMessage,
  res: ServerResponse,
  headers: Record<string, string>,
): void {
  const range = validRange(req.headers.range);
  if (range) req.headers.range = range;
  else delete req.headers.range;
  const path = "/" + file.relative.split("/").map(encodeURIComponent).join("/");
  send(req, path, { root, dotfiles: "allow", index: false, cacheControl: false })
    .on("headers", (out: ServerResponse) => {
      out.setHeader("cache-control", "no-cache");
      for (const [name, value] of Object.entries(headers)) out.setHeader(name, value);
    })
    .on("error", (error: Error & { status?: number; headers?: Record<string, string> }) => {
      const status = error.status ?? 500;
      if (status === 404) return notFound(root, req, res); // gone between the lstat and the read
      if (status >= 500 || res.headersSent) return failed(req, res, error);
      res.removeHeader("content-encoding");
      res.writeHead(status, { ...error.headers, "content-type": "text/plain; charset=utf-8" });
      res.end(`${error.message}\n`);
    })
    .pipe(res);
}

/** A body held in memory (a file in another coding), with ETag, conditional GET and ranges. */
function sendBody(
  req: IncomingMessage,
  res: ServerResponse,
  file: SiteFile,
  coding: Coding,
  body: Buffer,
  type: string,
): void {
  const { size, mtime } = file.stats;
  const etag = `W/"${size.toString(16)}-${mtime.getTime().toString(16)}-${coding}"`;
  const lastModified = mtime.toUTCString();
  res.setHeader("etag", etag);
  res.setHeader("last-modified", lastModified);
  res.setHeader("cache-control", "no-cache");
  res.setHeader("accept-ranges", "bytes");
  if (fresh(req.headers, { etag, "last-modified": lastModified }))
    return void res.writeHead(304).end();
  // If-Range names the version the client holds; a range of another version is no use to it.
  const ifRange = req.headers["if-range"];
  const range =
    ifRange === undefined || ifRange === etag ? validRange(req.headers.range) : undefined;
  const answer = answerRange(body.length, range);
  if (answer.status === 416) {
    res.writeHead(416, { "content-range": answer.contentRange, "content-type": "text/plain" });
    return void res.end("Range not satisfiable\n");
  }
  const part = answer.status === 206 ? body.subarray(answer.start, answer.end + 1) : body;
  res.writeHead(answer.status, {
    "content-type": type,
    ...(coding === "identity" ? {} : { "content-encoding": coding }),
    ...(answer.status === 206 ? { "content-range": answer.contentRange } : {}),
    "content-length": part.length,
  });
  res.end(req.method === "HEAD" ? undefined : part);
}

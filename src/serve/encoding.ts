/**
 * Which content coding an answer goes in, by the client's Accept-Encoding with its q-values
 * (negotiator: q=0 refuses, "*" stands for the rest, no header means identity only), and the
 * encoded bodies, kept while their file is unchanged: a site's pages are asked for again and again.
 */
import type { IncomingMessage } from "node:http";
import { extname } from "node:path";
import { brotliCompressSync, constants, gunzipSync, gzipSync } from "node:zlib";
import Negotiator from "negotiator";
import type { SiteFile } from "./files.ts";

export type Coding = "br" | "gzip" | "identity";

/** The types worth compressing, by extension. */
export const COMPRESSIBLE: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Pagefind's index files are gzip streams on disk. Sent as such (Content-Encoding: gzip), the
 * browser inflates them natively, and Pagefind, finding them inflated, skips its own JavaScript
 * gunzip: a third of a phrase search's time to first results. A client that refuses gzip gets
 * them inflated (Pagefind reads both).
 */
export function isPagefindGzip(relative: string): boolean {
  return /^pagefind\/(?:.*\/)?[^/]+\.(?:pf_meta|pf_index|pf_fragment|pf_filter|pagefind)$/.test(
    relative,
  );
}

/** The compressible type of a file, or undefined. */
export function compressibleType(relative: string): string | undefined {
  return COMPRESSIBLE[extname(relative).toLowerCase()];
}

/** The coding to answer in, of those `available` (best first when the client has no preference). */
export function chooseCoding(req: IncomingMessage, available: Coding[]): Coding {
  // @types/negotiator lacks the options argument negotiator 1 takes.
  const negotiator = new Negotiator(req) as unknown as {
    encodings(available: string[], options: { preferred: string[] }): string[];
  };
  const [best] = negotiator.encodings(available, { preferred: available });
  // Nothing acceptable (identity;q=0 with the rest refused): RFC 9110 lets us send identity.
  return (best as Coding | undefined) ?? "identity";
}

/** A file's body in a coding it is not stored in: compressed, or (Pagefind's) inflated. */
export class Encoded {
  private readonly cache = new Map<string, { mtimeMs: number; size: number; body: Buffer }>();

  body(file: SiteFile, coding: Coding, bytes: () => Buffer): Buffer {
    const key = `${coding}:${file.path}`;
    const { mtimeMs, size } = file.stats;
    const kept = this.cache.get(key);
    if (kept && kept.mtimeMs === mtimeMs && kept.size === size) return kept.body;
    const raw = bytes();
    const body =
      coding === "br"
        ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
        : coding === "gzip"
          ? gzipSync(raw)
          : gunzipSync(raw);
    if (this.cache.size > 500) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { mtimeMs, size, body });
    return body;
  }
}

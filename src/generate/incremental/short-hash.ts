/**
 * shortHash: the one recipe behind every key the build keeps in its manifest and parse cache
 * (records, pages, browse pages, search records, file contents): 16 characters of a SHA-1, enough
 * to tell versions of one thing apart, short enough for 120k of them in a manifest.
 */
import { createHash } from "node:crypto";

export function shortHash(content: string | Uint8Array): string {
  return createHash("sha1").update(content).digest("base64url").slice(0, 16);
}

/** One file from disk to a ParseResult: a file that cannot be read is reported like a bad article. */
import { readFileSync } from "node:fs";
import { parseArticle, type ParseResult } from "../parser/index.ts";

// Anything bigger is not a KB article; refusing it keeps a stray disk image from exhausting memory.
const MAX_BYTES = 64 * 1024 * 1024;

export function readOne(path: string): ParseResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    return { ok: false, path, reason: `cannot read the file (${code || String(error)})` };
  }
  if (bytes.length > MAX_BYTES) return { ok: false, path, reason: "file too large (over 64 MB)" };
  return parseArticle(bytes, path);
}

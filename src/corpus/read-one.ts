/** One file from disk to a ParseResult: a file that cannot be read is reported like a bad article. */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { parseArticle, type ParseResult } from "../parser/index.ts";

// Anything bigger is not a KB article; refusing it keeps a stray disk image from exhausting memory.
const MAX_BYTES = 64 * 1024 * 1024;
// Nearly every article fits: one buffer reused for all of them spares a stat and an allocation
// per file (5 % of parsing the corpus). Its bytes are only valid until the next read.
const SCRATCH = Buffer.allocUnsafe(1024 * 1024);

export function readOne(path: string): ParseResult {
  let bytes: Buffer | undefined;
  try {
    bytes = readBytes(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    return { ok: false, path, reason: `cannot read the file (${code || String(error)})` };
  }
  if (!bytes) return { ok: false, path, reason: "file too large (over 64 MB)" };
  return parseArticle(bytes, path);
}

/** The file's bytes, or undefined when it is over MAX_BYTES. */
function readBytes(path: string): Buffer | undefined {
  const fd = openSync(path, "r");
  try {
    const read = readSync(fd, SCRATCH, 0, SCRATCH.length, 0);
    if (read < SCRATCH.length) return SCRATCH.subarray(0, read);
    // Too big for the scratch buffer: size it first, so a huge file is refused unread.
    const size = fstatSync(fd).size;
    return size > MAX_BYTES ? undefined : readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * decode: the one place bytes become text. Every later stage sees one clean string: no BOM,
 * "\n" line endings, cp1252 bytes turned into their characters.
 */
import { ParseError } from "./errors.ts";

const UTF8 = new TextDecoder("utf-8", { fatal: true });
// The flat-text archive is cp1252 (0x92 is ’, 0x93/0x94 are “ ”); used when bytes are not UTF-8.
const CP1252 = new TextDecoder("windows-1252");
const CONTROL = /[\x00-\x08\x0e-\x1a\x1c-\x1f]/g;
const SNIFF_BYTES = 8192;

export function decode(input: Buffer | string): string {
  const raw = typeof input === "string" ? input : bytesToText(input);
  if (isBinary(raw))
    throw new ParseError("binary file (NUL or control bytes); expected a text article");
  const text = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.trim() === "") throw new ParseError("empty file");
  return text;
}

function bytesToText(bytes: Buffer): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    return CP1252.decode(bytes);
  }
}

/** NUL anywhere, or many control characters near the start, means this is not an article. */
function isBinary(text: string): boolean {
  if (text.includes("\0")) return true;
  const head = text.slice(0, SNIFF_BYTES);
  const controls = head.match(CONTROL)?.length ?? 0;
  return controls > head.length / 20;
}

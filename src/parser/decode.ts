/**
 * decode: the one place bytes become text. Every later stage sees one clean string: no BOM,
 * "\n" line endings, cp1252 bytes turned into their characters, UTF-16 with a byte-order mark
 * (as Notepad saves "Unicode") read as such rather than called binary for its NUL bytes.
 */
import { ParseError } from "./errors.ts";

const UTF8 = new TextDecoder("utf-8", { fatal: true });
// The flat-text archive is cp1252 (0x92 is ’, 0x93/0x94 are “ ”), used when bytes are not UTF-8.
// Node's TextDecoder("windows-1252") decodes as Latin-1, so 0x80-0x9F are mapped here.
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const C1 = /[\x80-\x9f]/g;
const CONTROL = /[\x00-\x08\x0e-\x1a\x1c-\x1f]/g;
const ANY_CONTROL = /[\x00-\x08\x0e-\x1a\x1c-\x1f]/;
// A binary file shows itself in its first kilobyte; scanning 8 kB of every article cost 3 % of parsing.
const SNIFF_CHARS = 1024;
const BOM = "\uFEFF";
const CR_LINE_END = /\r\n?/g;
const CRLF = /\r\n/g;

export function decode(input: Buffer | string): string {
  const raw = typeof input === "string" ? input : bytesToText(input);
  if (isBinary(raw))
    throw new ParseError("binary file (NUL or control bytes); expected a text article");
  const unmarked = raw.startsWith(BOM) ? raw.slice(1) : raw;
  // Most Jekyll files have no "\r" at all; looking for one is far cheaper than a replace.
  const text = unmarked.includes("\r") ? toLf(unmarked) : unmarked;
  if (text.trim() === "") throw new ParseError("empty file");
  return text;
}

const UTF16LE = new TextDecoder("utf-16le", { fatal: true });
const UTF16BE = new TextDecoder("utf-16be", { fatal: true });

function bytesToText(bytes: Buffer): string {
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? UTF16LE
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? UTF16BE
        : undefined;
  if (utf16)
    try {
      return utf16.decode(bytes); // the decoder drops the mark
    } catch {
      throw new ParseError("UTF-16 byte-order mark, but not UTF-16 text; save the file as UTF-8");
    }
  try {
    return UTF8.decode(bytes);
  } catch {
    return bytes.toString("latin1").replace(C1, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
  }
}

/** CRLF first (a fixed pattern is the fastest replace), then any lone CR that is left. */
function toLf(text: string): string {
  const crlf = text.replace(CRLF, "\n");
  return crlf.includes("\r") ? crlf.replace(CR_LINE_END, "\n") : crlf;
}

/** NUL anywhere, or many control characters near the start, means this is not an article. */
function isBinary(text: string): boolean {
  if (text.includes("\0")) return true;
  const head = text.slice(0, SNIFF_CHARS);
  if (!ANY_CONTROL.test(head)) return false;
  const controls = head.match(CONTROL)?.length ?? 0;
  return controls > head.length / 20;
}

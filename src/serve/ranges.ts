/**
 * Range requests per RFC 9110 §14: a Range header counts only when it is a well-formed bytes
 * ranges-specifier (every range-spec "first-last" with last ≥ first, "first-" or "-suffix");
 * anything else, a reversed range included (§14.1.1 calls it invalid), is ignored and the whole
 * file is sent with 200. range-parser then says which bytes: one range → 206, none satisfiable →
 * 416 with "Content-Range: bytes *\/size", several → the whole file with 200 (allowed, and simpler
 * for clients than multipart).
 */
import parseRange from "range-parser";

/** The header in the form range-parser and send read ("bytes=0-9,-5"), or undefined to ignore. */
export function validRange(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const found = /^\s*bytes\s*=(.*)$/i.exec(header);
  if (!found) return undefined;
  // A list may hold empty elements (RFC 9110 §5.6.1), but not only those.
  const specs = found[1]!
    .split(",")
    .map((spec) => spec.trim())
    .filter((spec) => spec !== "");
  const valid = (spec: string) => {
    const range = /^(\d+)-(\d*)$/.exec(spec);
    if (range) return range[2] === "" || BigInt(range[2]!) >= BigInt(range[1]!);
    return /^-\d+$/.test(spec);
  };
  return specs.length > 0 && specs.every(valid) ? `bytes=${specs.join(",")}` : undefined;
}

export type RangeAnswer =
  | { status: 200 }
  | { status: 206; start: number; end: number; contentRange: string }
  | { status: 416; contentRange: string };

/** How to answer a (valid) Range header for a body of `size` bytes. */
export function answerRange(size: number, range: string | undefined): RangeAnswer {
  if (range === undefined) return { status: 200 };
  const ranges = parseRange(size, range, { combine: true });
  if (ranges === -1) return { status: 416, contentRange: `bytes */${size}` };
  if (ranges === -2 || ranges.length !== 1) return { status: 200 };
  const { start, end } = ranges[0]!;
  return { status: 206, start, end, contentRange: `bytes ${start}-${end}/${size}` };
}

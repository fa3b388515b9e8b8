// Numbers as text, for the word index's postings (postings.ts) and the filters' id lists:
// base64url digits, five bits per digit, low bits first, a digit of 32 or more saying that another
// follows (a varint); ids as the gap from the previous id's number, in id order.

const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
export const DIGIT_CODES = [...DIGITS].map((c) => c.charCodeAt(0));
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i++) VALUE[DIGITS.charCodeAt(i)] = i;

/** `value` as a varint, pushed onto `codes`. */
export function pushVarint(codes: number[], value: number): void {
  while (value >= 32) {
    codes.push(DIGIT_CODES[32 | (value & 31)]!);
    value = Math.floor(value / 32);
  }
  codes.push(DIGIT_CODES[value]!);
}

/** Character codes → their text (in slices: a spread of millions overflows the stack). */
export function text(codes: readonly number[]): string {
  let out = "";
  for (let i = 0; i < codes.length; i += 8192)
    out += String.fromCharCode(...codes.slice(i, i + 8192));
  return out;
}

/** A reader of varints and digits over `text` from `at`; throws on a character not a digit. */
export function reader(text: string, at = 0) {
  const digit = () => {
    const value = VALUE[text.charCodeAt(at++)] ?? -1;
    if (value < 0) throw new Error(`postings: not a base64url digit at ${at - 1}`);
    return value;
  };
  return {
    at: () => at,
    more: () => at < text.length,
    digit,
    varint() {
      let value = 0;
      let scale = 1;
      let d: number;
      while ((d = digit()) >= 32) {
        value += (d & 31) * scale;
        scale *= 32;
      }
      return value + d * scale;
    },
  };
}

/** Id numbers in order ([5, 7, 265433]) → a filter's text, gaps alone ("FCymjI"). */
export function encodeIds(ids: readonly number[]): string {
  const codes: number[] = [];
  let previous = 0;
  for (const id of ids) (pushVarint(codes, id - previous), (previous = id));
  return text(codes);
}

/** A filter's text → id numbers. */
export function decodeIds(text: string): number[] {
  const read = reader(text);
  const ids: number[] = [];
  let id = 0;
  while (read.more()) ids.push((id += read.varint()));
  return ids;
}

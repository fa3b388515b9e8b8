/**
 * The pure half of the search test set's recipe (issue 12; scripts/search-cases.ts runs it): the
 * seeded PRNG, the normal form a string is matched in, and the four kinds of string people paste
 * into a search box (messages, identifiers, hex codes, registry paths), found in an article's text
 * as it is printed. Nothing here reads a file, so the corpus test can try it on hand-written text.
 */
import { messages } from "./search-cases-messages.ts";
import { paragraphs, type Found, type Kind, type Paragraph } from "./search-cases-text.ts";

export { KINDS, paragraphs, type Found, type Kind, type Paragraph } from "./search-cases-text.ts";

/** mulberry32: a tiny seeded PRNG, so the same seed picks the same set on any machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed of its own for each article, so its pick does not depend on which articles came before. */
export function articleSeed(seed: number, id: string): number {
  let h = seed >>> 0;
  for (const c of id) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

/** Fisher–Yates with the given PRNG; returns a new array. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The form strings are compared in: lower-case, each run of white space one space, trimmed. */
export function normalize(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const isWordChar = (c: string | undefined) => c !== undefined && WORD_CHAR.test(c);

/**
 * Whether normalized `haystack` holds normalized `needle` at word boundaries: "services\spooler"
 * is in "…\services\spooler\printers", "0x0000001e" is not in "0x0000001e5".
 */
export function holdsAt(haystack: string, needle: string): boolean {
  const open = isWordChar(needle[0]);
  const close = isWordChar(needle[needle.length - 1]);
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    if (open && isWordChar(haystack[at - 1])) continue;
    if (close && isWordChar(haystack[at + needle.length])) continue;
    return true;
  }
  return false;
}

// kb keywords, names (McDonald, LeDoux) and ids glued to a word by the text ("Q149522System").
const NOT_CAMEL = /^(kb[A-Z]|(Mc|Mac|Le|La|De|Di|Du|Van|Von)[A-Z][a-z]+$|Q\d)/;

/** CamelCase with two humps or more (CoCreateInstance, lpfnWndProc), not a kb keyword or a Mc name. */
export function isCamel(word: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9]{5,}$/.test(word) || NOT_CAMEL.test(word)) return false;
  return (word.match(/[A-Z][a-z][a-z0-9]*/g)?.length ?? 0) >= 2 && /[a-z0-9][A-Z]/.test(word);
}

/** UPPER_SNAKE with two parts or more (RPC_S_OUT_OF_MEMORY); a registry root is not one. */
export function isUpperSnake(word: string): boolean {
  if (!/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(word) || word.startsWith("HKEY_")) return false;
  return (word.match(/[A-Z]/g)?.length ?? 0) >= 4;
}

export const isIdentifier = (word: string) => isCamel(word) || isUpperSnake(word);

/**
 * Whether a hex number is a code people paste: "0x" and 4–7 digits (0x2000), or 8 digits that
 * look like a STOP code, an HRESULT or an NTSTATUS (0x0000001E, 0x80070005, c0000005; bare ones
 * need a letter), not an address from a stack dump (77f674e0, 0x684041d8).
 */
export function isHexCode(code: string): boolean {
  const digits = code.replace(/^(STOP:?\s+)?0x/i, "");
  const prefixed = digits.length < code.length;
  if (digits.length !== 8) return prefixed && digits.length >= 4 && digits.length < 8;
  if (!/^(0000|8|c|e)/i.test(digits)) return false;
  return prefixed || (/[a-f]/i.test(digits) && /^(8|c0)/i.test(digits));
}

const EDGE = String.raw`(?<![\p{L}\p{N}_])`;
const END = String.raw`(?![\p{L}\p{N}_])`;
const WORDS = new RegExp(`${EDGE}[A-Za-z][A-Za-z0-9_]*${END}`, "gu");
const HEX = new RegExp(`${EDGE}(?:(?:STOP:?\\s+)?0x[0-9A-Fa-f]{4,}|[0-9A-Fa-f]{8})${END}`, "gu");
const ROOT =
  "HKEY_(?:LOCAL_MACHINE|CURRENT_USER|CLASSES_ROOT|USERS|CURRENT_CONFIG|DYN_DATA)|HK(?:LM|CU|CR|U|CC)";
// A key's name may hold spaces ("Windows NT"); a spaced name must be followed by "\" and each of
// its further words start with a capital or a digit, so "\Software and then…" is not taken.
const SEG = String.raw`[\w.{}$&#@~+%-]+`;
const SPACED = String.raw`${SEG}(?:[ \t]*\n?[ \t]*(?!HK)[A-Z0-9{]${SEG}){1,2}(?=\\)`;
const REGISTRY = new RegExp(`${EDGE}(?:${ROOT})(?:\\\\(?:${SPACED}|${SEG}))+`, "gu");

/** Hex codes of a paragraph, with "STOP " kept when the text has it. */
function hexCodes(p: Paragraph): Found[] {
  return [...p.text.matchAll(HEX)]
    .filter((m) => isHexCode(m[0]))
    .map((m) => ({ kind: "hex", text: m[0], start: p.start + m.index }));
}

function identifiers(p: Paragraph): Found[] {
  return [...p.text.matchAll(WORDS)]
    .filter((m) => isIdentifier(m[0]))
    .map((m) => ({ kind: "identifier", text: m[0], start: p.start + m.index }));
}

/**
 * Full registry paths (a trailing "\" or "." cut) with two keys or more below the root. A path
 * followed by a capital word is left out: "…\Image File Execution Options" or "…\Winlogon Key"?
 */
function registryPaths(p: Paragraph): Found[] {
  return [...p.text.matchAll(REGISTRY)]
    .filter((m) => !/^[ \t]+[A-Z]/.test(p.text.slice(m.index + m[0].length)))
    .map((m) => ({
      kind: "registry" as const,
      text: m[0].replace(/[\\.]+$/, ""),
      start: p.start + m.index,
    }))
    .filter((f) => registryParts(f.text).length >= 2 && !/ -|- /.test(f.text));
}

/** The key names of a registry path below its root. */
export const registryParts = (path: string) => path.split("\\").slice(1);

/** All the strings of one kind in an article's joined section text, past `from`, not boilerplate. */
export function findAll(text: string, from: number, kind: Kind): Found[] {
  const pick = {
    message: messages,
    identifier: identifiers,
    hex: hexCodes,
    registry: registryPaths,
  }[kind];
  const all = paragraphs(text);
  return all
    .flatMap((p, i) => (p.boilerplate ? [] : pick(p, all[i - 1])))
    .filter((f) => f.start >= from);
}

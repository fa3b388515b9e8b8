/**
 * The Jekyll form's front matter: its title, and the content after it. What gray-matter does
 * with a "---" block is kept: it ends at the first "\n---" (or the end of the file when there is
 * none), a block of nothing but blank and "#" comment lines is empty data, and anything else is
 * read by gray-matter's own YAML engine (js-yaml's safeLoad). Going through `matter()` cost as
 * much again as the YAML itself (it copies its input into a Buffer and rebuilds its options).
 *
 * The archive's blocks are a few `key: value` lines, and js-yaml took ~8 % of parsing them. A
 * block that is only such lines — plain words or paths, or a double-quoted title without escapes,
 * each key once, printable ASCII — means what it says, so it is read directly; anything else goes
 * to js-yaml, which also names the fault when there is one.
 */
import matter from "gray-matter";
import { ParseError } from "../errors.ts";

const OPEN = "---\n";
const CLOSE = "\n---";
const LEADING_NEWLINE = /^\r?\n/;
// gray-matter drops these lines before deciding whether a block is empty.
const COMMENT_LINE = /^\s*#[^\n]+/gm;
// (gray-matter exports its engine table, but its typings leave it out.)
const YAML = (matter as unknown as { engines: { yaml: { parse: (block: string) => unknown } } })
  .engines.yaml;

// Lines js-yaml reads as a one-key mapping of a string, and nothing else: a key of letters,
// digits and "-"; a value that is a word or path, or in double quotes with no escape.
const SIMPLE_LINE = /^([A-Za-z][A-Za-z0-9-]*): (?:[A-Za-z0-9/][A-Za-z0-9/._-]*|"([ !#-[\]-~]*)")$/;

export interface FrontMatter {
  /** The `title` value; "" when there is none or it is not a string. */
  title: string;
  content: string;
}

export function frontMatter(text: string): FrontMatter {
  const close = text.indexOf(CLOSE, OPEN.length - 1);
  const block = text.slice(OPEN.length - 1, close === -1 ? text.length : close);
  const content = close === -1 ? "" : text.slice(close + CLOSE.length).replace(LEADING_NEWLINE, "");
  const fast = simpleTitle(block);
  const title = fast !== undefined ? fast : yamlData(block).title;
  return { title: typeof title === "string" ? title : "", content };
}

/** The title of a block of simple lines only (the first is the empty rest of "---"); else undefined. */
function simpleTitle(block: string): string | undefined {
  const lines = block.split("\n");
  if (lines[0] !== "") return undefined;
  const keys = new Set<string>();
  let title: string | undefined;
  for (let i = 1; i < lines.length; i++) {
    const m = SIMPLE_LINE.exec(lines[i]!);
    if (!m || keys.has(m[1]!)) return undefined; // js-yaml refuses a key given twice
    keys.add(m[1]!);
    if (m[1] === "title") title = m[2]; // a plain title word is left to js-yaml
  }
  return title;
}

function yamlData(block: string): Record<string, unknown> {
  if (block.replace(COMMENT_LINE, "").trim() === "") return {};
  try {
    // Not checked: a block that is no mapping (null) fails as it always has, as a parser bug.
    return YAML.parse(block) as Record<string, unknown>;
  } catch (error) {
    const first = error instanceof Error ? error.message.split("\n")[0]! : String(error);
    const reason = first.replace(/:\s*$/, "");
    throw new ParseError(`malformed front matter: ${reason}; fix the YAML between the --- lines`);
  }
}

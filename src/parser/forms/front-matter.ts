/**
 * The Jekyll form's front matter: its title, and the content after it, as gray-matter reads them.
 *
 * The archive's blocks are a few `key: value` lines (all but one of 60,335), and gray-matter with
 * its YAML engine took ~16 % of parsing them: it copies its input and rebuilds its options per
 * call, then js-yaml reads the block. A block that is only such lines — plain words or paths, or
 * a double-quoted title without escapes, each key once, printable ASCII — means what it says, so
 * it is read directly, with gray-matter's split (the block ends at the first "\n---", or the end
 * of the file when there is none). Anything else goes to `matter()` itself, which also names the
 * fault when there is one. tests/parser/front-matter.test.ts holds the two to the same answers.
 */
import matter from "gray-matter";
import { ParseError } from "../errors.ts";

const OPEN = "---\n";
const CLOSE = "\n---";
const LEADING_NEWLINE = /^\r?\n/;

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
  const title = simpleTitle(text.slice(OPEN.length - 1, close === -1 ? text.length : close));
  if (title === undefined) return viaGrayMatter(text);
  const content = close === -1 ? "" : text.slice(close + CLOSE.length).replace(LEADING_NEWLINE, "");
  return { title, content };
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

function viaGrayMatter(text: string): FrontMatter {
  try {
    // Options given, so gray-matter does not keep every input in its cache.
    const { data, content } = matter(text, {});
    // Not checked: a block that is no mapping (null) fails as it always has, as a parser bug.
    const title = (data as Record<string, unknown>).title;
    return { title: typeof title === "string" ? title : "", content };
  } catch (error) {
    const first = error instanceof Error ? error.message.split("\n")[0]! : String(error);
    const reason = first.replace(/:\s*$/, "");
    throw new ParseError(`malformed front matter: ${reason}; fix the YAML between the --- lines`);
  }
}

/**
 * HTML by tagged template: `markup\`<p>${text}</p>\`` escapes every interpolated value unless it is
 * itself the result of `markup` or `raw`. Templates never concatenate markup by hand, so article text
 * (titles, bodies, keywords, file names) can only ever appear as text.
 *
 * The templates are indented for their readers, not the site's: `markup` drops the indentation of
 * its own literal text (never of the values: article text inside <pre> keeps every space), which
 * was ~a quarter of an article page's bytes. A line break stays a line break where it may show
 * (between inline elements or words), and goes where it never does: beside a block's tag, or
 * before a tag's closing ">" (prettier's way of keeping whitespace out of inline text).
 */
import MarkdownIt from "markdown-it";

export const escapeHtml: (text: string) => string = new MarkdownIt().utils.escapeHtml;

/** Markup that is already safe: the output of `markup`, or trusted markup passed through `raw`. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Part = Html | string | number | undefined | null | false | Part[];

/** Trusted markup, kept as it is: only for strings the site itself authored. */
export function raw(markup: string): Html {
  return new Html(markup);
}

function render(part: Part): string {
  if (part === undefined || part === null || part === false) return "";
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join("");
  return escapeHtml(String(part));
}

/**
 * Elements that are blocks (or table parts, or in the head) as the site's CSS draws them: a line
 * break just inside or outside one is never drawn (it starts or ends a line, or sits between
 * boxes), so it goes too. Not the inline ones (a, span, label, input, button, time, script…),
 * where a break between two of them shows as a space.
 */
const BLOCK = new Set(
  (
    "html head title meta link body header footer main nav section article aside div p " +
    "h1 h2 h3 h4 h5 h6 ul ol li dl dt dd table thead tbody tr th td form fieldset"
  ).split(" "), // not pre: a break before its </pre> is inside it, and shows
);

/** Whether the break at `at` is just before a block's tag (`\n<div`, `\n</p`) or just after one (`<li>\n`). */
function besideBlock(text: string, at: number): boolean {
  const next = /^<\/?([a-z0-9]+)[\s/>]/.exec(text.slice(at + 1));
  if (next && BLOCK.has(next[1]!)) return true;
  if (text[at - 1] !== ">") return false;
  const prev = /^<\/?([a-z0-9]+)/.exec(text.slice(text.lastIndexOf("<", at - 1)));
  return prev !== null && BLOCK.has(prev[1]!);
}

/**
 * A template's literal text without indentation: "\n    <em>" → "\n<em>", "</a\n    >" →
 * "</a>", and no break beside a block's tag: "<li>\n  <a" → "<li><a".
 */
export function unindent(text: string): string {
  return text
    .replace(/\n[ \t]+/g, "\n")
    .replace(/\n>/g, ">")
    .replace(/\n/g, (br, at: number, all: string) => (besideBlock(all, at) ? "" : br));
}

// A call site's strings are one frozen array for the life of the program: squeeze each once.
const unindented = new WeakMap<TemplateStringsArray, string[]>();

function literalText(strings: TemplateStringsArray): string[] {
  let text = unindented.get(strings);
  if (!text) unindented.set(strings, (text = strings.map(unindent)));
  return text;
}

export function markup(strings: TemplateStringsArray, ...values: Part[]): Html {
  const text = literalText(strings);
  let out = text[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (text[i + 1] ?? "");
  return new Html(out);
}

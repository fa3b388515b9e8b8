/**
 * HTML by tagged template: `markup\`<p>${text}</p>\`` escapes every interpolated value unless it is
 * itself the result of `markup` or `raw`. Templates never concatenate markup by hand, so article text
 * (titles, bodies, keywords, file names) can only ever appear as text.
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

export function markup(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? "");
  return new Html(out);
}

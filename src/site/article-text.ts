/**
 * Article text to HTML. The text is plain monospace-era prose, never markup: every character is
 * escaped, and only these shapes are recognised — paragraphs (blank-line separated, hard-wrapped
 * lines joined), " - " lists, indented or tabular blocks as <pre>, hotfix file tables as <table>,
 * http(s) URLs and KB ids of articles the site has as links.
 */
import { FileTables, fileTable } from "./file-table.ts";
import { markup, type Html } from "./html.ts";
import { articlePath } from "./urls.ts";

export interface TextContext {
  /** Whether the site has this article: only those ids become links. */
  has(id: string): boolean;
  /** A site path as served, under the prefix. */
  url(path: string): string;
}

type Block = { kind: "p" | "ul" | "pre"; lines: string[] };

const BLANK = /^\s*$/;
const ITEM = /^\s{0,4}-\s+\S/;
const INDENTED = /^\s/;
const TABULAR = /\S {3,}\S|^[-=_ ]{4,}$/;

/** Blank-line separated blocks; neighbouring preformatted blocks join, keeping their blank line. */
export function blocks(text: string): Block[] {
  const out: Block[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length === 0) return;
    const kind = kindOf(lines);
    const last = out.at(-1);
    if (kind === "pre" && last?.kind === "pre") last.lines.push("", ...lines);
    else out.push({ kind, lines });
    lines = [];
  };
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    if (BLANK.test(line)) flush();
    // trimEnd, not /\s+$/: that regex retries at every space of a run, quadratic on long runs.
    else lines.push(line.trimEnd());
  }
  flush();
  return out;
}

function kindOf(lines: string[]): Block["kind"] {
  if (ITEM.test(lines[0] ?? "") && lines.every((l) => ITEM.test(l) || INDENTED.test(l)))
    return "ul";
  if (lines.some((l) => INDENTED.test(l) || TABULAR.test(l))) return "pre";
  return "p";
}

const LINKABLE = /(https?:\/\/[^\s<>"'`]*[^\s<>"'`.,;:!?)\]])|\b(Q[1-9][0-9]{0,8})\b/g;

/** Escaped text with http(s) URLs linked, and KB ids linked when the site has the article. */
export function inline(text: string, ctx: TextContext): Html {
  const parts: (Html | string)[] = [];
  let at = 0;
  for (const match of text.matchAll(LINKABLE)) {
    const [whole, url, id] = match;
    const start = match.index ?? 0;
    if (url) {
      parts.push(
        text.slice(at, start),
        markup`<a href="${url}" rel="nofollow noopener">${url}</a>`,
      );
    } else if (id && ctx.has(id)) {
      parts.push(text.slice(at, start), markup`<a href="${ctx.url(articlePath(id))}">${id}</a>`);
    } else continue;
    at = start + whole.length;
  }
  parts.push(text.slice(at));
  return markup`${parts}`;
}

function listItems(lines: string[]): string[] {
  const items: string[] = [];
  for (const line of lines) {
    if (ITEM.test(line)) items.push(line.replace(/^\s*-\s+/, ""));
    else items[items.length - 1] += " " + line.trim();
  }
  return items;
}

/**
 * One section's text. `tables` is shared by all sections of an article so each file-table block
 * claims its own rows in order.
 */
export function renderText(text: string, ctx: TextContext, tables?: FileTables): Html {
  return markup`${blocks(text).map((block) => renderBlock(block, ctx, tables))}`;
}

function renderBlock(block: Block, ctx: TextContext, tables?: FileTables): Html {
  if (block.kind === "ul") {
    return markup`<ul>${listItems(block.lines).map((item) => markup`<li>${inline(item, ctx)}</li>`)}</ul>\n`;
  }
  if (block.kind === "p") {
    return markup`<p>${inline(block.lines.map((l) => l.trim()).join(" "), ctx)}</p>\n`;
  }
  const rows = tables?.claim(block.lines);
  if (rows) return markup`${fileTable(rows, (path) => ctx.url(path), tables?.newer)} `;
  // A table with no blank line after its lead-in ("…the following attributes:" then the rows).
  const prose = block.lines.findIndex((l) => INDENTED.test(l) || TABULAR.test(l));
  if (tables && prose > 0) {
    const tableRows = tables.claim(block.lines.slice(prose));
    if (tableRows) {
      const lead: Block = { kind: "p", lines: block.lines.slice(0, prose) };
      return markup`${renderBlock(lead, ctx)}${fileTable(tableRows, (path) => ctx.url(path), tables.newer)} `;
    }
  }
  return markup`<pre>${inline(dedent(block.lines).join("\n"), ctx)}</pre>\n`;
}

/** Removes the indentation all lines share, so a block indented by two spaces starts at the margin. */
function dedent(lines: string[]): string[] {
  // A loop, not Math.min(...lines): spreading ~120k lines overflows the stack.
  let indent = Infinity;
  for (const l of lines) if (!BLANK.test(l)) indent = Math.min(indent, /^ */.exec(l)![0].length);
  return Number.isFinite(indent) && indent > 0 ? lines.map((l) => l.slice(indent)) : lines;
}

/** The first section's text as one plain line, cut at a word near `max` characters: for og:description. */
export function summary(text: string, max = 200): string {
  const flat = flatten(text, max + 1);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2)).replace(/[\s,;:.]+$/, "") + "…";
}

/**
 * `text.replace(/\s+/g, " ").trim()`, but only its first `limit` characters, and reading only as
 * much of the text as those need: collapsing all of a 20 MB article cost ~2 CPU-s, where a
 * description or search excerpt wants a few hundred characters.
 */
export function flatten(text: string, limit = Infinity): string {
  for (let end = Math.min(text.length, 2 * limit + 64); ; end = Math.min(text.length, 4 * end)) {
    const flat = text.slice(0, end).replace(/\s+/g, " ").trimStart();
    if (end === text.length) return flat.trimEnd().slice(0, limit);
    // Collapsing a prefix gives a prefix of the whole collapsed text, but for a trailing space
    // (the run may go on): past `limit` other characters, the first `limit` are final.
    if (flat.trimEnd().length >= limit) return flat.slice(0, limit);
  }
}

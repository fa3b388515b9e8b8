/**
 * The Jekyll-frontmatter form: YAML front matter (title "Q265433: <title>" with HTML entities),
 * a "## Q…" heading, then a tab-indented body, sometimes inside {% raw %}…{% endraw %}, that
 * opens with "Article:", "Product(s):", … "Last Modified:" lines.
 */
import matter from "gray-matter";
import { decodeHTML } from "entities";
import { ParseError } from "../errors.ts";
import { single, splitKeywords, splitList, splitVersions } from "../text/lists.ts";
import type { Draft, FormAdapter } from "../types.ts";

const FIELD =
  /^(Article|Product\(s\)|Version\(s\)|Operating System\(s\)|Keyword\(s\)|Last Modified):[ \t]*(.*)$/;
const TITLE_ID = /^\s*(Q\S*?):\s*/;
const RAW_OPEN = "{% raw %}";
const RAW_CLOSE = "{% endraw %}";
const OPEN = "---\n";
const CLOSE = "\n---";
const LEADING_NEWLINE = /^\r?\n/;
// gray-matter drops these lines before deciding whether a block is empty.
const COMMENT_LINE = /^\s*#[^\n]+/gm;
// The engine gray-matter itself uses for "---" blocks, so the data is exactly what matter() gave.
// (gray-matter exports its engine table, but its typings leave it out.)
const YAML = (matter as unknown as { engines: { yaml: { parse: (block: string) => unknown } } })
  .engines.yaml;

export const jekyll: FormAdapter = {
  name: "jekyll",
  detect: (text) => text.startsWith("---\n"),
  parse: (text, path): Draft => {
    const { data, content } = frontMatter(text);
    const lines = content.split("\n");
    let i = skipBlank(lines, 0);
    if (lines[i]?.startsWith("## ")) i = skipBlank(lines, i + 1);
    const raw = lines[i]?.trim() === RAW_OPEN;
    if (raw) i = skipBlank(lines, i + 1);
    const fields = new Map<string, string>();
    for (let m; (m = FIELD.exec(untab(lines[i] ?? ""))); i++) fields.set(m[1]!, m[2]!.trim());
    const body = (raw ? dropRawClose(lines.slice(i)) : lines.slice(i)).map(untab);
    const title = decodeHTML(typeof data.title === "string" ? data.title : "").trim();
    const id = fields.get("Article") || TITLE_ID.exec(title)?.[1];
    if (!id) throw new ParseError('no article id: expected an "Article: Q…" line or a "Q…:" title');
    return {
      path,
      format: "jekyll",
      id,
      title: title.replace(TITLE_ID, "").trim(),
      // Derived by the productCode stage; present here so that both forms make Drafts of one
      // shape, which keeps every stage's `{ ...article }` copy on V8's fast path.
      productCode: undefined,
      products: single(fields.get("Product(s)")),
      versions: splitVersions(fields.get("Version(s)") ?? ""),
      operatingSystems: splitList(fields.get("Operating System(s)") ?? ""),
      keywords: splitKeywords(fields.get("Keyword(s)") ?? ""),
      date: fields.get("Last Modified") || undefined,
      body,
    };
  },
};

/**
 * The front matter, read by gray-matter's own YAML engine (js-yaml's safeLoad) on the block alone.
 * Going through `matter()` cost as much again as the YAML itself: it copies its input into a
 * Buffer, rebuilds its options and engine table, and keeps a cache. What it does with the block is
 * kept here: it ends at the first "\n---" (or the end of the file when there is none), and a
 * block of nothing but blank and "#" comment lines is empty data, not a YAML document.
 */
function frontMatter(text: string): { data: Record<string, unknown>; content: string } {
  const close = text.indexOf(CLOSE, OPEN.length - 1);
  const block = text.slice(OPEN.length - 1, close === -1 ? text.length : close);
  const content = close === -1 ? "" : text.slice(close + CLOSE.length).replace(LEADING_NEWLINE, "");
  if (block.replace(COMMENT_LINE, "").trim() === "") return { data: {}, content };
  try {
    return { data: YAML.parse(block) as Record<string, unknown>, content };
  } catch (error) {
    const first = error instanceof Error ? error.message.split("\n")[0]! : String(error);
    const reason = first.replace(/:\s*$/, "");
    throw new ParseError(`malformed front matter: ${reason}; fix the YAML between the --- lines`);
  }
}

function skipBlank(lines: string[], i: number): number {
  while (i < lines.length && lines[i]!.trim() === "") i++;
  return i;
}

/** The body is indented by one tab; everything after it is the article's own indentation. */
function untab(line: string): string {
  return line.startsWith("\t") ? line.slice(1) : line;
}

/** Only the last {% endraw %} closes the block; one inside the article is text. */
function dropRawClose(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === "") end--;
  return lines[end - 1]?.trim() === RAW_CLOSE ? lines.slice(0, end - 1) : lines;
}

/**
 * The Jekyll-frontmatter form: YAML front matter (title "Q265433: <title>" with HTML entities),
 * a "## Q…" heading, then a tab-indented body, sometimes inside {% raw %}…{% endraw %}, that
 * opens with "Article:", "Product(s):", … "Last Modified:" lines.
 */
import { decodeHTML } from "entities";
import { ParseError } from "../errors.ts";
import { single, splitKeywords, splitList, splitVersions } from "../text/lists.ts";
import type { Draft, FormAdapter } from "../types.ts";
import { frontMatter } from "./front-matter.ts";

const FIELD =
  /^(Article|Product\(s\)|Version\(s\)|Operating System\(s\)|Keyword\(s\)|Last Modified):[ \t]*(.*)$/;
const TITLE_ID = /^\s*(Q\S*?):\s*/;
const RAW_OPEN = "{% raw %}";
const RAW_CLOSE = "{% endraw %}";

export const jekyll: FormAdapter = {
  name: "jekyll",
  detect: (text) => text.startsWith("---\n"),
  parse: (text, path): Draft => {
    const matter = frontMatter(text);
    const lines = matter.content.split("\n");
    let i = skipBlank(lines, 0);
    if (lines[i]?.startsWith("## ")) i = skipBlank(lines, i + 1);
    const raw = lines[i]?.trim() === RAW_OPEN;
    if (raw) i = skipBlank(lines, i + 1);
    const fields = new Map<string, string>();
    for (let m; (m = FIELD.exec(untab(lines[i] ?? ""))); i++) fields.set(m[1]!, m[2]!.trim());
    const body = (raw ? dropRawClose(lines.slice(i)) : lines.slice(i)).map(untab);
    const title = decodeHTML(matter.title).trim();
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

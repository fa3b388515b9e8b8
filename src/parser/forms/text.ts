/**
 * The flat-text form: a "DOCUMENT:" / "TITLE" / "PRODUCT" / "PROD/VER" / "OPER/SYS" / "KEYWORDS"
 * header, usually a ===== line, the body, then a legal notice that is not part of the article (cut off
 * before the text is split into lines: it starts a line of its own in every copy).
 */
import { ParseError } from "../errors.ts";
import { single, splitKeywords, splitList, splitVersions } from "../text/lists.ts";
import type { Draft, FormAdapter } from "../types.ts";

const DOCUMENT = /^DOCUMENT:[ \t]*(\S*)[ \t]*([^\s[]*)[ \t]*(?:\[([^\]]*)\])?/;
const LABEL = /^(TITLE|PRODUCT|PROD\/VER|OPER\/SYS|KEYWORDS)[ \t]*:(.*)$/;
const RULE = /^\s*={10,}\s*$/;
const LEGAL = "\nTHE INFORMATION PROVIDED IN THE MICROSOFT KNOWLEDGE BASE";

export const text: FormAdapter = {
  name: "text",
  detect: (input) => DOCUMENT.test(input.trimStart()),
  parse: (input, path): Draft => {
    const legal = input.indexOf(LEGAL);
    const lines = (legal === -1 ? input : input.slice(0, legal)).trimStart().split("\n");
    const doc = DOCUMENT.exec(lines[0]!)!;
    const fields = new Map<string, string>();
    let i = 1;
    for (let m; (m = LABEL.exec(lines[i] ?? "")); i++) fields.set(m[1]!, m[2]!.trim());
    if (!fields.has("TITLE")) throw new ParseError("no TITLE line after the DOCUMENT: line");
    while (i < lines.length && lines[i]!.trim() === "") i++;
    if (RULE.test(lines[i] ?? "")) i++;
    const body = lines.slice(i);
    return {
      path,
      format: "text",
      id: doc[1]!,
      title: fields.get("TITLE")!,
      productCode: doc[3]?.trim() || undefined,
      products: single(fields.get("PRODUCT")),
      versions: splitVersions(fields.get("PROD/VER") ?? ""),
      operatingSystems: splitList(fields.get("OPER/SYS") ?? ""),
      keywords: splitKeywords(fields.get("KEYWORDS") ?? ""),
      date: doc[2] || undefined,
      // The flat text indents the body one space deeper than the Jekyll form; drop that space.
      body: body.map((line) => (line.startsWith(" ") ? line.slice(1) : line)),
    };
  },
};

/**
 * The flat-text form with all white space collapsed onto one line. It is re-expanded first, then
 * read exactly as the flat-text form, so every later stage is shared.
 */
import { splitHeader } from "../text/uncollapse-header.ts";
import { uncollapseBody } from "../text/uncollapse-body.ts";
import type { FormAdapter } from "../types.ts";
import { text } from "./text.ts";

export const collapsed: FormAdapter = {
  name: "text (collapsed)",
  detect: (input) => text.detect(input) && !input.trim().includes("\n"),
  parse: (input, path) => text.parse(uncollapse(input.trim()), path),
};

export function uncollapse(line: string): string {
  const { lines, rest } = splitHeader(line);
  const body = rest === "" ? [] : uncollapseBody(rest.split(/\s+/));
  const [keywords = "", ...after] = body;
  return [...lines, keywords, "", ...after].join("\n");
}

/**
 * The registry of input forms, detected by content (never by file name). The first adapter whose
 * `detect` accepts the text reads it; order matters only where one form refines another.
 */
import { ParseError } from "../errors.ts";
import type { FormAdapter } from "../types.ts";
import { collapsed } from "./collapsed.ts";
import { jekyll } from "./jekyll.ts";
import { text } from "./text.ts";

export const FORMS: FormAdapter[] = [jekyll, collapsed, text];

export function formOf(input: string): FormAdapter {
  const form = FORMS.find((candidate) => candidate.detect(input));
  if (form) return form;
  throw new ParseError(
    'no article header: expected YAML front matter ("---") or a flat-text "DOCUMENT:" line',
  );
}

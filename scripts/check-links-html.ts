/**
 * What scripts/check-links.ts reads from a page: the href and src of every element and the ids a
 * #fragment can point at, as parse5's spec-conformant tokenizer sees them.
 */
import { Tokenizer, TokenizerMode, type TokenHandler } from "parse5";

export interface Scan {
  links: string[];
  ids: Set<string>;
}

type Mode = (typeof TokenizerMode)[keyof typeof TokenizerMode];

/**
 * The elements whose insides HTML's tree builder reads as text, and how: "<a href" in a script or
 * a title is not a link. The tokenizer alone does not switch (the tree builder does); parse5's
 * full parse() would, but takes twice as long over the 66k pages of the corpus site.
 */
const TEXT_INSIDE = new Map<string, Mode>([
  ["title", TokenizerMode.RCDATA],
  ["textarea", TokenizerMode.RCDATA],
  ["style", TokenizerMode.RAWTEXT],
  ["xmp", TokenizerMode.RAWTEXT],
  ["iframe", TokenizerMode.RAWTEXT],
  ["noembed", TokenizerMode.RAWTEXT],
  ["noframes", TokenizerMode.RAWTEXT],
  ["script", TokenizerMode.SCRIPT_DATA],
  ["plaintext", TokenizerMode.PLAINTEXT],
]);

const ignore = () => {};

/** The href/src values (entities decoded) and the ids (and <a name>s) of one page. */
export function scanHtml(html: string): Scan {
  const links: string[] = [];
  const ids = new Set<string>();
  const handler: TokenHandler = {
    onStartTag(tag) {
      for (const { name, value } of tag.attrs) {
        if (name === "href" || name === "src") links.push(value);
        else if (name === "id" || (name === "name" && tag.tagName === "a")) ids.add(value);
      }
      const mode = TEXT_INSIDE.get(tag.tagName);
      if (mode !== undefined) tokenizer.state = mode;
    },
    onEndTag: ignore,
    onComment: ignore,
    onDoctype: ignore,
    onCharacter: ignore,
    onNullCharacter: ignore,
    onWhitespaceCharacter: ignore,
    onEof: ignore,
  };
  const tokenizer = new Tokenizer({}, handler);
  tokenizer.write(html, true);
  return { links, ids };
}

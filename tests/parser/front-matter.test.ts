/**
 * frontMatter: the title and content it reads from a block of simple lines directly are the ones
 * gray-matter reads, and a block gray-matter refuses is refused, whatever the block.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import matter from "gray-matter";
import { frontMatter } from "../../src/parser/forms/front-matter.ts";

/** What gray-matter makes of the text: its title ("" unless a string) and content, or a throw. */
function viaMatter(text: string): { title: string; content: string } | "throws" {
  try {
    const { data, content } = matter(text, {});
    const title = (data as Record<string, unknown>).title;
    return { title: typeof title === "string" ? title : "", content };
  } catch {
    return "throws";
  }
}

function viaFrontMatter(text: string): { title: string; content: string } | "throws" {
  try {
    return frontMatter(text);
  } catch {
    return "throws";
  }
}

// Pieces of lines near the fast path's edge: quotes, escapes, colons, comments, YAML indicators.
const PIECES = [
  "title",
  "layout",
  "permalink",
  "Title",
  "x-y",
  "_k",
  "-",
  ":",
  ": ",
  '"',
  "\\",
  "'",
];
const VALUES = ["page", "/kb/219/Q219324/", "Q1: A &amp; B", "a # b", "a: b", "true", "null", "12"];
const MORE = ["2002-05-08", "~", "[a", "{a}", "*a", "&a", "!x", "|", ">", "%", "@", "`", " ", "\t"];
const piece = fc.constantFrom(...PIECES, ...VALUES, ...MORE, "\u00e9", "\u2019", "\x7f", "");
const line = fc.oneof(
  fc
    .tuple(fc.constantFrom(...PIECES), fc.constantFrom(...VALUES, ...MORE))
    .map(([k, v]) => `${k}: ${v}`),
  fc
    .tuple(fc.constantFrom(...PIECES), fc.array(piece, { maxLength: 4 }))
    .map(([k, v]) => `${k}: "${v.join("")}"`),
  fc.array(piece, { maxLength: 6 }).map((p) => p.join("")),
);

describe("frontMatter", () => {
  it("reads the archive's front matter", () => {
    const text = `---\nlayout: page\ntitle: "Q219324: Access &amp; Violation"\npermalink: /kb/219/Q219324/\n---\n\n## Q219324\n`;
    assert.deepEqual(frontMatter(text), {
      title: "Q219324: Access &amp; Violation",
      content: "\n## Q219324\n",
    });
  });
  it("reads every block's title and content as gray-matter does, and refuses what it refuses", () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (lines) => {
        const text = `---\n${lines.join("\n")}\n---\nbody`;
        assert.deepEqual(viaFrontMatter(text), viaMatter(text), JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
  });
  it("refuses a key given twice, as js-yaml does", () => {
    assert.throws(
      () => frontMatter('---\ntitle: "a"\ntitle: "b"\n---\n'),
      /duplicated mapping key/,
    );
  });
});

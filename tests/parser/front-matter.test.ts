/**
 * frontMatter: the title it reads from a block of simple lines directly is the one js-yaml (the
 * engine gray-matter uses) reads, and a block js-yaml refuses is refused, whatever the block.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import matter from "gray-matter";
import { frontMatter } from "../../src/parser/forms/front-matter.ts";

const YAML = (matter as unknown as { engines: { yaml: { parse: (block: string) => unknown } } })
  .engines.yaml;

/** What gray-matter's engine makes of the block: its title ("" unless a string), or a throw
 * (a block that is no mapping, such as "~", throws too, as it always has). */
function viaYaml(block: string): { title: string } | "throws" {
  if (block.replace(/^\s*#[^\n]+/gm, "").trim() === "") return { title: "" };
  try {
    const title = (YAML.parse(block) as Record<string, unknown>).title;
    return { title: typeof title === "string" ? title : "" };
  } catch {
    return "throws";
  }
}

function viaFrontMatter(block: string): { title: string } | "throws" {
  try {
    return { title: frontMatter(`---${block}\n---\nbody`).title };
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
  it("reads every block's title as js-yaml does, and refuses what it refuses", () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (lines) => {
        const block = `\n${lines.join("\n")}`;
        assert.deepEqual(viaFrontMatter(block), viaYaml(block), JSON.stringify(block));
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

/**
 * The collapsed (one-line) form must never invent a heading the multi-line original lacks (issue 5):
 * a ===== rule's width alone cannot say where the original line began.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseArticle } from "../../src/parser/index.ts";

const HEADER =
  "DOCUMENT:Q246045  08-MAY-2002  [winnt]\nTITLE   :A title\nPRODUCT :Microsoft Windows NT\nPROD/VER:\nOPER/SYS:\nKEYWORDS:\n\n" +
  "=".repeat(70);
const headings = (body: string, collapse: boolean) => {
  const text = `${HEADER}\n${body}`;
  const result = parseArticle(collapse ? text.replace(/\s+/g, " ") : text, "x.txt");
  assert.ok(result.ok);
  return result.record.sections.map((s) => s.heading);
};
const both = (body: string) => [headings(body, false), headings(body, true)];

describe("parseArticle on a collapsed flat-text article", () => {
  it("does not take the tail of a line for a heading (A Aaaaa over =====)", () => {
    const [original, collapsed] = both("AAA\n===\n\nA Aaaaa\n=====\n\nAAA\n===\n");
    assert.deepEqual(original, ["AAA", "AAA"]);
    assert.deepEqual(collapsed, ["AAA", "AAA"]);
  });
  it("does not take lines before a rule for a heading (Q88332's directory listing)", () => {
    const listing =
      "XCOPY    EX_     11879 05-04-92   5:00a\n       57 file(s)     990645 bytes\n                      378368 bytes free\n\n" +
      "=".repeat(41);
    const [original, collapsed] = both(`SUMMARY\n=======\n\nText.\n\n${listing}\n`);
    assert.deepEqual(original, ["SUMMARY"]);
    assert.deepEqual(collapsed, ["SUMMARY"]);
  });
  it("never makes a heading of a rule (Q137187's two column underlines)", () => {
    const table =
      "   Variable            Select\n   ========           ========\n\n   Base I/O port      Autoscan\n";
    const [original, collapsed] = both(`MORE INFORMATION\n================\n\n${table}`);
    assert.deepEqual(original, ["MORE INFORMATION"]);
    assert.deepEqual(collapsed, ["MORE INFORMATION"]);
  });
  it("still finds a standard heading right after a paragraph", () => {
    const [original, collapsed] = both(
      "SYMPTOMS\n========\n\nIt fails\n\nCAUSE\n=====\n\nA bug.\n",
    );
    assert.deepEqual(collapsed, original);
    assert.deepEqual(collapsed, ["SYMPTOMS", "CAUSE"]);
  });
  it("finds another capitalised heading after a sentence, not after a word", () => {
    assert.deepEqual(headings("Text. SETUP NOTES\n===========\n", true), [
      "Overview",
      "SETUP NOTES",
    ]);
    assert.deepEqual(headings("Some words SETUP\n=====\n", true), ["Overview"]);
  });
});

/**
 * The collapsed (one-line) form must never invent a heading or file row the multi-line original
 * lacks (issue 5): a ===== rule's width alone cannot say where the original line began, nor can a
 * date say whether it opened its line.
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
  it("does not let the sections stage read a line that is no heading over a rule (Q121686)", () => {
    const body = "SUMMARY\n=======\n\nSpace Simulator v1.0\n\n   ====================\n   Notes\n";
    assert.deepEqual(both(body), [["SUMMARY"], ["SUMMARY"]]);
  });
  it("takes nothing after a banner inside a line of code for a heading (Q183544)", () => {
    const body =
      "SUMMARY\n=======\n\nAdd this code:\n\n   ' ========== CODE FOR FORM1 ==============\n";
    assert.deepEqual(both(body), [["SUMMARY"], ["SUMMARY"]]);
  });
  it("finds a heading between two rules of its width, whatever its case (Q135895)", () => {
    const body = 'Text.\n\nLook up "Internet."\n\n==========\nNetworking\n==========\n\nMore.\n';
    assert.deepEqual(both(body), [
      ["Overview", "Networking"],
      ["Overview", "Networking"],
    ]);
  });
});

const files = (body: string, collapse: boolean) => {
  const text = `${HEADER}\nRESOLUTION\n==========\n\n${body}`;
  const result = parseArticle(collapse ? text.replace(/\s+/g, " ") : text, "x.txt");
  assert.ok(result.ok);
  return result.record.files.map((f) => `${f.date} ${f.name}`);
};

describe("parseArticle on the hotfix rows of a collapsed article", () => {
  it("reads rows after a label on a line of its own (Q252299's RRAS FIX:)", () => {
    const body =
      "  01/18/2000 12:47p   35,600  rastapi.dll   i386\n\nRRAS FIX:\n\n" +
      "  01/25/2000 05:55p   70,928  rastapi.dll   Alpha\n  01/25/2000 05:56p   35,600  rastapi.dll   i386\n";
    const original = files(body, false);
    assert.equal(original.length, 3);
    assert.deepEqual(files(body, true), original);
  });
  it("reads no rows from lines that open with a label (Q128554's Visual C++ 6.0:)", () => {
    const body =
      "The dates are shown below:\n\nVisual C++ 6.0:  06/16/98  11:00p   41,022   2.00.8167.0   PROFILE.EXE\n" +
      "Visual C++ 5.0:  01/22/97   7:48p   34,816   1.30.7022     PROFILE.EXE\n";
    assert.deepEqual(files(body, false), []);
    assert.deepEqual(files(body, true), []);
  });
});

/** parseArticle on hostile input: never a crash, never a hang, always a record or a reason. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parseArticle } from "../../src/parser/index.ts";

const SEED = readFileSync("tests/fixtures/seed-000.txt", "utf8");
const reason = (input: Buffer | string) => {
  const result = parseArticle(input, "x.txt");
  assert.equal(result.ok, false);
  return result.ok ? "" : result.reason;
};
const record = (input: Buffer | string) => {
  const result = parseArticle(input, "x.txt");
  assert.ok(result.ok, result.ok ? "" : result.reason);
  return result.record;
};
const text = (body: string, id = "Q1234", date = "08-MAY-2002") =>
  `DOCUMENT:${id}  ${date}  [winnt]\nTITLE   :A title\nPRODUCT :Microsoft Windows NT\nPROD/VER:\nOPER/SYS:\nKEYWORDS:\n\n${"=".repeat(70)}\n${body}`;

describe("parseArticle", () => {
  it("reports NUL bytes as a binary file", () => {
    assert.match(reason(Buffer.from([0x44, 0x00, 0x01, 0x02, 0xff])), /^binary file/);
  });
  it("reads UTF-16 with a byte-order mark, little- and big-endian, as its UTF-8 self (issue 21)", () => {
    for (const form of ["seed-000.txt", "collapsed-file-tables.txt"]) {
      const utf8 = readFileSync(`tests/fixtures/${form}`, "utf8");
      const le = Buffer.from(`\uFEFF${utf8}`, "utf16le");
      const be = Buffer.from(le).swap16();
      assert.deepEqual([le[0], le[1], be[0], be[1]], [0xff, 0xfe, 0xfe, 0xff]);
      const expected = record(Buffer.from(utf8));
      assert.deepEqual(record(le), expected, `${form}, UTF-16LE`);
      assert.deepEqual(record(be), expected, `${form}, UTF-16BE`);
    }
  });
  it("reports a UTF-16 mark on bytes that are not UTF-16", () => {
    assert.match(
      reason(Buffer.from([0xff, 0xfe, 0x41])),
      /not UTF-16 text; save the file as UTF-8/,
    );
  });
  it("reports empty and whitespace-only files", () => {
    assert.equal(reason(""), "empty file");
    assert.equal(reason(Buffer.from(" \r\n\t\n")), "empty file");
  });
  it("reports a file with no article header", () => {
    assert.match(reason("hello world\n"), /^no article header/);
  });
  it("reports malformed YAML front matter with the YAML reason", () => {
    assert.match(reason('---\ntitle: "Q1: x\n  : [\n---\n'), /^malformed front matter: .+/);
  });
  it("reports a missing title", () => {
    assert.match(
      reason(SEED.replace(/^title: .*$/m, "description: none").replace(/^## .*$/m, "")),
      /title/,
    );
  });
  it("refuses an id that is not Q and digits", () => {
    assert.match(reason(text("", "Q../../x")), /invalid article id "Q\.\.\/\.\.\/x"/);
  });
  it("drops an impossible date and keeps the article", () => {
    assert.equal(record(text("", "Q1234", "31-FOO-1999")).lastModified, undefined);
    assert.equal(record(text("", "Q1234", "31-FEB-2001")).lastModified, undefined);
  });
  it("keeps {{ }} and {% %} text verbatim, and a stray {% endraw %} does not cut the article", () => {
    const input = SEED.replace("Rpcss.exe does not", "{{ x }} {% endraw %} Rpcss.exe does not");
    const cause = record(input).sections.find((s) => s.id === "cause")!;
    assert.match(cause.text, /\{\{ x \}\} \{% endraw %\} Rpcss\.exe/);
    assert.equal(record(input).sections.at(-1)!.id, "status");
  });
  it("keeps file names with / \\ and .. as text", () => {
    const body = "FILES\n=====\n\n   7/25/00  7:54p  106,768  ../..\\x/Rpcss.exe  Intel\n";
    assert.equal(record(text(body)).files[0]!.name, "../..\\x/Rpcss.exe");
  });
  it("parses 3,000 sections with unique ids", () => {
    const body = Array.from({ length: 3000 }, () => "CAUSE\n=====\n\ntext\n").join("\n");
    const sections = record(text(body)).sections;
    assert.equal(sections.length, 3000);
    assert.equal(new Set(sections.map((s) => s.id)).size, 3000);
  });
  it("parses a 20 MB article in a few seconds, in both the flat and the collapsed form", () => {
    const paragraph = "Some words on a line with 7/25/00 in it and Q123456 cited. ".repeat(20);
    const body = `SYMPTOMS\n========\n\n${`${paragraph}\n\n`.repeat(20_000_000 / paragraph.length)}`;
    for (const input of [text(body), text(body).replace(/\s+/g, " ")]) {
      const started = performance.now();
      assert.equal(record(input).references[0], "Q123456");
      // Generous: other jobs share these 2 cores; a backtracking regex would take minutes.
      assert.ok(performance.now() - started < 15_000, "took too long");
    }
  });
});

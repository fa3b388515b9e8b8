/** File rows name each platform one way in the record, whatever the article printed. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseArticle } from "../../src/parser/index.ts";
import { platformName } from "../../src/parser/text/platform.ts";

describe("platformName", () => {
  it("names the spellings of one processor alike", () => {
    for (const [printed, name] of <[string, string][]>[
      ["Intel", "x86"],
      ["I386", "x86"],
      ["i386", "x86"],
      ["X86", "x86"],
      ["(alpha)", "Alpha"],
      ["ALPHA", "Alpha"],
      ["mips", "MIPS"],
      ["PPC", "PowerPC"],
      ["IA-64", "Itanium"],
      ["ia64", "Itanium"],
      ["AMD64", "x64"],
    ])
      assert.equal(platformName(printed), name, printed);
  });

  it("leaves a name it does not know as printed", () => {
    assert.equal(platformName("ARM"), "ARM");
  });
});

describe("the platforms stage", () => {
  it("writes the one name into the record's file rows", () => {
    const text = [
      "DOCUMENT:Q265433  08-MAY-2002  [winnt]",
      "TITLE   :Rpcss Leaks Memory",
      "PRODUCT :Microsoft Windows NT",
      "PROD/VER:winnt:4.0",
      "OPER/SYS:",
      "KEYWORDS:kbWinNT400PreSP7Fix",
      "",
      "======================================================================",
      "FILES",
      "=====",
      "",
      "   7/25/00  7:54p  106,768  Rpcss.exe  Intel",
      "   7/25/00  7:52p  183,056  Rpcss.exe  I386",
      "   7/25/00  7:50p  200,000  Rpcss.exe  alpha",
      "",
    ].join("\n");
    const result = parseArticle(Buffer.from(text), "Q265433.txt");
    assert.ok(result.ok, result.ok ? "" : result.reason);
    assert.deepEqual(result.ok && result.record.files.map((f) => f.platform), [
      "x86",
      "x86",
      "Alpha",
    ]);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  articlePath,
  bucket,
  filePath,
  fileStem,
  fileStemPath,
  formatLink,
  looksLikeFileName,
  normalizePrefix,
  parseKbId,
  slug,
  withPrefix,
} from "../../src/site/urls.ts";

const SAFE_SEGMENT = /^[a-z0-9_][a-z0-9._-]*$/;

describe("bucket", () => {
  it("divides the number by 1000 and pads it to three digits", () => {
    assert.equal(bucket("Q265433"), "265");
    assert.equal(bucket("Q50552"), "050");
    assert.equal(bucket("Q1"), "000");
    assert.equal(bucket("Q999"), "000");
    assert.equal(bucket("Q1000"), "001");
    assert.equal(bucket("Q1234567"), "1234");
  });
  it("refuses what is not an id", () => {
    assert.throws(() => bucket("Q0123"), /not an article id/);
    assert.throws(() => bucket("../x"), /not an article id/);
  });
});

describe("articlePath", () => {
  it("gives the long-standing archive URLs", () => {
    assert.equal(articlePath("Q265433"), "/kb/265/Q265433/");
    assert.equal(articlePath("Q50552"), "/kb/050/Q50552/");
  });
});

describe("parseKbId", () => {
  it("reads every common spelling of an id", () => {
    for (const text of [
      "Q265433",
      "q265433",
      "KB265433",
      "kb265433",
      "265433",
      " kb 265433 ",
      "Q0265433",
    ]) {
      assert.equal(parseKbId(text), "Q265433", text);
    }
  });
  it("leaves other text alone", () => {
    for (const text of ["", "rpcss.exe", "Q", "Q12a", "memory leak", "Q0", "KBX1"]) {
      assert.equal(parseKbId(text), undefined, text);
    }
  });
});

describe("slug", () => {
  it("lower-cases file names and keeps dots", () => {
    assert.equal(slug("Rpcss.exe"), "rpcss.exe");
    assert.equal(slug("KERNEL32.DLL"), "kernel32.dll");
    assert.equal(slug("kbWinNT400PreSP7Fix"), "kbwinnt400presp7fix");
  });
  it("makes hostile names into one harmless segment", () => {
    assert.equal(slug("../../etc/passwd"), "etc-passwd");
    assert.equal(slug("..\\..\\windows\\win.ini"), "windows-win.ini");
    assert.equal(slug("<svg onload=alert(1)>.dll"), "svg-onload-alert-1-.dll");
    assert.equal(slug(".."), "_");
    assert.equal(slug(""), "_");
    assert.equal(slug(".htaccess"), "htaccess");
  });
  it("never takes a name that the folder's own files use", () => {
    assert.equal(slug("index.html"), "_index.html");
    assert.equal(slug("INDEX.JSON"), "_index.json");
  });
  it("gives a safe segment for any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (name) => {
        const s = slug(name);
        assert.match(s, SAFE_SEGMENT);
        assert.ok(!s.includes(".."), s);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("filePath and fileStemPath", () => {
  it("use the lower-cased name", () => {
    assert.equal(filePath("Rpcss.exe"), "/files/rpcss.exe/");
    assert.equal(fileStemPath("RPCSS.EXE"), "/file-stems/rpcss.json");
    assert.equal(fileStemPath("Rpcss"), "/file-stems/rpcss.json");
  });
});

describe("prefix", () => {
  it("always has one leading and one trailing slash", () => {
    assert.equal(normalizePrefix(undefined), "/");
    assert.equal(normalizePrefix("/"), "/");
    assert.equal(normalizePrefix("kb-archive"), "/kb-archive/");
    assert.equal(normalizePrefix("/kb-archive/"), "/kb-archive/");
    assert.equal(normalizePrefix("//a//b/"), "/a/b/");
  });
  it("refuses segments that are not plain names", () => {
    assert.throws(() => normalizePrefix("/a/../b/"), /not a plain path name/);
    assert.throws(() => normalizePrefix("/a b/"), /not a plain path name/);
  });
  it("puts site paths under the prefix", () => {
    assert.equal(withPrefix("/kb-archive/", "/kb/265/Q265433/"), "/kb-archive/kb/265/Q265433/");
    assert.equal(withPrefix("/", "/kb/265/Q265433/"), "/kb/265/Q265433/");
  });
});

describe("fileStem", () => {
  it("drops a short extension and lower-cases", () => {
    assert.equal(fileStem("Rpcss.exe"), "rpcss");
    assert.equal(fileStem("rpcss"), "rpcss");
    assert.equal(fileStem("4.0.1381.7"), "4.0.1381");
  });
});

describe("looksLikeFileName", () => {
  it("takes one word, with or without an extension", () => {
    for (const text of ["rpcss.exe", "Rpcss", " kernel32.dll ", "~$temp.doc", "q265433"])
      assert.ok(looksLikeFileName(text), text);
  });
  it("refuses several words and paths", () => {
    for (const text of ["memory leak", "c:\\windows", "a/b", ".hidden", ""])
      assert.ok(!looksLikeFileName(text), text);
  });
});

describe("formatLink", () => {
  it("writes wiki links with the id and title", () => {
    const url = "https://kb.example/kb/265/Q265433/";
    const text = "Q265433: Rpcss [Leaks] Memory";
    assert.equal(formatLink("link", url, text), url);
    assert.equal(formatLink("markdown", url, text), `[Q265433: Rpcss \\[Leaks\\] Memory](${url})`);
    assert.equal(formatLink("mediawiki", url, text), `[${url} Q265433: Rpcss [Leaks&#93; Memory]`);
    assert.equal(formatLink("confluence", url, text), `[Q265433: Rpcss [Leaks  Memory|${url}]`);
  });
});

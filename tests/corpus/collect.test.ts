/** collect on a small hand-made folder: accounting, merging and ordering. */
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { collect } from "../../src/corpus/collect.ts";

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "kbsite-collect-"));
  mkdirSync(join(dir, "kb"));
  copyFileSync("tests/fixtures/seed-004.txt", join(dir, "a-text.txt"));
  writeFileSync(
    join(dir, "kb", "b-jekyll.md"),
    `---\ntitle: "Q246691: The CreateRemoteThread API May Leak a Handle"\n---\n\n\tArticle: Q246691\n\tProduct(s): Something Else\n\tLast Modified: 01-JAN-2001\n\nSUMMARY\n=======\n\ntext\n`,
  );
  copyFileSync("tests/fixtures/seed-000.txt", join(dir, "c.txt"));
  writeFileSync(join(dir, "bad.txt"), "");
  writeFileSync(join(dir, ".hidden.txt"), "");
  return dir;
}

describe("collect", () => {
  it("accounts for every input as an article, a duplicate or an error", async () => {
    const c = await collect([folder()]);
    assert.equal(c.inputs, 4); // the dotfile is skipped
    assert.equal(c.inputs, c.articles.length + c.duplicates.length + c.errors.length);
    assert.deepEqual(c.formats, { jekyll: 2, text: 1 });
  });
  it("sorts articles by id number and keeps the newer form of a duplicate", async () => {
    const c = await collect([folder()]);
    assert.deepEqual(
      c.articles.map((a) => a.id),
      ["Q246691", "Q265433"],
    );
    assert.equal(c.articles[0]!.source.format, "text");
    assert.match(c.duplicates[0]!.reason, /^same id in both forms; kept text \(newer\)/);
  });
  it("fills a field the kept record lacks from the merged one and says so", async () => {
    const dir = folder();
    writeFileSync(
      join(dir, "kb", "b-jekyll.md"),
      `---\ntitle: "Q246691: T"\n---\n\n\tArticle: Q246691\n\tLast Modified: 01-JAN-2003\n`,
    );
    const c = await collect([dir]);
    assert.equal(c.articles[0]!.productCode, "winnt");
    assert.match(c.duplicates[0]!.reason, /kept jekyll \(newer\), productCode, .* from text/);
  });
  it("reports a missing path as an error, not a crash", async () => {
    const c = await collect(["/no/such/path"]);
    assert.deepEqual(c.errors, [
      { path: "/no/such/path", reason: "no such file or folder; check the path" },
    ]);
  });
});

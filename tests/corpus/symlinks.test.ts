/**
 * Issue 5, every input accounted for: symbolic links in the content folder. A link to a file is
 * read as a file under the link's own path, a link to a folder is walked (a link back up does not
 * loop), and a link that leads nowhere is an error `PATH: reason`, so that
 * inputs = articles + duplicates + errors still holds in `collect()`, `kbsite check` and the build
 * report.
 */
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { collect } from "../../src/corpus/collect.ts";
import { walk } from "../../src/corpus/walk.ts";
import { reportPath } from "../helpers/repo.ts";
import { kbsite } from "../reliability/site.ts";

/**
 * content/
 *   a.txt                      seed-000 (Q265433)
 *   file-link.txt  -> ../elsewhere/b.txt           seed-001 (Q256149)
 *   folder-link    -> ../elsewhere/folder          holding c.txt, seed-002 (Q259690)
 *   loop           -> .                            a cycle back to content/
 *   dangling.txt   -> missing.txt                  leads nowhere
 *   self.txt       -> self.txt                     leads back to itself
 *   .hidden-link   -> ../elsewhere/b.txt           a dotfile: skipped
 */
function tree(): { content: string; files: string[] } {
  const root = mkdtempSync(join(tmpdir(), "kbsite-links-"));
  const content = join(root, "content");
  const elsewhere = join(root, "elsewhere");
  mkdirSync(content);
  mkdirSync(join(elsewhere, "folder"), { recursive: true });
  copyFileSync("tests/fixtures/seed-000.txt", join(content, "a.txt"));
  copyFileSync("tests/fixtures/seed-001.txt", join(elsewhere, "b.txt"));
  copyFileSync("tests/fixtures/seed-002.txt", join(elsewhere, "folder", "c.txt"));
  symlinkSync("../elsewhere/b.txt", join(content, "file-link.txt"));
  symlinkSync("../elsewhere/folder", join(content, "folder-link"));
  symlinkSync(".", join(content, "loop"));
  symlinkSync("missing.txt", join(content, "dangling.txt"));
  symlinkSync("self.txt", join(content, "self.txt"));
  symlinkSync("../elsewhere/b.txt", join(content, ".hidden-link"));
  const files = ["a.txt", "file-link.txt", "folder-link/c.txt"].map((f) => join(content, f));
  return { content, files };
}

const DANGLING = "symbolic link to missing.txt, which does not exist; fix or remove the link";
const LOOPING = "symbolic link that leads back to itself; fix or remove the link";

describe("walk over symbolic links", () => {
  it("follows links to files and folders under their own paths, once per real folder", async () => {
    const { content, files } = tree();
    const walked = await walk([content]);
    assert.deepEqual(walked.files, files);
  });

  it("reports a dangling link and a link to itself as `PATH: reason`", async () => {
    const { content } = tree();
    const walked = await walk([content]);
    assert.deepEqual(walked.errors, [
      { path: join(content, "dangling.txt"), reason: DANGLING },
      { path: join(content, "self.txt"), reason: LOOPING },
    ]);
  });

  it("reports a dangling link named on the command line the same way", async () => {
    const { content } = tree();
    const walked = await walk([join(content, "dangling.txt")]);
    assert.deepEqual(walked.errors, [{ path: join(content, "dangling.txt"), reason: DANGLING }]);
  });
});

describe("collect over symbolic links", () => {
  it("accounts for every input, links included", async () => {
    const { content, files } = tree();
    const c = await collect([content]);
    assert.equal(c.inputs, 5);
    assert.equal(c.inputs, c.articles.length + c.duplicates.length + c.errors.length);
    assert.deepEqual(c.articles.map((a) => a.source.path).sort(), [...files].sort());
    assert.deepEqual(
      c.errors.map((e) => e.reason),
      [DANGLING, LOOPING],
    );
  });
});

describe("kbsite check and build over symbolic links", { timeout: 300_000 }, () => {
  it("check counts the links and lists the dangling ones under their reason", async () => {
    const { content } = tree();
    const run = await kbsite(["check", content]);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /^5 files: 3 articles, 0 duplicates merged, 2 failed$/m);
    assert.match(run.stdout, new RegExp(`${DANGLING}: 1\\n\\s+${join(content, "dangling.txt")}`));
  });

  it("build reads the links and names the dangling ones in build-report.json", async () => {
    const { content } = tree();
    const out = join(content, "..", "out");
    const run = await kbsite(["build", "--content", content, "--out", out]);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(readFileSync(reportPath(out), "utf8"));
    assert.equal(report.inputs, 5);
    assert.equal(report.articles, 3);
    assert.equal(report.inputs, report.articles + report.duplicates.length + report.errors.length);
    assert.deepEqual(report.errors, [
      { path: "content/dangling.txt", reason: DANGLING },
      { path: "content/self.txt", reason: LOOPING },
    ]);
  });
});

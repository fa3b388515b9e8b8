/** The real commands, spawned as a user runs them: `node bin/kbsite.js parse|check ...`. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";

const kbsite = (...args: string[]) =>
  spawnSync(process.execPath, ["bin/kbsite.js", ...args], { encoding: "utf8" });
const bad = join(mkdtempSync(join(tmpdir(), "kbsite-cli-")), "bad.txt");
writeFileSync(bad, "not an article\n");

describe("kbsite parse", () => {
  it("prints one JSON record per line for good files and exits 0", () => {
    const run = kbsite("parse", "tests/fixtures/seed-000.txt", "tests/fixtures/seed-004.txt");
    assert.equal(run.status, 0, run.stderr);
    const ids = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line).id);
    assert.deepEqual(ids, ["Q265433", "Q246691"]);
  });
  it("reports a bad file as `PATH: reason` on stderr, keeps going, and exits 1", () => {
    const run = kbsite("parse", bad, "tests/fixtures/seed-001.txt");
    assert.equal(run.status, 1);
    assert.equal(JSON.parse(run.stdout).id, "Q256149");
    assert.equal(
      run.stderr.trim(),
      `${bad}: no article header: expected YAML front matter ("---") or a flat-text "DOCUMENT:" line`,
    );
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });
  it("exits 2 with the usage when given no paths", () => {
    const run = kbsite("parse");
    assert.equal(run.status, 2);
    assert.match(run.stderr, /Usage:/);
  });
});

describe("kbsite check", () => {
  it("summarizes forms and groups failures by reason with their paths", () => {
    const run = kbsite("check", "tests/fixtures/seed-000.txt", "tests/fixtures/seed-004.txt", bad);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^3 files: 2 articles, 0 duplicates merged, 1 failed$/m);
    assert.match(run.stdout, /^forms: 1 jekyll, 1 text$/m);
    assert.ok(run.stdout.includes(`no article header`) && run.stdout.includes(`    ${bad}`));
  });
});

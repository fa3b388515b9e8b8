/**
 * Issue 21, error lines escape control characters: a file whose name holds a newline and an
 * ESC colour sequence is named, by `check`, `parse`, a build's summary and a --strict build's
 * error, as one line with the characters escaped (\n, \x1b), never raw: the name cannot split
 * the line or colour the terminal.
 */
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { printable } from "../../src/printable.ts";
import { sampleContentDir } from "../helpers/repo.ts";
import { kbsite, saidOnStderr } from "./harness.ts";

const temp = mkdtempSync(join(tmpdir(), "kbsite-control-"));
after(() => rmSync(temp, { recursive: true, force: true }));
const content = join(temp, "content");
cpSync(sampleContentDir, content, { recursive: true });
const NAME = "bad\n\x1b[31mred.txt";
writeFileSync(join(content, NAME), "hello world\n\x1b[0m");
const ESCAPED = "bad\\n\\x1b[31mred.txt";
const RAW = /\x1b|bad\n/;

describe("a file name with control characters", { timeout: 300_000 }, () => {
  it("printable escapes them as JSON does, and leaves the rest", () => {
    assert.equal(printable(NAME), ESCAPED);
    assert.equal(printable("a\rb\tc\u2028d\x7f"), "a\\rb\\tc\\u2028d\\x7f");
    assert.equal(
      printable("HKEY_LOCAL_MACHINE\\Software – ok"),
      "HKEY_LOCAL_MACHINE\\Software – ok",
    );
  });

  it("is one escaped line in check's report", async () => {
    const run = await kbsite(["check", content]);
    assert.doesNotMatch(run.stdout + run.stderr, RAW);
    assert.ok(
      run.stdout.split("\n").some((line) => line.trim().endsWith(ESCAPED)),
      run.stdout,
    );
  });

  it("is one escaped line from parse", async () => {
    const run = await kbsite(["parse", join(content, NAME)]);
    assert.doesNotMatch(run.stderr, RAW);
    const lines = saidOnStderr(run.stderr);
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0]!, /bad\\n\\x1b\[31mred\.txt: no article header/);
  });

  it("is one escaped line in a build's summary and a --strict build's error", async () => {
    const out = join(temp, "site");
    const built = await kbsite(["build", "--content", content, "--out", out]);
    assert.equal(built.code, 0, built.stderr);
    assert.doesNotMatch(built.stdout + built.stderr, RAW);
    assert.match(built.stdout, /^ {2}content\/bad\\n\\x1b\[31mred\.txt: no article header/m);
    const strict = await kbsite(["build", "--content", content, "--out", out, "--strict"]);
    assert.equal(strict.code, 1);
    assert.doesNotMatch(strict.stderr, RAW);
    assert.match(strict.stderr, /^ {2}content\/bad\\n\\x1b\[31mred\.txt: no article header/m);
  });
});

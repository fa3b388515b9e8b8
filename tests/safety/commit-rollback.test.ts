/**
 * Issue 21, a commit is all or nothing: a rebuild that changes every page (a new site name)
 * fails its commit in each way a commit can fail — the top folder of --out not writable (an
 * immutable folder: we run as root), a file where the site needs a folder, a disk error midway
 * through the moves (a failpoint), and that error with a failing undo — and --out is byte for
 * byte the site before (a hash of every file), the one line says so and names --out, not the
 * staging folder; or, when the undo fails too, it says that and names the new files, and the
 * next build finishes it into the site a clean build writes.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { after, describe, it } from "node:test";
import { defaultStateDir } from "../../src/generate/publish/state.ts";
import { sampleContentDir } from "../helpers/repo.ts";
import { differences, kbsite, pagefindProblems, saidOnStderr, siteContent } from "./harness.ts";

const temp = mkdtempSync(join(tmpdir(), "kbsite-commit-"));
after(() => rmSync(temp, { recursive: true, force: true }));
const env = { TMPDIR: join(temp, "tmp") };
mkdirSync(env.TMPDIR);
const config = (name: string) => {
  const file = join(temp, `${name.replace(/\W/g, "")}.json`);
  writeFileSync(file, JSON.stringify({ name }));
  return file;
};
const OLD = config("Old Brand");
const NEW = config("New Brand");
const build = (out: string, brand: string, failpoint?: string) =>
  kbsite(
    ["build", "--config", brand, "--content", sampleContentDir, "--out", out],
    failpoint ? { ...env, KBSITE_FAILPOINT: failpoint } : env,
  );

/** Every file of a site, path → sha256: the test that nothing changed, search bundles too. */
function hashes(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true }))
    if (!entry.isDirectory()) {
      const path = join(entry.parentPath, entry.name);
      files.set(
        relative(root, path),
        createHash("sha256").update(readFileSync(path)).digest("hex"),
      );
    }
  return files;
}

const stateOf = (out: string) => readdirSync(defaultStateDir(out)).sort();
const TIDY = ["build-report.json", "manifest.json", "records-jsonl"];

/** A built site and its hashes, for a test to fail a rebuild of. */
async function site(name: string) {
  const out = join(temp, name);
  const first = await build(out, OLD);
  assert.equal(first.code, 0, first.stderr);
  return { out, before: hashes(out) };
}

/** The one line of a failed build that left the site as it was. */
function leftAsItWas(run: { code: number | null; stderr: string }, out: string, where: string) {
  assert.equal(run.code, 1, run.stderr);
  const lines = saidOnStderr(run.stderr);
  assert.equal(lines.length, 1, run.stderr);
  assert.match(lines[0]!, new RegExp(`^kbsite build: ${where}: `));
  assert.match(lines[0]!, new RegExp(`the site in ${out} is left as it was$`));
  assert.doesNotMatch(lines[0]!, /stage\.|kbsite-state/, "names --out, not the staging folder");
}

describe("a commit that fails", { timeout: 600_000 }, () => {
  it("is refused before anything moves when the top of --out cannot be written", async (t) => {
    const { out, before } = await site("immutable");
    try {
      execFileSync("chattr", ["+i", out], { stdio: "pipe" });
    } catch (error) {
      return t.skip(`chattr +i does not work here: ${String(error).split("\n")[0]}`);
    }
    try {
      const run = await build(out, NEW);
      leftAsItWas(run, out, out);
      assert.match(run.stderr, /cannot write in this folder: operation not permitted \(EPERM\)/);
    } finally {
      execFileSync("chattr", ["-i", out]);
    }
    assert.deepEqual(hashes(out), before);
    assert.deepEqual(stateOf(out), TIDY);
  });

  it("is refused before anything moves when a file is where the site needs a folder", async () => {
    const { out } = await site("shape");
    const page = join(out, "kb/265/Q265433");
    rmSync(page, { recursive: true });
    writeFileSync(page, "someone's file\n");
    const before = hashes(out);
    const run = await build(out, NEW);
    leftAsItWas(run, out, page);
    assert.match(run.stderr, /needs a folder here and there is a file; move it out of/);
    assert.deepEqual(hashes(out), before);
  });

  // 721 moves: the search bundles (1-22), the folders' files, the top folder's files (the last).
  for (const nth of [1, 3, 100, 721])
    it(`is undone when move ${nth} fails: the site is as it was, byte for byte`, async () => {
      const { out, before } = await site(`undone-${nth}`);
      const run = await build(out, NEW, `commit-merge@${nth}:EIO`);
      assert.match(
        run.stderr,
        /the commit failed: injected failure \(EIO\); the commit was undone/,
      );
      leftAsItWas(run, out, join(out, ".+"));
      assert.deepEqual(hashes(out), before);
      assert.deepEqual(stateOf(out), TIDY);
      const again = await build(out, NEW);
      assert.equal(again.code, 0, again.stderr);
      assert.match(readFileSync(join(out, "index.html"), "utf8"), /New Brand/);
    });

  it("says so, naming the new files, when its undo fails too; the next build finishes it", async () => {
    const { out, before } = await site("undo-fails");
    const run = await build(out, NEW, "commit-merge@100:EIO,commit-undo@3:EACCES");
    assert.equal(run.code, 1, run.stderr);
    const [line, ...rest] = saidOnStderr(run.stderr);
    assert.deepEqual(rest, [], run.stderr);
    assert.match(
      line!,
      new RegExp(
        `the commit failed: injected failure \\(EIO\\), and undoing it failed too: injected failure \\(EACCES\\); these files of ${out} are the new build's, the rest the old: ([^ ]+, ){9}[^ ]+ and 87 more; build again to finish the commit`,
      ),
    );
    assert.doesNotMatch(line!, /left as it was/);
    // 100 moves begun, 99 done, 2 undone: 97 new files, 10 of them named.
    const named = /the rest the old: (.*) and 87 more/.exec(line!)![1]!.split(", ");
    const now = hashes(out);
    for (const path of named) assert.ok(now.has(path), `${path} is a file of --out`);
    assert.ok(stateOf(out).includes("commit.json"), "the journal stays for the next build");
    assert.ok(
      [...now].some(([path, hash]) => before.get(path) !== hash),
      "the site is a mix, as the line says",
    );

    const again = await build(out, NEW);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /stopped while it committed; finished it/);
    const clean = join(temp, "undo-fails-clean");
    assert.equal((await build(clean, NEW)).code, 0);
    assert.deepEqual(
      differences(siteContent(out), siteContent(clean)).filter((p) => p !== "pagefind/shards.json"),
      [],
    );
    assert.deepEqual(pagefindProblems(out), []);
    assert.deepEqual(stateOf(out), TIDY);
  });
});

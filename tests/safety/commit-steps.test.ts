/**
 * Issue 21, the commit's fault injection, step by step and in-process: a commit of a small site
 * (files replaced, added, a folder --out lacks, a file of the last build deleted, a file of the
 * user's kept) fails at each of its steps in turn with a disk error, and --out is the old site
 * byte for byte, the state folder tidy; with the undo failing at each of its steps too, the error
 * says so and names the new files, and recovery (the next build) makes it the new site exactly.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative } from "node:path";
import { after, describe, it } from "node:test";
import { commit, CommitError, recover } from "../../src/generate/publish/commit.ts";
import { injectFailures } from "../../src/generate/publish/failpoint.ts";
import { statePaths } from "../../src/generate/publish/state.ts";

const temp = mkdtempSync(join(tmpdir(), "kbsite-commit-steps-"));
after(() => rmSync(temp, { recursive: true, force: true }));

const OLD = {
  "a.html": "old a",
  "dir/b.html": "old b",
  "dir/c.html": "old c, unchanged",
  "gone/old.html": "a page the new build does not make",
  "keep/user.txt": "the user's own file",
  "kbsite.json": "old marker",
};
const STAGED = {
  "a.html": "new a",
  "dir/b.html": "new b",
  "dir/new.html": "new page",
  "fresh/x.html": "in a folder --out lacks",
  "index.html": "new home",
  "kbsite.json": "new marker",
};
const NEW = { ...OLD, ...STAGED } as Record<string, string>;
delete NEW["gone/old.html"];
/** The moves (dir/b, dir/new, fresh, a, index, kbsite.json) and the deletion. */
const STEPS = 7;

function write(root: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

function tree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true }))
    if (!entry.isDirectory())
      files[relative(root, join(entry.parentPath, entry.name))] = readFileSync(
        join(entry.parentPath, entry.name),
        "utf8",
      );
  return files;
}

/** A fresh site and a staged build of it, ready to commit. */
function setUp(name: string) {
  const out = join(temp, name, "site");
  write(out, OLD);
  const paths = statePaths(out, join(temp, name, "state"));
  write(paths.stage, STAGED);
  const tryCommit = () => commit(paths, out, ["gone/old.html"], "manifest", "report");
  return { out, paths, tryCommit };
}

const tidy = (dir: string) => readdirSync(dir).sort();

describe("a commit failing at each step", () => {
  it("commits the new site when nothing fails", () => {
    const { out, paths, tryCommit } = setUp("whole");
    injectFailures("");
    tryCommit();
    assert.deepEqual(tree(out), NEW);
    assert.deepEqual(tidy(paths.dir), ["build-report.json", "manifest.json"]);
    assert.ok(!readdirSync(out).includes("gone"), "the emptied folder goes");
  });

  for (let step = 1; step <= STEPS; step++)
    it(`is undone when step ${step} fails: the old site byte for byte`, () => {
      const { out, paths, tryCommit } = setUp(`undone-${step}`);
      injectFailures(`commit-merge@${step}:EIO`);
      assert.throws(tryCommit, (error: Error) => {
        assert.ok(error instanceof CommitError);
        assert.match(
          error.message,
          /^\/.*: the commit failed: injected failure \(EIO\); the commit was undone: the site in .* is left as it was$/,
        );
        assert.ok(error.message.startsWith(out), error.message);
        return true;
      });
      assert.deepEqual(tree(out), OLD);
      // The build deletes its staging folder as it fails (index.ts), as after any failure.
      assert.deepEqual(tidy(paths.dir), [basename(paths.stage)], "no journal, .next or kept file");
    });

  for (let step = 2; step <= STEPS; step++)
    for (let undo = 1; undo < step; undo++)
      it(`says so when step ${step} fails and step ${undo} of its undo too; recovery finishes it`, () => {
        const { out, paths, tryCommit } = setUp(`mixed-${step}-${undo}`);
        injectFailures(`commit-merge@${step}:EIO,commit-undo@${undo}:EACCES`);
        assert.throws(tryCommit, (error: Error) => {
          assert.match(
            error.message,
            /and undoing it failed too: injected failure \(EACCES\); these files of .* are the new build's, the rest the old: .+; build again to finish the commit/,
          );
          assert.doesNotMatch(error.message, /left as it was/);
          const named = /the rest the old: (.*); build again/.exec(error.message)![1]!.split(", ");
          const now = tree(out);
          const staged = STAGED as Record<string, string>;
          // A named file is the new one; the deleted one is gone; the folder moved whole, there.
          for (const path of named)
            if (path === "gone/old.html") assert.ok(!(path in now), path);
            else if (path === "fresh") assert.equal(now["fresh/x.html"], staged["fresh/x.html"]);
            else assert.equal(now[path], staged[path], path);
          // And what is not named is the old one.
          for (const [path, text] of Object.entries(now))
            if (!named.some((n) => path === n || path.startsWith(`${n}/`)))
              assert.equal(text, (OLD as Record<string, string>)[path], `${path} is old`);
          return true;
        });
        injectFailures("");
        assert.equal(recover(paths), "finished");
        assert.deepEqual(tree(out), NEW);
        assert.deepEqual(tidy(paths.dir), ["build-report.json", "manifest.json"]);
      });
});

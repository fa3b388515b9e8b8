/**
 * Issue 13, system errors are one line and a full disk is recovered: on a small tmpfs (where
 * this machine lets the test mount one: root on Linux; it skips, saying so, elsewhere) a rebuild
 * that runs out of space exits 1 with one line naming the disk, leaves the site as it was, and
 * once space is freed the next build writes the site a clean build writes. A read-only file
 * system is named as such, not as a missing file.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { sampleContentDir } from "../helpers/repo.ts";
import { differences, kbsite, pagefindProblems, siteContent, saidOnStderr } from "./harness.ts";

const temp = mkdtempSync(join(tmpdir(), "kbsite-disk-"));
const disk = join(temp, "disk");
mkdirSync(disk);
const mount = (...options: string[]) =>
  execFileSync("mount", ["-t", "tmpfs", "-o", options.join(","), "tmpfs", disk], { stdio: "pipe" });
let skip: string | false = false;
try {
  mount("size=16m");
} catch (error) {
  skip = `cannot mount a tmpfs here (${String(error).split("\n")[0]}); skipping the full-disk tests`;
}
after(() => {
  if (!skip) execFileSync("umount", [disk]);
  rmSync(temp, { recursive: true, force: true });
});
const env = { TMPDIR: join(temp, "tmp") };
mkdirSync(env.TMPDIR);

describe("a full disk", { skip, timeout: 300_000 }, () => {
  const out = join(disk, "site");
  const content = join(temp, "content");
  const filler = join(disk, "filler");
  const build = () => kbsite(["build", "--content", content, "--out", out], env);

  before(() => cpSync(sampleContentDir, content, { recursive: true }));

  it("fails a rebuild in one line, leaves the site as it was, and is recovered once freed", async () => {
    assert.equal((await build()).code, 0);
    const before = siteContent(out);
    const file = join(content, "000_c93d73789a0be035.txt");
    writeFileSync(file, readFileSync(file, "utf8").replace("Rpcss Leaks", "Rpcss Fills"));
    // All but a few kB of the disk: the staged pages and the search bundle do not fit.
    execFileSync("sh", ["-c", `dd if=/dev/zero of=${filler} bs=4k 2>/dev/null; true`]);
    rmSync(filler);
    execFileSync("sh", [
      "-c",
      `head -c $(( $(df -B1 --output=avail ${disk} | tail -1) - 40000 )) /dev/zero > ${filler}`,
    ]);
    const full = await build();
    assert.equal(full.code, 1, full.stdout + full.stderr);
    assert.match(full.stderr, /disk is full \(ENOSPC\); free some space and build again/);
    assert.equal(saidOnStderr(full.stderr).length, 1, full.stderr);
    assert.deepEqual(differences(siteContent(out), before), [], "the site is left as it was");
    rmSync(filler);
    const again = await build();
    assert.equal(again.code, 0, again.stderr);
    const clean = join(temp, "clean");
    assert.equal((await kbsite(["build", "--content", content, "--out", clean], env)).code, 0);
    assert.deepEqual(
      differences(siteContent(out), siteContent(clean)).filter((p) => p !== "pagefind/shards.json"),
      [],
    );
    assert.deepEqual(pagefindProblems(out), []);
  });

  it("names a read-only file system as such", async () => {
    execFileSync("mount", ["-o", "remount,ro", disk]);
    try {
      const run = await build();
      assert.equal(run.code, 1);
      assert.match(run.stderr, /read-only \(EROFS\)/);
      assert.equal(saidOnStderr(run.stderr).length, 1, run.stderr);
    } finally {
      execFileSync("mount", ["-o", "remount,rw", disk]);
    }
  });
});

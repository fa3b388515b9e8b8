/**
 * Issue 13: one build at a time per folder, and the ways a build stops or finds damage. A second
 * build into a folder being built refuses, naming the first one's pid, and the first one's site
 * comes out whole; a lock whose process is gone is taken over. Ctrl-C says so in one line, exits
 * 130 and leaves the site, the temp folder and the process table as they were. A truncated word
 * bucket and an emptied Pagefind file (as a kill left them before builds were staged) are
 * repaired by the next build.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { defaultStateDir } from "../../src/generate/publish/state.ts";
import { sampleContentDir } from "../helpers/repo.ts";
import {
  differences,
  kbsite,
  pagefindProblems,
  siteContent,
  start,
  saidOnStderr,
} from "./harness.ts";

const temp = mkdtempSync(join(tmpdir(), "kbsite-one-at-a-time-"));
after(() => rmSync(temp, { recursive: true, force: true }));
const env = { TMPDIR: join(temp, "tmp") };
mkdirSync(env.TMPDIR);
const args = (out: string, content = sampleContentDir) => [
  "build",
  "--content",
  content,
  "--out",
  out,
];
const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 600 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(check(), "timed out");
};

describe("one build at a time", { timeout: 300_000 }, () => {
  it("refuses a second build into the folder, naming the first one's pid", async () => {
    const out = join(temp, "busy");
    const first = start(args(out), env);
    const lock = join(defaultStateDir(out), "lock");
    await waitFor(() => existsSync(lock));
    process.kill(first.pid, "SIGSTOP"); // held in the middle of its build
    try {
      const second = await kbsite(args(out), env);
      assert.equal(second.code, 1);
      assert.match(
        second.stderr,
        new RegExp(`being built by another kbsite build \\(pid ${first.pid}`),
      );
      assert.equal(saidOnStderr(second.stderr).length, 1);
    } finally {
      process.kill(first.pid, "SIGCONT");
    }
    const done = await first.done;
    assert.equal(done.code, 0, done.stderr);
    assert.deepEqual(pagefindProblems(out), []);
    assert.ok(!existsSync(lock), "the lock is let go");
  });

  it("refuses a second build into the folder with another --state, naming the first one's pid", async () => {
    const out = join(temp, "busy-states");
    const first = start([...args(out), "--state", join(temp, "state-a")], env);
    const lock = join(temp, ".busy-states.kbsite-lock");
    await waitFor(() => existsSync(lock));
    process.kill(first.pid, "SIGSTOP");
    try {
      const second = await kbsite([...args(out), "--state", join(temp, "state-b")], env);
      assert.equal(second.code, 1);
      assert.match(
        second.stderr,
        new RegExp(`being built by another kbsite build \\(pid ${first.pid}.*--wait`),
      );
      assert.equal(saidOnStderr(second.stderr).length, 1);
    } finally {
      process.kill(first.pid, "SIGCONT");
    }
    assert.equal((await first.done).code, 0);
    assert.ok(!existsSync(lock), "the lock is let go");
    assert.ok(!readdirSync(out).some((name) => name.includes("lock")), "no lock in the site");
  });

  it("with --wait, runs a second build once the first has ended", async () => {
    const out = join(temp, "waiting");
    const first = start([...args(out), "--state", join(temp, "state-c")], env);
    await waitFor(() => existsSync(join(temp, ".waiting.kbsite-lock")));
    process.kill(first.pid, "SIGSTOP");
    let firstEnded = false;
    const second = start([...args(out), "--state", join(temp, "state-d"), "--wait"], env);
    try {
      const said = await second.line(/waiting/);
      assert.equal(said, `waiting for the build of ${out} by pid ${first.pid} to end`);
      await new Promise((r) => setTimeout(r, 1500)); // still waiting, not building
      assert.doesNotMatch(
        await Promise.race([second.done.then(() => "ended"), "running"]),
        /ended/,
      );
    } finally {
      process.kill(first.pid, "SIGCONT");
    }
    const firstRun = await first.done.finally(() => (firstEnded = true));
    assert.equal(firstRun.code, 0, firstRun.stderr);
    const secondRun = await second.done;
    assert.ok(firstEnded);
    assert.equal(secondRun.code, 0, secondRun.stderr);
    assert.match(secondRun.stdout, /^22 pages in .*waiting, 5 articles indexed/m);
    assert.deepEqual(pagefindProblems(out), []);
  });

  it("takes over a lock whose process is gone", async () => {
    const out = join(temp, "stale");
    const gone = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], {
      encoding: "utf8",
    });
    mkdirSync(defaultStateDir(out), { recursive: true });
    const lock = join(defaultStateDir(out), "lock");
    writeFileSync(
      lock,
      JSON.stringify({
        pid: Number(gone.stdout),
        host: (await import("node:os")).hostname(),
        since: "then",
      }),
    );
    const run = await kbsite(args(out), env);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(!existsSync(lock));
  });
});

describe("Ctrl-C", { timeout: 300_000 }, () => {
  it("stops in one line, exits 130, and leaves the site, temp folder and processes as they were", async () => {
    const out = join(temp, "stopped");
    const content = join(temp, "content");
    cpSync(sampleContentDir, content, { recursive: true });
    assert.equal((await kbsite(args(out, content), env)).code, 0);
    const before = siteContent(out);
    const file = join(content, "000_c93d73789a0be035.txt");
    writeFileSync(file, readFileSync(file, "utf8").replace("Rpcss Leaks", "Rpcss Stops"));
    const build = start(args(out, content), env);
    await build.line(/^plan /); // the indexers and the staging folder are busy
    process.kill(build.pid, "SIGINT");
    const run = await build.done; // and every process of its group ended
    assert.equal(run.code, 130, run.stdout + run.stderr);
    assert.match(run.stderr, /^kbsite build: stopped \(SIGINT\); the site in .* is unchanged$/m);
    assert.equal(saidOnStderr(run.stderr).length, 1, run.stderr);
    assert.deepEqual(differences(siteContent(out), before), []);
    assert.deepEqual(readdirSync(defaultStateDir(out)).sort(), [
      "build-report.json",
      "manifest.json",
      "records-jsonl",
    ]);
    assert.deepEqual(
      readdirSync(env.TMPDIR).filter((n) => n.startsWith("kbsite-search")),
      [],
    );
    const again = await kbsite(args(out, content), env);
    assert.equal(again.code, 0, again.stderr);
    assert.match(readFileSync(join(out, "kb/265/Q265433/index.html"), "utf8"), /Rpcss Stops/);
  });
});

describe("damaged output", { timeout: 300_000 }, () => {
  it("a truncated word bucket and an emptied Pagefind file are rebuilt", async () => {
    const out = join(temp, "damaged");
    assert.equal((await kbsite(args(out), env)).code, 0);
    const clean = siteContent(out);
    const bucket = readdirSync(join(out, "search/words"))[0]!;
    const path = join(out, "search/words", bucket);
    writeFileSync(path, readFileSync(path, "utf8").slice(0, 7));
    const fragments = join(out, "pagefind/fragment");
    writeFileSync(join(fragments, readdirSync(fragments)[0]!), "");
    const run = await kbsite(args(out), env);
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /WordIndexError|\n\s+at /);
    assert.deepEqual(differences(siteContent(out), clean), []);
    assert.deepEqual(pagefindProblems(out), []);
  });
});

/**
 * Issue 13, kbsite deletes only what it wrote and bad input never changes a site: the user's
 * CNAME, robots.txt, notes/ and .git/ survive every kind of rebuild (normal, --prefix changed,
 * another kbsite version, the manifest lost, the layout of builds before the state folder); a
 * missing or empty --content, or an error under --strict, fails in one line and leaves the site
 * as it was; --out inside --content and the reverse; the site holds no build state.
 */
import assert from "node:assert/strict";
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
import { differences, kbsite, siteContent, saidOnStderr } from "./harness.ts";

const temp = mkdtempSync(join(tmpdir(), "kbsite-user-files-"));
after(() => rmSync(temp, { recursive: true, force: true }));
const env = { TMPDIR: join(temp, "tmp") };
mkdirSync(env.TMPDIR);
const build = (...args: string[]) => kbsite(["build", ...args], env);

/** The user's own files in a site folder, as an admin publishing from it keeps them. */
const USER_FILES: Record<string, string> = {
  CNAME: "kb.example.com\n",
  "robots.txt": "User-agent: *\n",
  "notes/deploy.md": "rsync from here\n",
  ".git/HEAD": "ref: refs/heads/gh-pages\n",
};
const addUserFiles = (out: string) => {
  for (const [path, text] of Object.entries(USER_FILES)) {
    mkdirSync(join(out, path, ".."), { recursive: true });
    writeFileSync(join(out, path), text);
  }
};
const userFilesKept = (out: string, when: string) => {
  for (const [path, text] of Object.entries(USER_FILES))
    assert.equal(
      existsSync(join(out, path)) && readFileSync(join(out, path), "utf8"),
      text,
      `${path} kept ${when}`,
    );
};
/** One line on stderr, no stack trace. */
const oneLine = (stderr: string) => {
  assert.equal(saidOnStderr(stderr).length, 1, stderr);
  assert.doesNotMatch(stderr, /\n\s+at |Error:/);
};

describe("the user's files in --out", { timeout: 300_000 }, () => {
  const out = join(temp, "site");
  const manifest = join(defaultStateDir(out), "manifest.json");

  it("survive a first build's rebuilds: normal, --prefix changed, another version, state lost", async () => {
    assert.equal((await build("--content", sampleContentDir, "--out", out)).code, 0);
    addUserFiles(out);
    assert.equal((await build("--content", sampleContentDir, "--out", out)).code, 0);
    userFilesKept(out, "by a rebuild");
    const prefixed = await build(
      "--content",
      sampleContentDir,
      "--out",
      out,
      "--prefix",
      "/kb-archive/",
    );
    assert.equal(prefixed.code, 0, prefixed.stderr);
    userFilesKept(out, "by a --prefix change");
    const state = JSON.parse(readFileSync(manifest, "utf8"));
    writeFileSync(manifest, JSON.stringify({ ...state, version: "another kbsite" }));
    assert.equal((await build("--content", sampleContentDir, "--out", out)).code, 0);
    userFilesKept(out, "by another version's rebuild");
    rmSync(defaultStateDir(out), { recursive: true });
    assert.equal((await build("--content", sampleContentDir, "--out", out)).code, 0);
    userFilesKept(out, "with the manifest lost");
    assert.ok(existsSync(join(out, "kb/265/Q265433/index.html")));
  });

  it("survive the move from a site that held its manifest and report (builds before the state folder)", async () => {
    rmSync(defaultStateDir(out), { recursive: true });
    const files = ["build-report.json", ".kbsite/manifest.json", "kb/999/Q999999/index.html"];
    for (const file of files)
      (mkdirSync(join(out, file, ".."), { recursive: true }), writeFileSync(join(out, file), "{}"));
    const legacy = {
      version: "old",
      pages: {},
      search: {},
      bundles: [],
      delta: [],
      hidden: [],
      browse: {},
      copies: [],
      hashes: {},
      files,
    };
    writeFileSync(join(out, ".kbsite/manifest.json"), JSON.stringify(legacy));
    const run = await build("--content", sampleContentDir, "--out", out);
    assert.equal(run.code, 0, run.stderr);
    for (const file of files)
      assert.ok(!existsSync(join(out, file)), `${file}, the old build's, went`);
    userFilesKept(out, "by the move");
  });

  it("hold no build state: the manifest and report are beside the site, and the end says where", async () => {
    const run = await build("--content", sampleContentDir, "--out", out);
    assert.deepEqual(
      readdirSync(out).filter((n) => /report|manifest|^\.kbsite/.test(n)),
      [],
    );
    assert.ok(existsSync(join(out, ".nojekyll")), "GitHub Pages keeps the _ paths");
    assert.match(run.stdout, new RegExp(`report: ${defaultStateDir(out)}/build-report.json`));
    assert.match(run.stdout, /No --site-url: .*relative.*--site-url/);
    assert.doesNotMatch(run.stdout + run.stderr, /\[11ty\]/);
    // The last line weighs the site against the hosts' limits (issue 24), counting what is there.
    const entries = readdirSync(out, { recursive: true }).length;
    assert.match(
      run.stdout.trimEnd().split("\n").at(-1)!,
      new RegExp(
        `^Site: [0-9.]+ MiB \\([0-9.]+ MB\\) in ${entries.toLocaleString("en-US")} entries .*; fits GitHub Pages \\(1 GB a site\\), GitLab Pages`,
      ),
    );
  });
});

describe("bad input", { timeout: 300_000 }, () => {
  const out = join(temp, "kept");

  const unchangedBy = async (args: string[], message: RegExp) => {
    const before = siteContent(out);
    const run = await build(...args, "--out", out);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stderr, message);
    assert.deepEqual(differences(siteContent(out), before), [], "the site is left as it was");
    return run;
  };

  it("a --content that is not there, or holds no article, fails in one line and changes nothing", async () => {
    assert.equal((await build("--content", sampleContentDir, "--out", out)).code, 0);
    oneLine(
      (await unchangedBy(["--content", join(temp, "contnet")], /contnet: no such folder/)).stderr,
    );
    mkdirSync(join(temp, "empty"));
    oneLine(
      (await unchangedBy(["--content", join(temp, "empty")], /no article found in 0 files/)).stderr,
    );
  });

  it("an error under --strict fails, says so, and changes nothing", async () => {
    const content = join(temp, "one-bad");
    cpSync(sampleContentDir, content, { recursive: true });
    writeFileSync(join(content, "broken.txt"), "not an article\n");
    const run = await unchangedBy(
      ["--content", content, "--strict"],
      /failed: 1 error \(--strict\)/,
    );
    assert.match(run.stderr, /broken\.txt: /);
  });

  it("a folder neither empty nor a kbsite site is refused before anything is parsed", async () => {
    const precious = join(temp, "precious");
    mkdirSync(precious);
    writeFileSync(join(precious, "thesis.txt"), "years of work");
    const run = await build("--content", sampleContentDir, "--out", precious);
    assert.equal(run.code, 1);
    oneLine(run.stderr);
    assert.match(run.stderr, /not empty and holds no kbsite\.json/);
    assert.equal(run.stdout, "", "nothing was collected");
    assert.deepEqual(readdirSync(precious), ["thesis.txt"]);
  });

  it("an --out that is a file is one line", async () => {
    writeFileSync(join(temp, "a-file"), "x");
    const run = await build("--content", sampleContentDir, "--out", join(temp, "a-file"));
    assert.equal(run.code, 1);
    oneLine(run.stderr);
    assert.match(run.stderr, /is a file, not a folder/);
  });
});

describe("folders inside each other", { timeout: 300_000 }, () => {
  it("--out inside --content: the site is not read as articles", async () => {
    const content = join(temp, "c1");
    cpSync(sampleContentDir, content, { recursive: true });
    for (let i = 0; i < 2; i++) {
      const run = await build("--content", content, "--out", join(content, "site"));
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^5 files read: 5 articles, 0 duplicates merged, 0 errors\.$/m);
    }
  });

  it("--content inside --out: its articles survive rebuilds, a --prefix change among them", async () => {
    const out = join(temp, "o2");
    assert.equal((await build("--content", sampleContentDir, "--out", out)).code, 0);
    const content = join(out, "articles");
    cpSync(sampleContentDir, content, { recursive: true });
    const names = readdirSync(content).sort();
    for (const prefix of ["/", "/sub/"]) {
      const run = await build("--content", content, "--out", out, "--prefix", prefix);
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(readdirSync(content).sort(), names, `articles kept (prefix ${prefix})`);
    }
  });
});

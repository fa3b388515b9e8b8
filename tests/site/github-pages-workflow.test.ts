/**
 * deploy/github-pages.yml (issue 24): a workflow GitHub can run, whose cache keeps the state folder
 * and the site its build step uses, and whose build step, run here as written (with the sample
 * for content), builds the site under the repository's name and rebuilds it incrementally.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { promisify } from "node:util";
import { load } from "js-yaml";
import { cliPath, repoRoot, sampleContentDir } from "../helpers/repo.ts";

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  permissions: Record<string, string>;
  env: Record<string, string>;
  jobs: Record<string, { steps: Step[]; needs?: string }>;
}

const workflow = load(
  readFileSync(path.join(repoRoot, "deploy/github-pages.yml"), "utf8"),
) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const using = (action: string) => steps.find((step) => step.uses?.split("@")[0] === action);
const build = steps.find((step) => step.run?.includes("kbsite.js build"));

/** What GitHub puts for the expressions, for a repository named kb-archive owned by example. */
const expand = (text: string) =>
  text
    .replace(/\$\{\{\s*github\.event\.repository\.name\s*\}\}/g, "kb-archive")
    .replace(/\$\{\{\s*github\.repository_owner\s*\}\}/g, "example");

describe("the GitHub Pages workflow", () => {
  it("uses the actions a Pages deploy needs, on Node 20", () => {
    for (const action of [
      "actions/checkout",
      "actions/setup-node",
      "actions/cache",
      "actions/upload-pages-artifact",
      "actions/deploy-pages",
    ])
      assert.ok(using(action), `a step uses ${action}`);
    assert.equal(String(using("actions/setup-node")!.with!["node-version"]), "20");
    assert.ok(
      steps.some((step) => step.run?.startsWith("npm ci")),
      "npm ci",
    );
    assert.equal(workflow.permissions["pages"], "write");
    assert.equal(workflow.permissions["id-token"], "write");
    assert.ok(workflow.jobs["deploy"]?.needs, "deploy waits for the build");
  });

  it("builds under the repository's name, with the site's URL", () => {
    assert.ok(build, "a step runs kbsite build");
    for (const flag of ["--content", "--out", "--state", "--prefix", "--site-url"])
      assert.match(build.run!, new RegExp(`${flag} `), flag);
    assert.equal(workflow.env["PREFIX"], "/${{ github.event.repository.name }}/");
    assert.match(expand(workflow.env["SITE_URL"]!), /^https:\/\/example\.github\.io$/);
  });

  it("caches the state folder and the site the build uses, and uploads that site", () => {
    const cached = String(using("actions/cache")!.with!["path"]).split("\n").filter(Boolean);
    assert.ok(cached.includes(workflow.env["STATE"]!), `${cached} holds ${workflow.env["STATE"]}`);
    assert.ok(cached.includes(workflow.env["OUT"]!), `${cached} holds ${workflow.env["OUT"]}`);
    assert.equal(using("actions/upload-pages-artifact")!.with!["path"], workflow.env["OUT"]);
    const cache = using("actions/cache")!.with!;
    assert.match(String(cache["key"]), /\$\{\{\s*github\.run_id\s*\}\}/, "a new entry each run");
    assert.ok(String(cache["key"]).startsWith(String(cache["restore-keys"])), "restores the last");
  });

  describe("its build step, run as written", () => {
    const repo = mkdtempSync(path.join(os.tmpdir(), "kbsite-pages-"));
    after(() => rmSync(repo, { recursive: true, force: true }));
    const env = Object.fromEntries(
      Object.entries(workflow.env).map(([name, value]) => [name, expand(value)]),
    );
    const run = () =>
      promisify(execFile)(
        "bash",
        ["-euc", build!.run!.replace("node bin/kbsite.js", `"${process.execPath}" "${cliPath}"`)],
        { cwd: repo, env: { ...process.env, ...env }, timeout: 300_000 },
      );

    it("builds the site for /kb-archive/, keeping its state where the cache looks", async () => {
      symlinkSync(sampleContentDir, path.join(repo, env["CONTENT"]!));
      const first = await run();
      assert.match(first.stdout, /5 articles indexed for search this build/);
      const site = path.join(repo, env["OUT"]!);
      const marker = JSON.parse(readFileSync(path.join(site, "kbsite.json"), "utf8"));
      assert.equal(marker.prefix, "/kb-archive/");
      assert.match(
        readFileSync(path.join(site, "sitemap.xml"), "utf8"),
        /<loc>https:\/\/example\.github\.io\/kb-archive\/kb\/265\/Q265433\/<\/loc>/,
      );
      assert.ok(existsSync(path.join(repo, env["STATE"]!, "manifest.json")), "the state folder");
    });

    it("rebuilds incrementally from what the cache restores", async () => {
      const again = await run();
      assert.match(again.stdout, /0 articles indexed for search this build/);
    });
  });
});

/**
 * The test tiers (package.json): `npm test` runs every test file, and each folder of tests is in
 * exactly one of test:unit (no build: seconds), test:site (the sample and small builds), test:corpus
 * (the 60k archive) and test:e2e (Chromium), so a new folder cannot fall out of every tier.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { it } from "node:test";
import { repoRoot } from "../helpers/repo.ts";

const TIERS = ["test:unit", "test:site", "test:corpus", "test:e2e"];
const scripts = (
  JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  }
).scripts;
const foldersOf = (script: string) =>
  [...script.matchAll(/tests\/([\w-]+)\/\*\.test\.ts/g)].map((m) => m[1]!);
const testFolders = readdirSync(path.join(repoRoot, "tests"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .filter((d) =>
    readdirSync(path.join(repoRoot, "tests", d.name)).some((f) => f.endsWith(".test.ts")),
  )
  .map((d) => d.name)
  .sort();

it("npm test runs every folder of tests", () => {
  assert.match(scripts.test!, /tests\/\*\/\*\.test\.ts/);
});

it("puts each folder of tests in exactly one tier", () => {
  const tiered = TIERS.flatMap((tier) => foldersOf(scripts[tier] ?? "").map((f) => [f, tier]));
  for (const folder of testFolders) {
    const tiers = tiered.filter(([f]) => f === folder).map(([, t]) => t);
    assert.equal(tiers.length, 1, `tests/${folder}/ is in ${tiers.join(", ") || "no tier"}`);
  }
  for (const [folder] of tiered)
    assert.ok(testFolders.includes(folder!), `tests/${folder}/ has no tests`);
});

it("keeps builds out of the unit tier", () => {
  for (const folder of foldersOf(scripts["test:unit"]!))
    for (const file of readdirSync(path.join(repoRoot, "tests", folder))) {
      if (!file.endsWith(".test.ts") || file === "test-tiers.test.ts") continue; // this file names them
      const text = readFileSync(path.join(repoRoot, "tests", folder, file), "utf8");
      assert.doesNotMatch(
        text,
        /\b(execFile|spawn|useSite|kbsiteIn|cliPath)\b/,
        `tests/${folder}/${file} builds or runs the CLI`,
      );
    }
});

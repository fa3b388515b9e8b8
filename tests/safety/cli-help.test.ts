/**
 * Issue 15's CLI points: `kbsite --version`, `kbsite help CMD` and `CMD --help` list every option
 * of every command with its default, `check` counts in the singular when it should.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { HELP as build } from "../../src/cli/build.ts";
import { HELP as serve } from "../../src/cli/serve.ts";
import { kbsite } from "./harness.ts";

describe("kbsite's own help", { timeout: 120_000 }, () => {
  it("prints its version", async () => {
    const run = await kbsite(["--version"]);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^kbsite \d+\.\d+\.\d+\n$/);
  });

  for (const command of ["parse", "check", "build", "serve"])
    it(`lists every option of ${command}, with help CMD and CMD --help alike`, async () => {
      const [a, b] = [await kbsite(["help", command]), await kbsite([command, "--help"])];
      assert.equal(a.code, 0);
      assert.equal(b.code, 0);
      assert.equal(a.stdout, b.stdout);
      assert.match(a.stdout, new RegExp(`^Usage: kbsite ${command}`));
      const options = { build: build.options, serve: serve.options }[command] ?? [];
      for (const o of options) {
        const line = a.stdout.split("\n").find((l) => l.trimStart().startsWith(`--${o.name}`));
        assert.ok(line, `--${o.name} listed`);
        if (o.value) assert.match(line, /\(default: .+\)$/, `--${o.name} says its default`);
      }
    });

  it("check says 1 article, not 1 articles", async () => {
    const run = await kbsite(["check", "tests/fixtures/seed-000.txt"]);
    assert.match(run.stdout, /^1 file: 1 article, 0 duplicates merged, 0 failed$/m);
  });
});

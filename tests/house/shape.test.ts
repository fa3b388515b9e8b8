/**
 * The shape of the code, kept as the project grows: no import loops; layouts/ (templates, styles,
 * the browser's entry points) imports from src/, never the reverse; no source file over 200 lines;
 * every file opens with a header saying what it is for; no template runs esbuild when imported.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { codeFiles, importLoops, importsOf } from "../helpers/imports.ts";
import { repoRoot } from "../helpers/repo.ts";

const MAX_LINES = 200;
const SOURCES = codeFiles("src", "layouts", "scripts", "bin", ".eleventy.ts");
const text = (file: string) => readFileSync(join(repoRoot, file), "utf8");

describe("the code's shape", () => {
  it("finds the sources to check", () => {
    assert.ok(SOURCES.length > 100, `only ${SOURCES.length} source files found`);
  });

  it("has no import loops", () => {
    const loops = importLoops(SOURCES).map((loop) => loop.join(" → "));
    assert.deepEqual(loops, []);
  });

  it("imports layouts/ from src/, never src/ from layouts/", () => {
    const back = SOURCES.filter((f) => f.startsWith("src/")).flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith("layouts/"))
        .map((target) => `${file} → ${target}`),
    );
    assert.deepEqual(back, []);
  });

  it(`keeps every source file within ${MAX_LINES} lines`, () => {
    const long = SOURCES.map((file) => [file, text(file).split("\n").length - 1] as const)
      .filter(([, lines]) => lines > MAX_LINES)
      .map(([file, lines]) => `${file}: ${lines} lines`);
    assert.deepEqual(long, []);
  });

  it("opens every source file with a header comment", () => {
    const bare = SOURCES.filter((file) => {
      const first = text(file)
        .replace(/^#!.*\n/, "")
        .trimStart();
      return !first.startsWith("/**") && !first.startsWith("//");
    });
    assert.deepEqual(bare, []);
  });

  it("runs no esbuild in a template or browser script (the build bundles them)", () => {
    const users = codeFiles("layouts").filter((f) => /from\s+["']esbuild["']/.test(text(f)));
    assert.deepEqual(users, []);
  });
});

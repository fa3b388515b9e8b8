/**
 * The lists of code paths that decide when a rebuild must redo everything (src/source-hash.ts):
 * every listed path is there, and every file a build or a parse runs is under one of them, so a
 * move or a new folder cannot quietly stop a code change from invalidating earlier builds.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { PARSING_SOURCES, SITE_SOURCES, sourceHash } from "../../src/source-hash.ts";
import { codeFiles, reachable } from "../helpers/imports.ts";
import { repoRoot } from "../helpers/repo.ts";

/** Reached by a build but not output-shaping code: options and progress reach it as values. */
const NOT_HASHED = [
  "src/cli/",
  "src/config/",
  "src/progress.ts",
  "src/interrupt.ts",
  "src/printable.ts",
  "src/user-error.ts",
  "src/source-hash.ts",
];

const under = (file: string, paths: readonly string[]) =>
  paths.some((path) => file === path || file.startsWith(`${path}/`));

describe("the code paths behind the rebuild keys", () => {
  it("are all there", () => {
    for (const path of [...PARSING_SOURCES, ...SITE_SOURCES])
      assert.ok(existsSync(join(repoRoot, path)), `${path} is listed in src/source-hash.ts`);
  });

  it("make sourceHash fail, naming the path, when one is missing", () => {
    assert.throws(() => sourceHash(["src/no-such-folder"]), /src\/no-such-folder is not there/);
  });

  it("cover every file a build runs", () => {
    const entries = ["src/generate/index.ts", ".eleventy.ts", "src/corpus/worker.ts"];
    // The templates and the browser's entry points: Eleventy and the bundler reach them by name.
    const files = reachable([...entries, ...codeFiles("layouts")]);
    assert.ok(files.length > 50, `only ${files.length} files reached: is the import scan broken?`);
    const unhashed = files.filter(
      (f) =>
        !under(f, [...SITE_SOURCES, ...PARSING_SOURCES]) &&
        !NOT_HASHED.some((p) => f.startsWith(p)),
    );
    assert.deepEqual(unhashed, [], "files a build runs that no rebuild key covers");
  });
});

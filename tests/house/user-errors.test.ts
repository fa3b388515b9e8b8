/**
 * One error family: every error class in src/ a user can cause extends UserError, which the CLI
 * prints as one line (src/cli/failure.ts keeps no list). The two that do not are named here with
 * why: a new `extends Error` fails this test until it is one or the other.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { it } from "node:test";
import { codeFiles } from "../helpers/imports.ts";
import { repoRoot } from "../helpers/repo.ts";

const NOT_USER_ERRORS: Record<string, string> = {
  UserError: "the family itself",
  ParseError: "an article's own error: reported per file in the build report, never thrown out",
  SearchIndexError: "Pagefind's failure, described by its system text (failure.ts)",
};

it("has every error class a user can cause extend UserError", () => {
  const plain: string[] = [];
  for (const file of codeFiles("src"))
    for (const [, name] of readFileSync(join(repoRoot, file), "utf8").matchAll(
      /class (\w+) extends Error\b/g,
    ))
      if (!NOT_USER_ERRORS[name!]) plain.push(`${file}: ${name}`);
  assert.deepEqual(plain, [], "extend UserError (src/user-error.ts), or say here why not");
});

/**
 * Fixture pairs: tests/fixtures/<name>.txt is an input article, <name>.json the record expected
 * from it (or the failure). `UPDATE=1` rewrites the JSON; read the diff before committing it.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parseArticle } from "../../src/parser/index.ts";

const DIR = "tests/fixtures";
const names = readdirSync(DIR)
  .filter((file) => file.endsWith(".txt"))
  .map((file) => file.slice(0, -4))
  .sort();

describe("parseArticle on the fixture pairs", () => {
  for (const name of names) {
    it(`reads ${name}.txt as ${name}.json says`, () => {
      const path = `${DIR}/${name}.txt`;
      const actual = parseArticle(readFileSync(path), path);
      const expectedPath = `${DIR}/${name}.json`;
      if (process.env.UPDATE === "1")
        writeFileSync(expectedPath, JSON.stringify(actual, null, 2) + "\n");
      assert.deepEqual(actual, JSON.parse(readFileSync(expectedPath, "utf8")));
    });
  }
});

/** Every page of the built sample site is valid HTML, as html-validate's recommended rules see it. */
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { HtmlValidate, type Message } from "html-validate";
import { buildSample, PREFIXES } from "./harness.ts";

const validator = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: {
    // Off: purely a matter of how the markup is written, not of what it means.
    "attr-case": "off", // attribute names are case-insensitive in HTML
    "attr-quotes": "off", // single or double quotes parse the same
    "attribute-boolean-style": "off", // `hidden` and `hidden=""` are the same attribute
    "attribute-empty-style": "off", // `alt` and `alt=""` are the same
    "doctype-style": "off", // `<!DOCTYPE html>` and `<!doctype html>` are the same
    "element-case": "off", // element names are case-insensitive in HTML
    "no-trailing-whitespace": "off", // whitespace at line ends renders the same
    "void-style": "off", // `<br>` and `<br />` are the same element
    // Off: advice for search engines, which cut a <title> longer than 70 characters; an article's
    // title is the Knowledge Base's own, and shortening it would lose words, not fix markup.
    "long-title": "off",
  },
});

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

function describeMessage(dir: string, file: string, m: Message): string {
  return `${path.relative(dir, file)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`;
}

for (const prefix of PREFIXES) {
  describe(`writing valid HTML (site at ${prefix})`, () => {
    it("writes every page of the sample as valid HTML", async () => {
      const dir = await buildSample(prefix);
      const files = await htmlFiles(dir);
      const pages = files.map((f) => path.relative(dir, f));
      for (const page of ["index.html", "404.html", "kb/246/Q246691/index.html"]) {
        assert.ok(pages.includes(page), `the build has ${page}`);
      }
      const problems: string[] = [];
      for (const file of files) {
        const report = await validator.validateFile(file);
        for (const result of report.results) {
          problems.push(...result.messages.map((m) => describeMessage(dir, file, m)));
        }
      }
      assert.equal(problems.length, 0, `${problems.length} problems:\n${problems.join("\n")}`);
    });
  });
}

/**
 * Issue 5, determinism: two builds of the same content produce byte-identical output, the Pagefind
 * index included; only timing fields of build-report.json (if it has any) may differ.
 */
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { sampleContentDir } from "../helpers/repo.ts";
import { kbsite, listFiles } from "./site.ts";

const TIMING = /^(time|timings|ms|duration|durationMs|elapsed|seconds|started|finished|builtAt)$/i;

/** build-report.json without its timing fields. */
function withoutTimings(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTimings);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !TIMING.test(key))
        .map(([key, v]) => [key, withoutTimings(v)]),
    );
  return value;
}

describe("two builds of the sample", { timeout: 300_000 }, () => {
  let tmp: string;
  let one: string;
  let two: string;

  before(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), "kbsite-determinism-"));
    one = path.join(tmp, "one");
    two = path.join(tmp, "two");
    for (const out of [one, two]) {
      const result = await kbsite(["build", "--content", sampleContentDir, "--out", out]);
      assert.equal(result.code, 0, result.stderr);
    }
  });

  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it("write the same files", () => {
    assert.deepEqual(listFiles(two), listFiles(one));
  });

  it("write every file byte for byte the same, the Pagefind index included", () => {
    const differ: string[] = [];
    for (const file of listFiles(one)) {
      const a = readFileSync(path.join(one, file));
      let b: Buffer;
      try {
        b = readFileSync(path.join(two, file));
      } catch {
        continue; // reported by the test above
      }
      if (file === "build-report.json") {
        const [ra, rb] = [a, b].map((x) => withoutTimings(JSON.parse(x.toString("utf8"))));
        if (JSON.stringify(ra) !== JSON.stringify(rb)) differ.push(file);
      } else if (!a.equals(b)) differ.push(file);
    }
    assert.deepEqual(differ, [], `files that differ between two builds: ${differ.join(", ")}`);
  });

  it("do not depend on where the content folder is (README: source.path like content/000_….txt)", async () => {
    const moved = path.join(tmp, "elsewhere", "content");
    cpSync(sampleContentDir, moved, { recursive: true });
    const three = path.join(tmp, "three");
    const result = await kbsite(["build", "--content", moved, "--out", three]);
    assert.equal(result.code, 0, result.stderr);
    const differ = listFiles(one).filter(
      (file) =>
        file !== "build-report.json" &&
        !readFileSync(path.join(one, file)).equals(readFileSync(path.join(three, file))),
    );
    assert.deepEqual(
      differ,
      [],
      `files that change when the content folder moves: ${differ.join(", ")}`,
    );
  });

  it("do not write the machine's folders into the site", () => {
    const leaks = listFiles(one).filter((file) => {
      if (file === "build-report.json") return false;
      const bytes = readFileSync(path.join(one, file));
      return bytes.includes(Buffer.from(tmp)) || bytes.includes(Buffer.from(sampleContentDir));
    });
    assert.deepEqual(
      leaks.slice(0, 20),
      [],
      `${leaks.length} files hold ${tmp} or ${sampleContentDir}`,
    );
  });
});

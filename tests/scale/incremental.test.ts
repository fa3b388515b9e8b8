/**
 * Issue 4, incremental builds: a rebuild into the same folder after one article changed shows the
 * change on its page, its browse pages, its JSON and in the search index, and rewrites no other
 * article's page; after an article is removed, its page goes and the search drops it.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import { cliPath, repoRoot, sampleContentDir } from "../helpers/repo.ts";

const run = promisify(execFile);
const temp = mkdtempSync(join(tmpdir(), "kbsite-incremental-"));
after(() => rmSync(temp, { recursive: true, force: true }));

const content = join(temp, "content");
const out = join(temp, "site");
const CHANGED = "000_c93d73789a0be035.txt"; // Q265433
const REMOVED = "004_aa3afd072b96fed5.txt"; // Q246691
const NEW_TITLE = "Rpcss Leaks Memory Zanzibarically";

async function build(): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    [cliPath, "build", "--content", content, "--out", out],
    { cwd: repoRoot },
  );
  return stdout;
}

const read = (path: string) => readFileSync(join(out, path), "utf8");

/** The text of every file of a Pagefind bundle folder, gunzipped where it is gzip. */
function bundleText(bundle: string): string {
  const dir = join(out, bundle);
  if (!existsSync(dir)) return "";
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.pf_(fragment|meta|index)$/.test(e.name))
    .map((e) => {
      const bytes = readFileSync(join(e.parentPath, e.name));
      try {
        return gunzipSync(bytes).toString("latin1");
      } catch {
        return bytes.toString("latin1");
      }
    })
    .join("\n");
}

const shards = () =>
  JSON.parse(read("pagefind/shards.json")) as { bundles: string[]; hidden: string[] };

describe("rebuilding the sample after one article changed", { timeout: 300_000 }, () => {
  let untouched: number;

  before(async () => {
    cpSync(sampleContentDir, content, { recursive: true });
    await build();
    untouched = statSync(join(out, "kb/186/Q186401/index.html")).mtimeMs;
    const file = join(content, CHANGED);
    writeFileSync(
      file,
      readFileSync(file, "utf8").replaceAll(
        "Rpcss Leaks Memory with CoCreateInstance() and Release",
        NEW_TITLE,
      ),
    );
    await build();
  });

  it("shows the new title on the article's page and in its record", () => {
    assert.ok(read("kb/265/Q265433/index.html").includes(NEW_TITLE), "page has the new title");
    assert.equal(JSON.parse(read("kb/265/Q265433/index.json")).title, NEW_TITLE);
  });

  it("shows the new title on its browse pages", () => {
    assert.ok(read("products/winnt/index.html").includes(NEW_TITLE), "product page");
    assert.ok(read("years/2002/index.html").includes(NEW_TITLE), "year page");
  });

  it("puts the changed article in the search index and hides its old entry", () => {
    const { bundles, hidden } = shards();
    assert.ok(hidden.includes("Q265433"), "the old entry is hidden");
    const withNew = ["pagefind", ...bundles].filter((b) =>
      bundleText(b).includes("Zanzibarically"),
    );
    assert.ok(withNew.length > 0, `a merged bundle indexes the new word (bundles: ${bundles})`);
  });

  it("leaves the other articles' pages as they were", () => {
    assert.equal(statSync(join(out, "kb/186/Q186401/index.html")).mtimeMs, untouched);
  });

  it("removes a removed article's page and drops it from the search", async () => {
    rmSync(join(content, REMOVED));
    await build();
    assert.ok(!existsSync(join(out, "kb/246/Q246691/index.html")), "its page is gone");
    assert.ok(!existsSync(join(out, "kb/246/Q246691/index.json")), "its record is gone");
    assert.ok(shards().hidden.includes("Q246691"), "its search entries are hidden");
    assert.ok(read("kb/265/Q265433/index.html").includes(NEW_TITLE), "the change stays");
  });
});

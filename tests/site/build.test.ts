/**
 * Real builds into temp folders: the sample through the CLI, hostile records through the
 * pipeline. Checks the key files exist, nothing lands outside the output folder, and two builds
 * of the same content are byte-identical.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { after, describe, it } from "node:test";
import { promisify } from "node:util";
import type { Collection } from "../../src/corpus/collect.ts";
import { insideOut } from "../../src/generate/write/out-dir.ts";
import { checkOut } from "../../src/generate/publish/preflight.ts";
import { buildSite } from "../../src/generate/pipeline.ts";
import { collect } from "../../src/corpus/collect.ts";
import { cliPath, repoRoot, reportPath, sampleContentDir } from "../helpers/repo.ts";
import { hostileRecord, record } from "./fixtures.ts";

const run = promisify(execFile);
const temp = mkdtempSync(join(tmpdir(), "kbsite-site-test-"));
after(() => import("node:fs").then((fs) => fs.rmSync(temp, { recursive: true, force: true })));

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

function collection(): Collection {
  const articles = [record({ id: "Q265433", files: [{ name: "Rpcss.exe" }] }), hostileRecord()];
  return { inputs: 2, articles, duplicates: [], errors: [], formats: { jekyll: 0, text: 2 } };
}

describe("kbsite build of the sample", () => {
  const out = join(temp, "sample");

  it("writes every kind of page, the JSON beside them, the sitemap, 404 and the search index", async () => {
    await run(process.execPath, [cliPath, "build", "--content", sampleContentDir, "--out", out], {
      cwd: repoRoot,
    });
    for (const path of [
      "index.html",
      "404.html",
      "sitemap.xml",
      "search/index.html",
      "kb/265/Q265433/index.html",
      "kb/265/Q265433/index.json",
      "kb/246/Q246691/index.html",
      "kb/186/Q186401/index.json",
      "products/index.html",
      "products/winnt/index.html",
      "files/index.html",
      "files/rpcss.exe/index.html",
      "files/rpcss.exe/index.json",
      "file-stems/rpcss.json",
      "years/2002/index.html",
      "keywords/kbwinnt400presp7fix/index.html",
      "pagefind/pagefind.js",
      "pagefind/pagefind-entry.json",
      "assets/site.css",
      "kbsite.json",
      ".nojekyll",
    ]) {
      assert.ok(existsSync(join(out, path)), `${path} exists`);
    }
    const report = JSON.parse(readFileSync(reportPath(out), "utf8"));
    assert.equal(report.articles, 5);
    assert.equal(
      JSON.parse(readFileSync(join(out, "kb/265/Q265433/index.json"), "utf8")).id,
      "Q265433",
    );
  });

  it("builds under a prefix, and records it for serve", async () => {
    const prefixed = join(temp, "prefixed");
    await run(
      process.execPath,
      [
        cliPath,
        "build",
        "--content",
        sampleContentDir,
        "--out",
        prefixed,
        "--prefix",
        "kb-archive",
      ],
      {
        cwd: repoRoot,
      },
    );
    assert.equal(
      JSON.parse(readFileSync(join(prefixed, "kbsite.json"), "utf8")).prefix,
      "/kb-archive/",
    );
    const page = readFileSync(join(prefixed, "kb/265/Q265433/index.html"), "utf8");
    assert.ok(page.includes('href="/kb-archive/assets/site.css"'), "assets under the prefix");
    assert.ok(
      !/(href|src|action)="\/(?!kb-archive\/)/.test(page),
      "every site link under the prefix",
    );
  });
});

describe("a search index in several bundles", () => {
  it("counts every article indexed, whichever indexer took its bundle", async () => {
    const collection = await collect([sampleContentDir]);
    // One article a shard at least: the five seeds make four bundles for two indexers at once.
    const report = await buildSite(collection, {
      out: join(temp, "shards"),
      prefix: "/",
      minPerShard: 1,
    });
    assert.equal(report.indexed, collection.articles.length);
    assert.equal(
      JSON.parse(readFileSync(join(temp, "shards", "pagefind/shards.json"), "utf8")).bundles.length,
      3,
    );
  });
});

describe("building from hostile records", () => {
  const parent = join(temp, "hostile");
  const out = join(parent, "site");

  it("writes nothing outside the output folder and renders all text as text", async () => {
    mkdirSync(parent, { recursive: true });
    await buildSite(collection(), { out, prefix: "/" });
    // The site, and beside it the build's state (manifest, report, the compressed buckets of
    // /records.jsonl.gz).
    assert.deepEqual(readdirSync(parent).sort(), [".kbsite-state", "site"]);
    assert.deepEqual(readdirSync(join(parent, ".kbsite-state", "site")).sort(), [
      "build-report.json",
      "manifest.json",
      "records-jsonl",
    ]);
    const all = files(out);
    assert.ok(
      all.includes("files/etc-passwd/index.html"),
      "a hostile file name becomes a safe folder",
    );
    for (const file of all.filter((f) => f.endsWith(".html"))) {
      const text = readFileSync(join(out, file), "utf8");
      assert.ok(
        !/<script>alert|<img src=x|<svg onload/.test(text),
        `${file} has no markup from the records`,
      );
    }
    const article = readFileSync(join(out, "kb/050/Q50552/index.html"), "utf8");
    assert.ok(article.includes("{{ 7*7 }}"), "template syntax shown as written");
  });

  it("builds byte-identical sites from the same records", async () => {
    const again = join(temp, "hostile-again");
    await buildSite(collection(), { out: again, prefix: "/" });
    const a = files(out);
    assert.deepEqual(files(again), a);
    for (const file of a) {
      assert.ok(
        readFileSync(join(out, file)).equals(readFileSync(join(again, file))),
        `${file} is the same`,
      );
    }
  });
});

describe("rebuilding into the same folder", () => {
  it("removes the pages of articles that are gone, and keeps the rest", async () => {
    const out = join(temp, "rebuild");
    const both = collection();
    await buildSite(both, { out, prefix: "/" });
    assert.ok(existsSync(join(out, "kb/050/Q50552/index.html")), "first build has Q50552");
    const one = { ...both, articles: both.articles.filter((a) => a.id !== "Q50552") };
    await buildSite(one, { out, prefix: "/" });
    assert.ok(!existsSync(join(out, "kb/050/Q50552/index.html")), "its page is gone");
    assert.ok(!existsSync(join(out, "kb/050")), "and its empty folder");
    assert.ok(!existsSync(join(out, "files/etc-passwd")), "and the file pages only it had");
    for (const path of ["kb/265/Q265433/index.html", "assets/site.css", "pagefind/pagefind.js"]) {
      assert.ok(existsSync(join(out, path)), `${path} stays`);
    }
  });
});

describe("the output folder", () => {
  it("refuses to build into a folder that is not an earlier build", () => {
    const dir = join(temp, "precious");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "thesis.txt"), "years of work");
    assert.throws(() => checkOut(dir), /not a kbsite site/);
    assert.ok(existsSync(join(dir, "thesis.txt")), "the file is still there");
  });
  it("refuses paths that leave it", () => {
    assert.throws(() => insideOut(temp, "/../x"), /outside the output folder/);
    assert.throws(() => insideOut(temp, "a/../../x"), /outside the output folder/);
    assert.equal(insideOut(temp, "/kb/265/"), join(temp, "kb/265"));
  });
});

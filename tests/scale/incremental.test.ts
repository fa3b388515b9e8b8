/**
 * Issue 4, incremental builds: a rebuild into the same folder after one article changed shows the
 * change on its page, its browse pages, its JSON and in the search index, and rewrites no other
 * article's page; after an article is removed, its page goes and the search drops it. Apart from
 * the search bundles (a rebuild adds a delta bundle instead) every file is the one a cold build of
 * the same content writes; a rebuild of unchanged content rewrites nothing. The parse cache, kept
 * in buckets of articles, gives back after a rebuild the records a cold parse gives.
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
import { join, relative } from "node:path";
import { after, before, describe, it } from "node:test";
import { isDeepStrictEqual, promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import { collectCached } from "../../src/generate/incremental/collect-cached.ts";
import {
  BUCKETS,
  bucketOf,
  parseCacheDir,
  readParseCache,
  writeParseCache,
} from "../../src/generate/incremental/parse-cache.ts";
import { filePath, keywordPath } from "../../src/site/urls.ts";
import { cliPath, repoRoot, sampleContentDir } from "../helpers/repo.ts";
import { bucketOf as wordBucketOf, decodePostings, wordBucketPath } from "../../src/words/index.ts";

const run = promisify(execFile);
const temp = mkdtempSync(join(tmpdir(), "kbsite-incremental-"));
after(() => rmSync(temp, { recursive: true, force: true }));

const content = join(temp, "content");
const out = join(temp, "site");
const CHANGED = "000_c93d73789a0be035.txt"; // Q265433
/** A second copy of Q265433, unchanged: merging the changed one needs it parsed again. */
const COPY = "zzz_copy_of_000.txt";
const REMOVED = "004_aa3afd072b96fed5.txt"; // Q246691
const NEW_TITLE = "Rpcss Leaks Memory Zanzibarically";

async function build(into = out): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    [cliPath, "build", "--content", content, "--out", into],
    { cwd: repoRoot },
  );
  return stdout;
}

const read = (path: string) => readFileSync(join(out, path), "utf8");

/** Every file of a site but the search bundles and the manifest, by path inside it. */
function siteFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .filter((path) => !path.startsWith("pagefind/") && !path.startsWith(".kbsite/"))
    .sort();
}

/** Builds the content cold into a new folder and lists the files `out` has that differ from it. */
async function differencesFromColdBuild(): Promise<string[]> {
  const cold = mkdtempSync(join(temp, "cold-"));
  await build(cold);
  const differ: string[] = [];
  const files = siteFiles(cold);
  assert.deepEqual(siteFiles(out), files, "the same files");
  for (const path of files) {
    const [a, b] = [readFileSync(join(out, path)), readFileSync(join(cold, path))];
    if (path !== "build-report.json") {
      if (!a.equals(b)) differ.push(path);
      continue;
    }
    // `indexed` counts what this build indexed: a rebuild indexes only the change.
    const report = (bytes: Buffer) => ({ ...JSON.parse(bytes.toString("utf8")), indexed: 0 });
    if (!isDeepStrictEqual(report(a), report(b))) differ.push(path);
  }
  rmSync(cold, { recursive: true, force: true });
  return differ;
}

/**
 * mtimes of every file of the site but the manifest and the report, which every build rewrites
 * (the report says how many articles this build indexed).
 */
function mtimes(): Map<string, number> {
  const root = out;
  return new Map(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(root, join(e.parentPath, e.name)))
      .filter((path) => path !== ".kbsite/manifest.json" && path !== "build-report.json")
      .map((path) => [path, statSync(join(root, path)).mtimeMs]),
  );
}

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

const keywordFile = (keyword: string) => `${keywordPath(keyword).slice(1)}index.html`;
const fileFile = (name: string) => `${filePath(name).slice(1)}index.html`;

/** The ids the word index lists for a term. */
function wordIndexed(term: string): string[] {
  const path = wordBucketPath(wordBucketOf(term));
  if (!existsSync(join(out, path))) return []; // its last article gone, so is the bucket
  const bucket = JSON.parse(read(path)) as Record<string, string>;
  return decodePostings(bucket[term] ?? "").ids.map((n) => `Q${n}`);
}

const shards = () =>
  JSON.parse(read("pagefind/shards.json")) as { bundles: string[]; hidden: string[] };

describe("rebuilding the sample after one article changed", { timeout: 300_000 }, () => {
  let untouched: number;
  let unrelatedPage: number;
  let rewrittenByNoChange: string[];

  before(async () => {
    cpSync(sampleContentDir, content, { recursive: true });
    cpSync(join(content, CHANGED), join(content, COPY));
    await build();
    const first = mtimes();
    await build();
    rewrittenByNoChange = [...mtimes()]
      .filter(([path, t]) => first.get(path) !== t)
      .map(([p]) => p);
    untouched = statSync(join(out, "kb/186/Q186401/index.html")).mtimeMs;
    unrelatedPage = statSync(join(out, fileFile("kernel32.dll"))).mtimeMs;
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
    assert.ok(read(keywordFile("kbWinNT400PreSP7Fix")).includes(NEW_TITLE), "keyword page");
    assert.ok(read(fileFile("rpcss.exe")).includes(NEW_TITLE), "file page");
    assert.ok(read(`${filePath("rpcss.exe").slice(1)}index.json`).includes(NEW_TITLE), "file JSON");
  });

  it("rewrites no file when nothing changed", () => {
    assert.deepEqual(rewrittenByNoChange, []);
  });

  it("leaves the browse pages that do not list the article as they were", () => {
    assert.equal(statSync(join(out, fileFile("kernel32.dll"))).mtimeMs, unrelatedPage);
  });

  it("writes every file as a cold build of the same content does", async () => {
    assert.deepEqual(await differencesFromColdBuild(), []);
  });

  it("puts the changed article in the search index and hides its old entry", () => {
    const { bundles, hidden } = shards();
    assert.ok(hidden.includes("Q265433"), "the old entry is hidden");
    const withNew = ["pagefind", ...bundles].filter((b) =>
      bundleText(b).includes("Zanzibarically"),
    );
    assert.ok(withNew.length > 0, `a merged bundle indexes the new word (bundles: ${bundles})`);
    assert.deepEqual(wordIndexed("zanzibar"), ["Q265433"], "the word index has the new word");
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
    assert.ok(!wordIndexed("createremotethread").includes("Q246691"), "the word index drops it");
    assert.ok(read("kb/265/Q265433/index.html").includes(NEW_TITLE), "the change stays");
    const lists = [
      "products/winnt/index.html",
      keywordFile("kbWinNT400PreSP7Fix"),
      "years/2002/index.html",
    ];
    for (const page of lists) assert.ok(!read(page).includes("Q246691"), `${page} lists it`);
    assert.ok(!existsSync(join(out, keywordFile("kbenv"))), "its own keyword's page is gone");
    assert.ok(!existsSync(join(out, fileFile("kernel32.dll"))), "its own file's page is gone");
    assert.deepEqual(await differencesFromColdBuild(), []);
  });
});

/** Q256149 renamed into Q265433's bucket, so a bucket holds two articles. */
const NEIGHBOUR = `Q${265433 + BUCKETS}`;

/** The sample in `dir`, with a copy of Q256149 as NEIGHBOUR. */
function withNeighbour(dir: string): void {
  cpSync(sampleContentDir, dir, { recursive: true });
  const source = join(dir, "001_ff40c626a2928610.txt");
  writeFileSync(
    join(dir, "zzz_neighbour.txt"),
    readFileSync(source, "utf8").replaceAll("Q256149", NEIGHBOUR),
  );
}

describe("a rebuild of every page from the parse cache", { timeout: 300_000 }, () => {
  it("renders the cached articles as a cold build does", async () => {
    const dir = mkdtempSync(join(temp, "prefix-"));
    const content = join(dir, "content");
    withNeighbour(content);
    const cli = (into: string, prefix: string) =>
      run(
        process.execPath,
        [cliPath, "build", "--content", content, "--out", into, "--prefix", prefix],
        { cwd: repoRoot },
      );
    await cli(join(dir, "rebuilt"), "/");
    // Another prefix rebuilds every page, from the cached records (their text read lazily).
    const { stdout } = await cli(join(dir, "rebuilt"), "/kb-archive/");
    assert.match(stdout, /0 files parsed/);
    assert.ok(existsSync(join(dir, "rebuilt", `kb/265/${NEIGHBOUR}/index.html`)), "the neighbour");
    await cli(join(dir, "cold"), "/kb-archive/");
    const files = siteFiles(join(dir, "cold")).filter((path) => path !== "build-report.json");
    for (const path of files)
      assert.ok(
        readFileSync(join(dir, "rebuilt", path)).equals(readFileSync(join(dir, "cold", path))),
        `${path} differs from a cold build's`,
      );
    for (const out of ["rebuilt", "cold"])
      rmSync(parseCacheDir(join(dir, out)), { recursive: true, force: true });
  });
});

describe("the parse cache after a rebuild", { timeout: 120_000 }, () => {
  const dir = join(temp, "buckets");
  const cacheOf = join(temp, "buckets-site");
  after(() => rmSync(parseCacheDir(cacheOf), { recursive: true, force: true }));

  /** Collects `dir` with the cache of `out`, writes the cache back, and returns it read again. */
  async function collectInto(out: string) {
    const { cache, dirty } = await collectCached(dir, readParseCache(out));
    writeParseCache(out, cache, dirty);
    return readParseCache(out);
  }

  /** The records as a cold collect of `dir` makes them (no cache), as JSON in id order. */
  async function cold(): Promise<string[]> {
    const { collection } = await collectCached(dir, readParseCache(`${cacheOf}-never-built`));
    return collection.articles.map((record) => JSON.stringify(record)).sort();
  }

  const records = (cache: ReturnType<typeof readParseCache>) =>
    [...cache.articles.values()].map((a) => JSON.stringify(a.record)).sort();

  // The neighbour is unchanged, so its text must come from its bucket's old file.
  before(() => withNeighbour(dir));

  it("rewrites only the changed article's bucket and keeps its neighbour's text", async () => {
    assert.equal(bucketOf(NEIGHBOUR), bucketOf("Q265433"));
    const first = await collectInto(cacheOf);
    assert.ok(first.articles.has(NEIGHBOUR), "the neighbour is an article");
    const file = join(dir, CHANGED);
    writeFileSync(file, readFileSync(file, "utf8").replaceAll("Rpcss Leaks Memory", NEW_TITLE));
    const second = await collectInto(cacheOf);
    const moved = [...second.buckets].filter(([b, name]) => first.buckets.get(b) !== name);
    assert.deepEqual(
      moved.map(([b]) => b),
      [bucketOf("Q265433")],
    );
    assert.deepEqual(records(second), await cold());
  });

  it("drops a removed article's bucket when it was the last in it", async () => {
    rmSync(join(dir, REMOVED));
    const cache = await collectInto(cacheOf);
    assert.ok(!cache.buckets.has(bucketOf("Q246691")), "its bucket is gone");
    assert.deepEqual(records(cache), await cold());
  });
});

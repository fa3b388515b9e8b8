/**
 * The suggestion index (src/generate/search/suggest-index.ts) and its reader (layouts/assets/suggest.ts),
 * run together in Node: buckets split past BUCKET entries, every bucket stays small, and the
 * reader finds ids, file names and title words from the second character on.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { suggest } from "../../layouts/assets/suggest.ts";
import type { OutDir } from "../../src/generate/write/out-dir.ts";
import { BUCKET, SUGGEST_DIR, writeSuggestIndex } from "../../src/generate/search/suggest-index.ts";
import { SiteData } from "../../src/site/data.ts";
import { record } from "../site/fixtures.ts";

const files = new Map<string, string>();

before(() => {
  const articles = [
    record({
      id: "Q265433",
      title: "Rpcss Leaks Memory with CoCreateInstance() and Release",
      files: [{ name: "Rpcss.exe" }],
    }),
    record({
      id: "Q256149",
      title: "Memory Leak Using Multiple Threads",
      files: [{ name: "RPCSS.EXE" }],
    }),
    // Enough titles starting "mem…" to split the "me" bucket, and enough ids to split "q1".
    ...Array.from({ length: 3 * BUCKET }, (_, i) =>
      record({ id: `Q${100000 + i}`, title: `Memo${i % 40} number ${i}` }),
    ),
  ];
  const out = { update: (path: string, content: string) => files.set(path, content) };
  writeSuggestIndex(new SiteData(articles, { prefix: "/" }), out as unknown as OutDir);
  globalThis.document = { documentElement: { dataset: { prefix: "/" } } } as unknown as Document;
  globalThis.fetch = (async (url: string) => {
    const body = files.get(`/${String(url).replace(/^\//, "")}`);
    return { ok: body !== undefined, json: async () => JSON.parse(body ?? "null") };
  }) as unknown as typeof fetch;
});

describe("the suggestion index", () => {
  it("splits a bucket past its size, and keeps every bucket small", () => {
    const me = JSON.parse(files.get(`${SUGGEST_DIR}me.json`)!);
    assert.equal(me.s, 1, "me.json is split");
    assert.ok(files.has(`${SUGGEST_DIR}mem.json`));
    for (const [path, body] of files)
      assert.ok(body.length < 30_000, `${path} is ${body.length} bytes`);
  });

  it("suggests file names and titles from the second character", async () => {
    const found = await suggest("rp");
    assert.match(found[0]?.label ?? "", /^rpcss\.exe$/i);
    assert.deepEqual(
      [found[0]?.detail, found[0]?.href],
      ["file, in 2 articles", "/files/rpcss.exe/"],
    );
    assert.ok(found.some((s) => s.label === "Q265433"));
  });

  it("suggests ids however they are spelled", async () => {
    for (const query of ["2654", "Q2654", "kb265433"])
      assert.equal((await suggest(query))[0]?.href, "/kb/265/Q265433/", query);
  });

  it("walks down split buckets as more is typed", async () => {
    const found = await suggest("memo17");
    assert.ok(found.length > 0);
    assert.ok(
      found.every((s) => /^Memo17 /.test(s.detail ?? "")),
      JSON.stringify(found),
    );
    assert.equal((await suggest("q100599"))[0]?.label, "Q100599");
  });

  it("narrows titles by the query's other words", async () => {
    const found = await suggest("memory thr");
    assert.deepEqual(
      found.map((s) => s.label),
      ["Q256149"],
    );
  });

  it("suggests nothing for one character", async () => {
    assert.deepEqual(await suggest("r"), []);
  });
});

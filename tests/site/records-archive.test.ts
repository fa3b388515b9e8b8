/**
 * Issue 16, the archive as data: /records.jsonl.gz holds exactly the site's articles, one record
 * per line in id order, and each line validates against /record.schema.json, checked with a
 * JSON Schema validator (ajv), not with the zod schema it was generated from; a rebuild keeps it
 * current and compresses again only the id buckets whose records changed.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { gunzipSync } from "node:zlib";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { Collection } from "../../src/corpus/collect.ts";
import { buildSite } from "../../src/generate/pipeline.ts";
import { defaultStateDir } from "../../src/generate/publish/state.ts";
import type { ArticleRecord } from "../../src/record.ts";
import { articlePath } from "../../src/site/urls.ts";
import { hostileRecord, record } from "./fixtures.ts";

const temp = mkdtempSync(join(tmpdir(), "kbsite-records-"));
after(() => rmSync(temp, { recursive: true, force: true }));

const collection = (articles: ArticleRecord[]): Collection => ({
  inputs: articles.length,
  articles,
  duplicates: [],
  errors: [],
  formats: { jekyll: 0, text: articles.length },
});

/** The site's articles, as their index.json beside each page holds them, in id order. */
function siteRecords(out: string): unknown[] {
  const records: unknown[] = [];
  for (const bucket of readdirSync(join(out, "kb")).sort())
    for (const id of readdirSync(join(out, "kb", bucket)))
      records.push(JSON.parse(readFileSync(join(out, "kb", bucket, id, "index.json"), "utf8")));
  return records.sort((a, b) => idNumber(a) - idNumber(b));
}
const idNumber = (r: unknown) => Number((r as { id: string }).id.slice(1));

const lines = (out: string) =>
  gunzipSync(readFileSync(join(out, "records.jsonl.gz")))
    .toString("utf8")
    .split("\n");

describe("records.jsonl.gz", { timeout: 120_000 }, () => {
  const out = join(temp, "site");
  const members = join(defaultStateDir(out), "records-jsonl");
  const articles = [
    record({ id: "Q265433", files: [{ name: "Rpcss.exe", size: 106768, platform: "x86" }] }),
    record({ id: "Q265999", lastModified: undefined, productCode: undefined }),
    record({ id: "Q186401", references: ["Q265433"] }),
    hostileRecord(),
  ];

  it("holds exactly the site's articles, in id order, each valid against record.schema.json", async () => {
    await buildSite(collection(articles), { out, prefix: "/" });
    const text = lines(out);
    assert.equal(text.pop(), "", "the file ends with a newline");
    const records = text.map((line) => JSON.parse(line) as unknown);
    assert.deepEqual(records, siteRecords(out));
    // Each page's index.json is the whole record, compact on one line, as its archive line (issue 24).
    for (const [i, line] of text.entries()) {
      const path = join(out, articlePath((records[i] as { id: string }).id), "index.json");
      assert.equal(readFileSync(path, "utf8"), `${line}\n`, path);
    }
    assert.deepEqual(
      records.map((r) => (r as { id: string }).id),
      ["Q50552", "Q186401", "Q265433", "Q265999"],
    );
    const schema = JSON.parse(readFileSync(join(out, "record.schema.json"), "utf8")) as object;
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    for (const r of records) assert.ok(validate(r), JSON.stringify(validate.errors));
    // and the validator does check: a record missing its title fails
    const { title: _, ...untitled } = records[0] as Record<string, unknown>;
    assert.equal(validate(untitled), false);
    assert.match(readFileSync(join(out, "index.html"), "utf8"), /href="\/records.jsonl.gz"/);
    assert.match((schema as { description: string }).description, /whole record.*compact/);
  });

  it("keeps up with a rebuild, compressing again only the bucket that changed", async () => {
    const before = new Map(readdirSync(members).map((name) => [name.split("-")[0], name]));
    const changed = articles.map((a) => (a.id === "Q186401" ? { ...a, title: "Changed" } : a));
    const fewer = changed.filter((a) => a.id !== "Q265999");
    await buildSite(collection(fewer), { out, prefix: "/" });
    const records = lines(out)
      .filter(Boolean)
      .map((line) => JSON.parse(line) as ArticleRecord);
    assert.deepEqual(records, siteRecords(out));
    assert.deepEqual(
      records.map((r) => r.id),
      ["Q50552", "Q186401", "Q265433"],
    );
    assert.equal(records[1]!.title, "Changed");
    const after = new Map(readdirSync(members).map((name) => [name.split("-")[0], name]));
    assert.equal(after.get("50"), before.get("50"), "an unchanged bucket kept");
    assert.notEqual(after.get("186"), before.get("186"), "the changed one compressed again");
    assert.notEqual(after.get("265"), before.get("265"), "the one that lost an article too");
    assert.equal(after.size, 3, "no member left that no bucket uses");
  });

  it("is not rewritten by a rebuild of unchanged content", async () => {
    const file = join(out, "records.jsonl.gz");
    const before = statSync(file).mtimeMs;
    const same = articles
      .filter((a) => a.id !== "Q265999")
      .map((a) => (a.id === "Q186401" ? { ...a, title: "Changed" } : a));
    await buildSite(collection(same), { out, prefix: "/" });
    assert.equal(statSync(file).mtimeMs, before);
  });
});

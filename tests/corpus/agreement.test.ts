/**
 * The corpus test (issue 2): every file parses or is reported with a reason, and the records of
 * one article agree across its forms — Jekyll vs flat text, and flat text vs its one-line
 * collapsed copy — on ≥ 99.5 % of articles for each compared field.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parseFiles } from "../../src/corpus/pool.ts";
import { walk } from "../../src/corpus/walk.ts";
import { decode } from "../../src/parser/decode.ts";
import { parseArticle } from "../../src/parser/index.ts";
import type { ArticleRecord } from "../../src/record.ts";
import { corpusDir } from "./corpus-dir.ts";

const CORPUS_FILES = 117_324;
const THRESHOLD = 0.995;

/** The compared fields, each reduced to one string so that 117k records cost little memory. */
const FIELDS: Record<string, (r: ArticleRecord) => string> = {
  id: (r) => r.id,
  title: (r) => r.title,
  lastModified: (r) => r.lastModified ?? "",
  keywords: (r) => r.keywords.join(" "),
  headings: (r) => r.sections.map((s) => s.heading).join("\n"),
  files: (r) => r.files.map((f) => f.name).join("\n"),
  references: (r) => r.references.join(" "),
};
type Summary = Record<string, string>;
const summarize = (r: ArticleRecord): Summary =>
  Object.fromEntries(Object.entries(FIELDS).map(([name, field]) => [name, field(r)]));

const { dir, skip } = corpusDir();

describe("the real corpus", { skip }, () => {
  const jekyll = new Map<string, Summary>();
  const text = new Map<string, { path: string; summary: Summary }>();
  const failures: string[] = [];
  let parsed = 0;

  it("parses every file or reports it with a reason, with zero crashes", async () => {
    const { files } = await walk([dir!]);
    assert.equal(files.length, CORPUS_FILES);
    await parseFiles(files, {
      onResult: (result) => {
        parsed++;
        if (!result.ok) return void failures.push(`${result.path}: ${result.reason}`);
        const { record } = result;
        if (record.source.format === "jekyll") jekyll.set(record.id, summarize(record));
        else text.set(record.id, { path: record.source.path, summary: summarize(record) });
      },
    });
    assert.equal(parsed, CORPUS_FILES);
    const crashes = failures.filter((line) => line.includes("internal parser error"));
    assert.deepEqual(crashes, []);
    console.log(
      `parsed ${parsed}: ${jekyll.size} jekyll, ${text.size} text, ${failures.length} reported`,
    );
  });

  it("gives the same fields from both forms of an article (≥ 99.5 % per field)", () => {
    const pairs: Array<[Summary, Summary]> = [];
    for (const [id, { summary }] of text) {
      const other = jekyll.get(id);
      if (other) pairs.push([other, summary]);
    }
    assert.ok(pairs.length >= 56_000, `only ${pairs.length} articles in both forms`);
    assertAgreement("jekyll vs text", pairs);
  });

  it("gives the same fields from a flat-text article and its collapsed one-line copy", () => {
    const pairs: Array<[Summary, Summary]> = [];
    for (const { path, summary } of text.values()) {
      const collapsed = decode(readFileSync(path)).replace(/\s+/g, " ").trim();
      const result = parseArticle(collapsed, path);
      pairs.push([summary, result.ok ? summarize(result.record) : {}]);
    }
    assertAgreement("text vs collapsed", pairs);
  });
});

function assertAgreement(label: string, pairs: Array<[Summary, Summary]>): void {
  const shares = Object.keys(FIELDS).map((name) => {
    const agree = pairs.filter(([a, b]) => a[name] === b[name]).length;
    return { name, agree, share: agree / pairs.length };
  });
  const lines = shares.map(
    ({ name, agree, share }) =>
      `${label} ${name}: ${(share * 100).toFixed(2)} % (${agree}/${pairs.length})`,
  );
  console.log(lines.join("\n"));
  const low = lines.filter((_, i) => shares[i]!.share < THRESHOLD);
  assert.deepEqual(low, [], `below ${THRESHOLD * 100} %`);
}

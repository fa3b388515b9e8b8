/**
 * Issue 5, hostile and broken input: every generated case through parseArticle. It never throws,
 * gives the page or the error the case expects, every record passes the schema, and no case takes
 * long enough to look like a hang.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseArticle, type ParseResult } from "../../src/parser/index.ts";
import { ArticleRecord } from "../../src/record.ts";
import { hostileCases, type HostileCase } from "../reliability/hostile-corpus.ts";

/** Generous bounds, only to catch hangs and quadratic blow-ups. */
const LIMIT_MS = { normal: 3_000, big: 15_000 };

/** Every string in a record, one per line: where "shows verbatim" is looked for. */
export function recordText(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(recordText).join("\n");
  if (value && typeof value === "object") return Object.values(value).map(recordText).join("\n");
  return "";
}

/** What is wrong with a parse result for a case; empty when it is right. */
export function problems(c: HostileCase, result: ParseResult): string[] {
  const found: string[] = [];
  const e = c.expect;
  if (!result.ok) {
    if (result.path !== c.file) found.push(`error path "${result.path}", not "${c.file}"`);
    if (!result.reason.trim()) found.push("error without a reason");
    if (/\n\s+at /.test(result.reason)) found.push("error reason is a stack trace");
    if (e.kind === "page") found.push(`expected a page for ${e.id}, got error "${result.reason}"`);
    else if (!e.reason.test(result.reason))
      found.push(`error reason "${result.reason}" does not match ${e.reason}`);
    return found;
  }
  const record = result.record;
  const parsed = ArticleRecord.safeParse(record);
  if (!parsed.success) found.push(`record fails the schema: ${parsed.error.message}`);
  if (e.kind === "error") {
    found.push(`expected an error matching ${e.reason}, got a record for ${record.id}`);
    return found;
  }
  if (record.id !== e.id) found.push(`id "${record.id}", expected "${e.id}"`);
  if (record.source.path !== c.file) found.push(`source.path "${record.source.path}"`);
  const text = recordText(record);
  for (const s of e.shows)
    if (!text.includes(s)) found.push(`record text lacks ${JSON.stringify(s)}`);
  if (/[\u0000]/.test(text)) found.push("record text keeps a NUL byte");
  const extra = e.kind === "page" ? e.check?.(record) : undefined;
  if (extra) found.push(extra);
  return found;
}

const cases = hostileCases();

describe("parseArticle on hostile input", () => {
  for (const c of cases) {
    it(`${c.file}: ${c.about} → ${c.expect.kind}`, (t) => {
      const bytes = typeof c.content === "string" ? Buffer.from(c.content) : c.content;
      const started = performance.now();
      let result: ParseResult | undefined;
      assert.doesNotThrow(() => {
        result = parseArticle(bytes, c.file);
      }, "parseArticle threw");
      const ms = performance.now() - started;
      t.diagnostic(`${(bytes.length / 1024).toFixed(0)} KB parsed in ${ms.toFixed(0)} ms`);
      assert.ok(result, "no result");
      assert.deepEqual(problems(c, result), []);
      const limit = c.big ? LIMIT_MS.big : LIMIT_MS.normal;
      assert.ok(ms < limit, `took ${ms.toFixed(0)} ms (limit ${limit} ms)`);
    });
  }

  it("takes the same input as a string and as bytes alike (UTF-8 cases)", () => {
    for (const c of cases.filter((x) => typeof x.content === "string" && !x.big)) {
      const fromString = parseArticle(c.content as string, c.file);
      const fromBytes = parseArticle(Buffer.from(c.content as string), c.file);
      assert.deepEqual(fromString, fromBytes, c.file);
    }
  });
});

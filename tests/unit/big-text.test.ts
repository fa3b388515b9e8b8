/**
 * Issue 5, a 20 MB article: the short texts taken from an article (og:description, the search
 * excerpt) read only the start of its text, and give what collapsing the whole text gave; the page
 * itself survives long white-space runs and huge preformatted blocks.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { indexedText } from "../../src/generate/search/search-records.ts";
import { BOILERPLATE, wordsOf } from "../../src/words/index.ts";
import type { ArticleRecord } from "../../src/record.ts";
import { flatten, renderText, summary } from "../../src/site/article-text.ts";

/** Text rich in white space of every kind, boilerplate and punctuation. */
const textish = fc
  .array(
    fc.oneof(
      fc.constantFrom(" ", "  ", "\n", "\n\n", "\n \n", "\r\n", "\t", "\u00a0", "\u2028", "\ufeff"),
      fc.constantFrom("word", "a", ",", ".", "Q123456", "CNTACTMS", "x".repeat(300)),
      fc.string({ maxLength: 5 }),
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(""));

/** The code before issue 5's change, which collapsed the whole text. */
const oldFlat = (text: string) => text.replace(/\s+/g, " ").trim();

function oldSummary(text: string, max = 200): string {
  const flat = oldFlat(text);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2)).replace(/[\s,;:.]+$/, "") + "…";
}

/** What the word index gets of an article: every heading, every block but the boilerplate. */
function referenceIndexedText(article: ArticleRecord): string {
  const parts: string[] = [];
  for (const section of article.sections) {
    parts.push(section.heading);
    for (const block of section.text.split(/\n\s*\n/))
      if (!BOILERPLATE.test(block)) parts.push(block);
  }
  return parts.join("\n");
}

const withText = (texts: string[]) =>
  ({ sections: texts.map((text, i) => ({ heading: `H${i}`, text })) }) as ArticleRecord;

describe("flatten", () => {
  it("gives the start of the whole collapsed text, for any limit", () => {
    fc.assert(
      fc.property(textish, fc.nat(400), (text, limit) => {
        assert.equal(flatten(text, limit), oldFlat(text).slice(0, limit));
      }),
      { numRuns: 2000 },
    );
  });

  it("reads past a long run of white space", () => {
    const text = `a${" \n".repeat(50_000)}b c`;
    assert.equal(flatten(text, 3), "a b");
    assert.equal(flatten(text, 10), "a b c");
  });
});

describe("summary", () => {
  it("is what summarizing the whole collapsed text gave", () => {
    fc.assert(
      fc.property(textish, fc.integer({ min: 4, max: 300 }), (text, max) => {
        assert.equal(summary(text, max), oldSummary(text, max));
      }),
      { numRuns: 2000 },
    );
  });

  it("takes well under a second on a 20 MB text", () => {
    const text = "The private bytes in RPCSS may rise over time.\n".repeat(450_000);
    const start = performance.now();
    assert.match(summary(text), /^The private bytes .*…$/);
    assert.ok(performance.now() - start < 500, `${performance.now() - start} ms`);
  });
});

describe("indexedText", () => {
  it("holds the words of every heading and block but the boilerplate, however deep", () => {
    fc.assert(
      fc.property(fc.array(textish, { maxLength: 4 }), (texts) => {
        const article = withText(texts);
        assert.deepEqual(wordsOf(indexedText(article)), wordsOf(referenceIndexedText(article)));
      }),
      { numRuns: 2000 },
    );
  });

  it("takes well under a second on a 20 MB text", () => {
    const article = withText(["The private bytes in RPCSS may rise.\n".repeat(560_000)]);
    const start = performance.now();
    assert.ok(indexedText(article).length > 300);
    assert.ok(performance.now() - start < 500, `${performance.now() - start} ms`);
  });
});

describe("renderText on hostile text", () => {
  const ctx = { has: () => false, url: (p: string) => p };

  it("keeps a line with 100,000 spaces inside it in linear time", () => {
    const start = performance.now();
    const html = renderText(`x${" ".repeat(100_000)}y  `, ctx).value;
    assert.ok(html.endsWith("y</pre>\n"), html.slice(-20));
    assert.ok(performance.now() - start < 1000, `${performance.now() - start} ms`);
  });

  it("shows a preformatted block of 200,000 lines", () => {
    const text = Array.from({ length: 200_000 }, (_, i) => `    line ${i}`).join("\n");
    const html = renderText(text, ctx).value;
    assert.ok(html.startsWith("<pre>line 0\nline 1\n"));
    assert.ok(html.includes("line 199999</pre>"));
  });
});

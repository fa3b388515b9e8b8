/**
 * Issue 5, properties: over mutations of the five seeds and of real-looking articles, parseArticle
 * never throws, always returns a record or an error, and every record satisfies the schema; and
 * parsing the collapsed copy of a flat-text article never invents a section or a file row that the
 * multi-line original does not have.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parseArticle, type ParseResult } from "../../src/parser/index.ts";
import { ArticleRecord } from "../../src/record.ts";
import { sampleContentDir } from "../helpers/repo.ts";
import {
  article,
  BASE,
  collapse,
  cp1252Bytes,
  flat,
  jekyll,
  type ArticleSpec,
  type FileRowSpec,
} from "../reliability/article-template.ts";

const NUM_RUNS = 300;

/** Open parser finding (issue 5 report): "A A aaa" then "=====" collapses to a heading "A aaa". */

const SEEDS: { name: string; bytes: Buffer }[] = [
  ...readdirSync(sampleContentDir)
    .sort()
    .map((f) => ({ name: f, bytes: readFileSync(path.join(sampleContentDir, f)) })),
  { name: "template.md", bytes: Buffer.from(jekyll(BASE)) },
  { name: "template-noraw.md", bytes: Buffer.from(jekyll(BASE, { raw: false })) },
  { name: "template.txt", bytes: cp1252Bytes(flat(BASE)) },
  { name: "template-lf.txt", bytes: cp1252Bytes(flat(BASE, { eol: "\n" })) },
];

const SNIPPETS = [
  "{{ 7*7 }}",
  "{% raw %}",
  "{% endraw %}",
  "{% include x %}",
  "${ 7*7 }",
  "{# c #}",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '<iframe src="javascript:alert(1)">',
  "---",
  "=====",
  "SYMPTOMS\n========\n",
  "DOCUMENT:Q1 01-JAN-2000 [x]",
  "TITLE   :",
  "  7/25/00   7:54p   106,768   Rpcss.exe   Intel",
  "Last Modified: 31-FOO-1999",
  "Article: Q../../x",
  "&amp;&lt;&#0;&#x110000;",
  "\u0000",
  "\ufeff",
];

/** A position anywhere in a buffer, as a fraction so it fits any length. */
const at = fc.double({ min: 0, max: 1, noNaN: true });

type Mutation = (b: Buffer) => Buffer;

const LF = 0x0a;
function lines(b: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === LF) {
      out.push(b.subarray(start, i + 1));
      start = i + 1;
    }
  }
  out.push(b.subarray(start));
  return out;
}
const index = (n: number, f: number) => Math.min(n - 1, Math.floor(f * n));

const mutation: fc.Arbitrary<[string, Mutation]> = fc.oneof(
  fc.tuple(at, fc.constantFrom(...SNIPPETS)).map(([f, s]): [string, Mutation] => [
    `insert line ${JSON.stringify(s)} at ${f}`,
    (b) => {
      const ls = lines(b);
      ls.splice(index(ls.length + 1, f), 0, Buffer.from(s + "\r\n"));
      return Buffer.concat(ls);
    },
  ]),
  at.map((f): [string, Mutation] => [
    `delete line at ${f}`,
    (b) => {
      const ls = lines(b);
      ls.splice(index(ls.length, f), 1);
      return Buffer.concat(ls);
    },
  ]),
  fc.tuple(at, fc.integer({ min: 1, max: 50 })).map(([f, n]): [string, Mutation] => [
    `duplicate line at ${f} ×${n}`,
    (b) => {
      const ls = lines(b);
      const i = index(ls.length, f);
      ls.splice(i, 0, ...Array<Buffer>(n).fill(ls[i]!));
      return Buffer.concat(ls);
    },
  ]),
  fc
    .tuple(
      at,
      fc.uint8Array({ minLength: 1, maxLength: 16 }),
      fc.array(fc.constantFrom(0x00, 0x80, 0x81, 0x8d, 0x92, 0x9d, 0x9f), { maxLength: 4 }),
    )
    .map(([f, random, special]): [string, Mutation] => [
      `inject bytes at ${f}`,
      (b) => {
        const i = index(b.length + 1, f);
        return Buffer.concat([
          b.subarray(0, i),
          Buffer.from(random),
          Buffer.from(special),
          b.subarray(i),
        ]);
      },
    ]),
  at.map((f): [string, Mutation] => [
    `truncate at ${f}`,
    (b) => b.subarray(0, index(b.length + 1, f)),
  ]),
  fc
    .tuple(at, fc.integer({ min: 0, max: 200 }), fc.constantFrom(...SNIPPETS))
    .map(([f, len, s]): [string, Mutation] => [
      `replace ${len} bytes at ${f} with ${JSON.stringify(s)}`,
      (b) => {
        const i = index(b.length + 1, f);
        return Buffer.concat([b.subarray(0, i), Buffer.from(s), b.subarray(i + len)]);
      },
    ]),
  fc.constant<[string, Mutation]>([
    "flip CRLF/LF",
    (b) => {
      const s = b.toString("latin1");
      return Buffer.from(
        s.includes("\r\n") ? s.replace(/\r\n/g, "\n") : s.replace(/\n/g, "\r\n"),
        "latin1",
      );
    },
  ]),
  fc.constant<[string, Mutation]>([
    "collapse white space",
    (b) => Buffer.from(collapse(b.toString("latin1")), "latin1"),
  ]),
);

function mutate(seed: Buffer, mutations: [string, Mutation][]): Buffer {
  return mutations.reduce((b, [, m]) => m(b), seed);
}

/** Why a result breaks the contract, or undefined. */
function contractBroken(result: ParseResult, file: string): string | undefined {
  if (typeof result !== "object" || result === null) return "no result object";
  if (result.ok === true) {
    const parsed = ArticleRecord.safeParse(result.record);
    if (!parsed.success) return `record fails the schema: ${parsed.error.message}`;
    if (result.record.source.path !== file) return `source.path ${result.record.source.path}`;
    return undefined;
  }
  if (result.ok === false) {
    if (result.path !== file) return `error path ${result.path}`;
    if (typeof result.reason !== "string" || !result.reason.trim()) return "error without reason";
    return undefined;
  }
  return "result is neither a record nor an error";
}

describe("parseArticle over mutated articles", () => {
  it("never throws, returns a record or an error, and every record satisfies the schema", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SEEDS),
        fc.array(mutation, { minLength: 1, maxLength: 5 }),
        (seed, mutations) => {
          const bytes = mutate(seed.bytes, mutations);
          const file = `mutated/${seed.name}`;
          const result = parseArticle(bytes, file);
          const broken = contractBroken(result, file);
          assert.equal(
            broken,
            undefined,
            `${seed.name} after ${mutations.map(([d]) => d).join("; ")}`,
          );
        },
      ),
      { numRuns: NUM_RUNS, includeErrorInReport: true },
    );
  });

  it("keeps the contract when given the mutated text as a string", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SEEDS),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (seed, mutations) => {
          const text = mutate(seed.bytes, mutations).toString("utf8");
          const result = parseArticle(text, "mutated.txt");
          assert.equal(contractBroken(result, "mutated.txt"), undefined);
        },
      ),
      { numRuns: NUM_RUNS / 3, includeErrorInReport: true },
    );
  });
});

const HEADINGS = [
  "SYMPTOMS",
  "CAUSE",
  "RESOLUTION",
  "STATUS",
  "WORKAROUND",
  "MORE INFORMATION",
  "REFERENCES",
  "SUMMARY",
];
const word = fc.stringMatching(/^[A-Za-z][a-z]{0,9}$/);
const upperWord = fc.stringMatching(/^[A-Z]{3,10}$/);
const bodyLine = fc.oneof(
  { weight: 6, arbitrary: fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(" ")) },
  {
    weight: 1,
    arbitrary: fc.array(upperWord, { minLength: 1, maxLength: 3 }).map((w) => w.join(" ")),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom("", "=====", "-----", "NOTE: see Q123456.", "  1. Step"),
  },
);
const fileRow: fc.Arbitrary<FileRowSpec> = fc.record({
  date: fc.constantFrom("7/25/00", "03/14/2000", "11/18/99", "05/26/98", "13/45/99"),
  time: fc.constantFrom("7:54p", "18:00", "04:19pm", "10:07a"),
  size: fc.constantFrom("106,768", "105 KB", "16,256", "99,600"),
  name: fc.stringMatching(/^[A-Z][a-z0-9]{1,8}\.(dll|exe|sys)$/),
  platform: fc.constantFrom("Intel", "Alpha", "x86", "i386"),
});
const flatSpec: fc.Arbitrary<ArticleSpec> = fc
  .record({
    sections: fc.array(
      fc.record({
        heading: fc.oneof(fc.constantFrom(...HEADINGS), upperWord),
        lines: fc.array(bodyLine, { minLength: 0, maxLength: 8 }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    files: fc.array(fileRow, { maxLength: 5 }),
  })
  .map(({ sections, files }) => article({ id: "Q246045", sections, files }));

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/** What the collapsed record has that the original does not. */
function invented(original: ArticleRecord, collapsed: ArticleRecord): string[] {
  const headings = new Set(original.sections.map((s) => squash(s.heading)));
  const found = collapsed.sections
    .filter((s) => !headings.has(squash(s.heading)))
    .map((s) => `section "${s.heading}"`);
  for (const row of collapsed.files) {
    const match = original.files.some(
      (o) => o.name === row.name && (row.date === undefined || o.date === row.date),
    );
    if (!match) found.push(`file row ${row.name}${row.date ? ` ${row.date}` : ""}`);
  }
  return found;
}

/**
 * A generated article must parse, so its run fails when the parser regresses; a mutated one may
 * legitimately not (fc.pre discards the run, and fast-check fails when too many are discarded).
 * Whatever the original parses to, its collapsed copy must parse too.
 */
function collapsedInventsNothing(bytes: Buffer, label: string, mayFail = false): void {
  const original = parseArticle(bytes, "original.txt");
  if (mayFail) fc.pre(original.ok);
  assert.ok(
    original.ok,
    `the original does not parse (${original.ok || original.reason}); article: ${label}`,
  );
  const collapsed = parseArticle(
    Buffer.from(collapse(bytes.toString("latin1")), "latin1"),
    "collapsed.txt",
  );
  assert.ok(
    collapsed.ok,
    `the collapsed copy does not parse (${collapsed.ok || collapsed.reason}); article: ${label}`,
  );
  const found = invented(original.record, collapsed.record);
  assert.deepEqual(found, [], `the collapsed copy invents ${found.join(", ")}; article: ${label}`);
}

describe("parseArticle on the collapsed copy of a flat-text article", () => {
  it("finds every section and file row of the template's collapsed copy", () => {
    const original = parseArticle(cp1252Bytes(flat(BASE)), "original.txt");
    const collapsed = parseArticle(cp1252Bytes(collapse(flat(BASE))), "collapsed.txt");
    assert.ok(original.ok && collapsed.ok, "the template parses in both forms");
    assert.deepEqual(
      collapsed.record.sections.map((s) => s.heading),
      original.record.sections.map((s) => s.heading),
    );
    assert.deepEqual(
      collapsed.record.files.map((f) => [f.name, f.date]),
      original.record.files.map((f) => [f.name, f.date]),
    );
  });

  it("never invents a section or file row (generated articles)", () => {
    fc.assert(
      fc.property(flatSpec, (spec) =>
        collapsedInventsNothing(cp1252Bytes(flat(spec)), JSON.stringify(spec)),
      ),
      { numRuns: NUM_RUNS, includeErrorInReport: true },
    );
  });

  it("never invents a section or file row (mutated articles)", () => {
    const seeds = SEEDS.filter((s) => s.name.endsWith(".txt") && s.name.startsWith("template"));
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (seed, mutations) =>
          collapsedInventsNothing(
            mutate(seed.bytes, mutations),
            `${seed.name} after ${mutations.map(([d]) => d).join("; ")}`,
            true,
          ),
      ),
      { numRuns: NUM_RUNS, includeErrorInReport: true },
    );
  });
});

/** Short excerpts of real articles whose collapsed copies the property above caught inventing. */
const EXCERPTS: Record<string, string[]> = {
  "Q182558 (a non-delivery report quoted in the body)": [
    "      Subject:   Subject of the Message",
    "      Sent:   3/11/98 12:26 AM",
    "",
    "   The following recipient(s) could not be reached:",
    "",
    "      Recipient Name on 3/11/98 12:26 AM",
    "      The recipient name is not recognized",
  ],
  "Q150937 (before/after file attributes on labelled lines)": [
    " - mfc40.dll",
    "",
    "   (Before)  Size: 921,872  Date: 2/28/96  Time:  6:53a Version: 4.1.6038",
    "   (After)         921,872        5/13/96        11:39a          4.1.6130",
  ],
  "Q88332 (a directory listing, then a rule)": [
    "XCOPY    EX_     11879 05-04-92   5:00a",
    "       57 file(s)     990645 bytes",
    "                      378368 bytes free",
    "",
    "=========================================",
  ],
  "Q137187 (a table whose two column headings have underlines of one length)": [
    "   Variable            Select",
    "   ========           ========",
    "",
    "   Base I/O port      Autoscan",
  ],
  "Q121686 (a title, a blank line, then an indented rule as wide as the title)": [
    "Microsoft Space Simulator v1.0",
    "",
    "                 ==============================",
    "                   R E L E A S E    N O T E S",
    "",
    " This document contains important information to help you configure your",
  ],
  "Q157740 (a batch file's @REM banner after a dashed underline)": [
    "   Autoexec.bat",
    "   ------------",
    "",
    "   @REM ==== LANMAN 2.2a == DO NOT MODIFY BETWEEN THESE LINES == LANMAN",
    "      2.2a",
    "   ====",
    "   SET PATH=C:\\LANMAN.DOS\\NETPROG;%PATH%",
  ],
  "Q183544 (a banner comment in code, its two rules of different widths)": [
    "5. Add the following code to Form1's code module:",
    "",
    "         ' ========== CODE FOR FORM1 ==============",
    "         Option Explicit",
  ],
  "Q128554 (file details on lines that open with a label)": [
    "file size and the date of the file is shown below:",
    "",
    "Visual C++ 6.0:  06/16/98  11:00p   41,022   2.00.8167.0   PROFILE.EXE",
    "Visual C++ 5.0:  01/22/97   7:48p   34,816   1.30.7022     PROFILE.EXE",
    "Visual C++ 4.2:  02/07/96  10:49p   82,944   1.30.5074     PROFILE.EXE",
    "",
    "   Visual C++ 6.0 :  07/02/98  09:47a   94,270  PROFILE.DLL",
    "   Visual C++ 1.0 :  06/28/93  04:48p   42,496  PROFILE.DLL",
    "",
    "NOTE: The Source Profiler is not provided with Visual C++ 4.0, Standard Edition.",
  ],
  "Q166867 (a standard heading parted from its underline by a blank line)": [
    "   Q162214 How to Obtain the Word 97-2000 Import Converter",
    "",
    "WORKAROUND",
    "",
    "==========",
    "",
    "To work around this problem, use any of the following methods.",
  ],
};

describe("parseArticle on collapsed copies of real-article excerpts", () => {
  for (const [name, lines] of Object.entries(EXCERPTS)) {
    it(`invents no section or file row: ${name}`, () => {
      const spec = article({ id: "Q246045", sections: [{ heading: "MORE INFORMATION", lines }] });
      collapsedInventsNothing(cp1252Bytes(flat(spec)), name);
    });
  }
});

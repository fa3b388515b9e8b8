/**
 * A folder of hostile and broken articles (issue 5), built from one real-looking template article in
 * both input forms with the payload put into one field at a time. Every case says what it expects:
 * a page (with the text that must show verbatim, as text) or an error (a reason pattern), and
 * whether the build should merge it into another file's article.
 *
 * Payloads carry the marker "kbxss" so a test can tell article text from the site's own markup.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ArticleRecord } from "../../src/record.ts";
import {
  article,
  BASE,
  collapse,
  cp1252Bytes,
  flat,
  jekyll,
  pseudoRandomBytes,
  type ArticleSpec,
} from "./article-template.ts";

export type Expectation =
  | {
      kind: "page";
      id: string;
      /** Strings that must appear verbatim in the record's text and in the page's text. */
      shows: string[];
      /** Further checks on the record; returns what is wrong, or undefined. */
      check?: (record: ArticleRecord) => string | undefined;
    }
  | { kind: "error"; reason: RegExp }
  /** Either is right (the issue allows a page or a clear error); a page must still show `shows`. */
  | { kind: "either"; id: string; shows: string[]; reason: RegExp };

export interface HostileCase {
  /** The file name in the generated folder. */
  file: string;
  /** What the case is about, in one line. */
  about: string;
  content: string | Buffer;
  expect: Expectation;
  /** The build merges this file's id with another file's: "winner" is the file kept. */
  duplicate?: { id: string; role: "winner" | "loser" | "either" };
  /** Large enough to slow a build noticeably (the 20 MB article). */
  big?: boolean;
}

const SCRIPT = `<script>alert("kbxss")</script>`;
const IMG = `<img src=x onerror=alert('kbxss')>`;
const IFRAME = `<iframe src="javascript:alert('kbxss')"></iframe>`;
const JS_LINK = `<a href="javascript:alert('kbxss')">click me</a>`;
const TEMPLATES = [
  "{{ 7*7 }}",
  "{% include kbxss.html %}",
  "${ 7*7 }",
  '{{ "kbtpl" | upcase }}',
  "{# kbxss #}",
];

/** A body section carrying the given lines. */
function withBody(lines: string[], base: ArticleSpec = BASE): ArticleSpec["sections"] {
  const [first, ...rest] = base.sections;
  return [{ heading: first!.heading, lines: [...first!.lines, "", ...lines] }, ...rest];
}

function page(id: string, shows: string[], check?: (r: ArticleRecord) => string | undefined) {
  return { kind: "page" as const, id, shows, ...(check ? { check } : {}) };
}

function error(reason: RegExp) {
  return { kind: "error" as const, reason };
}

function either(id: string, shows: string[], reason: RegExp) {
  return { kind: "either" as const, id, shows, reason };
}

/** "a real calendar date" for ISO strings the schema only checks by shape. */
export function isRealDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

function realDates(r: ArticleRecord): string | undefined {
  const bad = [r.lastModified, ...r.files.map((f) => f.date)].filter(
    (d): d is string => d !== undefined && !isRealDate(d),
  );
  return bad.length ? `impossible dates kept: ${bad.join(", ")}` : undefined;
}

const HUGE_BYTES = 20 * 1024 * 1024;

function hugeArticle(): string {
  const line = "The private bytes in RPCSS may rise over time if a program calls CoCreateInstance.";
  const count = Math.ceil(HUGE_BYTES / (line.length + 2));
  const spec = article({
    id: "Q999040",
    title: "A 20 MB article",
    sections: withBody([...Array<string>(count).fill(line), "KBEND-OF-HUGE-ARTICLE"]),
  });
  return flat(spec);
}

function manySections(count: number): ArticleSpec["sections"] {
  return Array.from({ length: count }, (_, i) => ({
    heading: i % 2 ? "CAUSE" : "MORE INFORMATION",
    lines: [`Section number ${i + 1} of ${count}.`],
  }));
}

export function hostileCases(): HostileCase[] {
  const cases: HostileCase[] = [
    // HTML and script, in every field that reaches a page.
    {
      file: "html-title.md",
      about: "script, event handler and iframe in the title (Jekyll form, entity-encoded)",
      content: jekyll(article({ id: "Q999001", title: `Leak ${SCRIPT} ${IMG} & ${IFRAME}` })),
      expect: page("Q999001", [`Leak ${SCRIPT} ${IMG} & ${IFRAME}`]),
    },
    {
      file: "html-title.txt",
      about: "script, event handler and iframe in the title (flat form, raw)",
      content: flat(article({ id: "Q999002", title: `Leak ${SCRIPT} ${IMG}` })),
      expect: page("Q999002", [`Leak ${SCRIPT} ${IMG}`]),
    },
    {
      file: "html-body.md",
      about: "HTML, javascript: URLs and an autolink trap in the body",
      content: jekyll(
        article({
          id: "Q999003",
          sections: withBody([
            `  ${SCRIPT}`,
            `  ${IMG}`,
            `  ${IFRAME}`,
            `  ${JS_LINK}`,
            "  javascript:alert('kbxss')",
            `  http://example.com/"><script>alert('kbxss')</script>`,
            `  http://support.microsoft.com/" onmouseover="alert('kbxss')`,
          ]),
        }),
      ),
      expect: page("Q999003", [SCRIPT, IMG, IFRAME, JS_LINK, "javascript:alert('kbxss')"]),
    },
    {
      file: "html-keywords.txt",
      about: "markup and a javascript: URL as keywords (no white space, so each is one keyword)",
      content: flat(
        article({
          id: "Q999004",
          keywords: `kbfix <svg/onload=alert('kbxss')> kb"><script>alert('kbxss')</script> javascript:alert('kbxss')`,
        }),
      ),
      expect: page("Q999004", [
        `<svg/onload=alert('kbxss')>`,
        `kb"><script>alert('kbxss')</script>`,
      ]),
    },
    {
      file: "html-product.txt",
      about: "markup in the product name and the product tag",
      content: flat(
        article({
          id: "Q999005",
          productTag: `<b>kbxss</b>`,
          product: `Microsoft ${IFRAME} Server`,
        }),
      ),
      expect: page("Q999005", [`Microsoft ${IFRAME} Server`]),
    },
    {
      file: "html-filenames.md",
      about: "markup as hotfix file names",
      content: jekyll(
        article({
          id: "Q999006",
          files: [
            { ...BASE.files[0]!, name: `<img/src=x/onerror=alert('kbxss')>.dll` },
            { ...BASE.files[1]!, name: `"><script>alert('kbxss')</script>.exe` },
          ],
        }),
      ),
      expect: page("Q999006", [
        `<img/src=x/onerror=alert('kbxss')>.dll`,
        `"><script>alert('kbxss')</script>.exe`,
      ]),
    },
    {
      file: "html-collapsed.txt",
      about: "markup in the title and body of a collapsed flat-text article",
      content: collapse(
        flat(article({ id: "Q999007", title: `Collapsed ${SCRIPT}`, sections: withBody([IMG]) })),
      ),
      expect: page("Q999007", [`Collapsed ${SCRIPT}`, IMG]),
    },

    // Template syntax: Liquid, Nunjucks and JavaScript template literals.
    {
      file: "template-raw.md",
      about: "template syntax in title and body inside {% raw %}",
      content: jekyll(
        article({
          id: "Q999010",
          title: "Sum {{ 7*7 }} and ${ 7*7 }",
          sections: withBody(TEMPLATES.map((t) => `  ${t}`)),
        }),
      ),
      expect: page("Q999010", ["Sum {{ 7*7 }} and ${ 7*7 }", ...TEMPLATES]),
    },
    {
      file: "template-noraw.md",
      about: "template syntax in a Jekyll article without {% raw %} (like content/001)",
      content: jekyll(
        article({ id: "Q999011", title: "Sum {{ 7*7 }}", sections: withBody(TEMPLATES) }),
        { raw: false },
      ),
      expect: page("Q999011", ["Sum {{ 7*7 }}", ...TEMPLATES]),
    },
    {
      file: "template-flat.txt",
      about: "template syntax in title, product and keywords of a flat-text article",
      content: flat(
        article({
          id: "Q999012",
          title: "{% raw %}Sum {{ 7*7 }}",
          product: "Microsoft {{ 7*7 }} Server",
          keywords: "kbfix {{7*7}} ${7*7}",
          sections: withBody(TEMPLATES),
        }),
      ),
      expect: page("Q999012", [
        "{% raw %}Sum {{ 7*7 }}",
        "Microsoft {{ 7*7 }} Server",
        ...TEMPLATES,
      ]),
    },
    {
      file: "template-stray-endraw.md",
      about: "a stray {% endraw %} inside the {% raw %} block, followed by an expression",
      content: jekyll(
        article({
          id: "Q999013",
          sections: withBody(["{% endraw %}{{ 7*7 }}{% raw %}", "{% endraw %}", "after {{ 7*7 }}"]),
        }),
      ),
      expect: page("Q999013", ["{% endraw %}{{ 7*7 }}{% raw %}", "after {{ 7*7 }}"]),
    },

    {
      file: "section-ids.md",
      about:
        "section headings whose slugs are ids the page itself uses (main, files, applies-to, q)",
      content: jekyll(
        article({
          id: "Q999014",
          sections: ["MAIN", "FILES", "APPLIES TO", "Q", "CITED BY", "RESOLUTION"].map(
            (heading) => ({
              heading,
              lines: [`Text under ${heading}.`],
            }),
          ),
        }),
      ),
      expect: page("Q999014", ["Text under MAIN.", "Text under APPLIES TO."]),
    },

    // Path tricks: nothing may be written outside the output folder.
    {
      file: "path-id.md",
      about: "an id with ../ (Jekyll form)",
      content: jekyll(article({ id: "Q../../kbxss" })),
      expect: error(/\bid\b|article number|Q\.\.\//i),
    },
    {
      file: "path-id.txt",
      about: "an id with ../ (flat form)",
      content: flat(article({ id: "Q../../../kbxss" })),
      expect: error(/\bid\b|article number|Q\.\.\//i),
    },
    {
      file: "path-filenames.md",
      about: "hotfix file names and a permalink with /, \\ and .., keywords with .. and /",
      content: jekyll(
        article({
          id: "Q999016",
          keywords: "kbfix ../../../kbxss-keyword .. kb/slash",
          files: [
            { ...BASE.files[0]!, name: "../../../../kbxss-up.dll" },
            { ...BASE.files[1]!, name: "..\\..\\kbxss-back.dll" },
            { ...BASE.files[0]!, name: "sys/kbxss-slash.dll" },
            { ...BASE.files[1]!, name: ".." },
            { ...BASE.files[0]!, name: "%2e%2e%2fkbxss-enc.dll" },
            { ...BASE.files[1]!, name: "..kbxss-dots.dll" },
            { ...BASE.files[0]!, name: "index.html" },
          ],
        }),
        {
          frontMatter: [
            "layout: page",
            'title: "Q999016: Path tricks in file names"',
            "permalink: ../../../kbxss-permalink/",
          ].join("\n"),
        },
      ),
      expect: page("Q999016", [
        "../../../../kbxss-up.dll",
        "..\\..\\kbxss-back.dll",
        "sys/kbxss-slash.dll",
      ]),
    },
    {
      file: "path-tag.txt",
      about: "a product tag and keywords that are paths",
      content: flat(
        article({
          id: "Q999017",
          productTag: "../../kbxss-tag",
          keywords: "../kbxss-kw ..\\..\\kbxss-kw2 /etc/kbxss",
        }),
      ),
      expect: page("Q999017", ["../kbxss-kw"]),
    },

    // Bytes that are not text.
    {
      file: "nul-bytes.txt",
      about:
        "NUL bytes and C1 controls inside body lines (the corpus has no NUL, so an error is fine)",
      content: cp1252Bytes(
        flat(
          article({
            id: "Q999020",
            sections: withBody([
              "before\u0000\u0000after",
              "bell\u0007 and \u0081\u008d\u008f\u0090\u009d",
            ]),
          }),
        ),
      ),
      expect: either("Q999020", ["before", "after"], /binary|NUL|control/i),
    },
    {
      file: "binary-junk.bin",
      about: "8 KB of binary junk",
      content: pseudoRandomBytes(8192, 0x5eed),
      expect: error(/form|recogni|not an article|binary|header|unknown/i),
    },
    {
      file: "binary-after-header.txt",
      about: "a valid flat-text header followed by binary junk",
      content: Buffer.concat([
        cp1252Bytes(
          flat(article({ id: "Q999022", sections: [] }))
            .split("\r\n")
            .slice(0, 8)
            .join("\r\n"),
        ),
        cp1252Bytes("\r\n\r\nSYMPTOMS\r\n========\r\n\r\n"),
        pseudoRandomBytes(4096, 0xbad),
      ]),
      expect: either("Q999022", [], /binary|control|text|form/i),
    },
    {
      file: "empty.txt",
      about: "an empty file",
      content: "",
      expect: error(/empty/i),
    },
    {
      file: "whitespace.txt",
      about: "a file of white space only",
      content: " \r\n\t\n   \r\n\u000b\f",
      expect: error(/empty|blank|white/i),
    },
    {
      file: "huge.txt",
      about: "a 20 MB article",
      content: hugeArticle(),
      expect: page("Q999040", ["A 20 MB article", "KBEND-OF-HUGE-ARTICLE"]),
      big: true,
    },
    {
      file: "huge-collapsed.txt",
      about: "a 2 MB article collapsed onto one line",
      content: collapse(
        flat(
          article({
            id: "Q999041",
            title: "A 2 MB collapsed article",
            sections: withBody([
              "x".repeat(1024 * 1024),
              "Date Time Size File name Platform ".repeat(20_000),
              "CAUSE ===== text 7/25/00 7:54p 106,768 Rpcss.exe Intel ".repeat(5_000),
            ]),
          }),
        ),
      ),
      expect: page("Q999041", ["A 2 MB collapsed article"]),
    },
    {
      file: "sections-3000.md",
      about: "3,000 sections, with repeated headings",
      content: jekyll(article({ id: "Q999042", sections: manySections(3000), files: [] })),
      expect: page("Q999042", ["Section number 3000 of 3000."], (r) => {
        if (r.sections.length < 3000) return `only ${r.sections.length} sections of 3000`;
        const ids = new Set(r.sections.map((s) => s.id));
        return ids.size === r.sections.length ? undefined : "section ids are not unique";
      }),
    },

    // Broken structure.
    {
      file: "yaml-malformed.md",
      about: "front matter that is not YAML (unterminated quote, bad indentation, a tab)",
      content: jekyll(article({ id: "Q999050" }), {
        frontMatter: 'layout: page\ntitle: "Q999050: Unterminated\n  - [ {\n\tpermalink: : :',
      }),
      expect: either("Q999050", [BASE.title], /front matter|yaml|title/i),
    },
    {
      file: "yaml-unclosed.md",
      about: "front matter that is never closed",
      content: jekyll(article({ id: "Q999051" })).replace(/^---\n([\s\S]*?)\n---\n/, "---\n$1\n"),
      expect: either("Q999051", [BASE.title], /front matter|yaml|title|form/i),
    },
    {
      file: "date-foo.md",
      about: "an impossible month: Last Modified: 31-FOO-1999",
      content: jekyll(article({ id: "Q999052", lastModified: "31-FOO-1999" })),
      expect: page("Q999052", [BASE.title], (r) =>
        r.lastModified === undefined
          ? realDates(r)
          : `lastModified "${r.lastModified}" from 31-FOO-1999`,
      ),
    },
    {
      file: "date-impossible.txt",
      about: "impossible days in the header and in the hotfix table",
      content: flat(
        article({
          id: "Q999053",
          lastModified: "31-FEB-1999",
          files: [
            { ...BASE.files[0]!, date: "13/45/99" },
            { ...BASE.files[1]!, date: "02/30/2000", time: "25:61p" },
          ],
        }),
      ),
      expect: page("Q999053", [BASE.title], (r) =>
        r.lastModified === undefined
          ? realDates(r)
          : `lastModified "${r.lastModified}" from 31-FEB-1999`,
      ),
    },
    {
      file: "title-missing.md",
      about: "no title in front matter and no heading",
      content: jekyll(article({ id: "Q999054" }), {
        frontMatter: "layout: page\npermalink: /kb/999/Q999054/",
        noHeading: true,
      }),
      expect: error(/title/i),
    },
    {
      file: "title-missing.txt",
      about: "an empty TITLE line",
      content: flat(article({ id: "Q999055", title: "" })),
      expect: error(/title/i),
    },

    // Encodings.
    {
      file: "cp1252.txt",
      about: "cp1252 bytes in a flat-text article: 0x92 is ’, 0x93/0x94 are “ ”, 0x96 is –",
      content: cp1252Bytes(
        flat(
          article({
            id: "Q999060",
            title: "Server Doesn\u0092t Start",
            sections: withBody(["The \u0093Service\u0094 \u0096 it doesn\u0092t start."]),
          }),
        ),
      ),
      expect: page("Q999060", ["Server Doesn’t Start", "The “Service” – it doesn’t start."]),
    },
    {
      file: "cp1252.md",
      about: "cp1252 bytes in a Jekyll article (not valid UTF-8): 0x92 is ’",
      content: cp1252Bytes(
        jekyll(article({ id: "Q999061", sections: withBody(["It doesn\u0092t start."]) })),
      ),
      expect: page("Q999061", ["It doesn’t start."]),
    },
    {
      file: "bom.md",
      about: "a UTF-8 byte-order mark before the front matter",
      content: "\ufeff" + jekyll(article({ id: "Q999062", title: "With a BOM ’" })),
      expect: page("Q999062", ["With a BOM ’"]),
    },

    // Duplicates: the newer last-modified date wins, whichever file is read first (src/corpus/merge.ts
    // states the rule: newer lastModified, then the Jekyll form, then the first path).
    {
      file: "dup-a-newer.md",
      about: "conflicting duplicate of Q999070, newer (read first)",
      content: jekyll(
        article({ id: "Q999070", title: "Newer title A", lastModified: "08-MAY-2002" }),
      ),
      expect: page("Q999070", ["Newer title A"]),
      duplicate: { id: "Q999070", role: "winner" },
    },
    {
      file: "dup-b-older.md",
      about: "conflicting duplicate of Q999070, older (read second)",
      content: jekyll(
        article({ id: "Q999070", title: "Older title A", lastModified: "10-AUG-1999" }),
      ),
      expect: page("Q999070", ["Older title A"]),
      duplicate: { id: "Q999070", role: "loser" },
    },
    {
      file: "dup-c-older.txt",
      about: "conflicting duplicate of Q999071, older (read first)",
      content: flat(
        article({ id: "Q999071", title: "Older title B", lastModified: "10-AUG-1999" }),
      ),
      expect: page("Q999071", ["Older title B"]),
      duplicate: { id: "Q999071", role: "loser" },
    },
    {
      file: "dup-d-newer.txt",
      about: "conflicting duplicate of Q999071, newer (read second)",
      content: flat(
        article({ id: "Q999071", title: "Newer title B", lastModified: "08-MAY-2002" }),
      ),
      expect: page("Q999071", ["Newer title B"]),
      duplicate: { id: "Q999071", role: "winner" },
    },
    // Three copies, same date: the Jekyll form wins over both flat copies, read before it.
    {
      file: "dup3-a.txt",
      about: "first of three copies of Q999073, flat form, read first",
      content: flat(article({ id: "Q999073", title: "Three copies (flat a)" })),
      expect: page("Q999073", ["Three copies (flat a)"]),
      duplicate: { id: "Q999073", role: "loser" },
    },
    {
      file: "dup3-b.txt",
      about: "second of three copies of Q999073, flat form",
      content: flat(article({ id: "Q999073", title: "Three copies (flat b)" })),
      expect: page("Q999073", ["Three copies (flat b)"]),
      duplicate: { id: "Q999073", role: "loser" },
    },
    {
      file: "dup3-c.md",
      about: "third of three copies of Q999073, Jekyll form, read last",
      content: jekyll(article({ id: "Q999073", title: "Three copies (Jekyll)" })),
      expect: page("Q999073", ["Three copies (Jekyll)"]),
      duplicate: { id: "Q999073", role: "winner" },
    },
    {
      file: "both-forms.md",
      about: "Q999072 in the Jekyll form",
      content: jekyll(article({ id: "Q999072", title: "One article, two forms" })),
      expect: page("Q999072", ["One article, two forms"]),
      duplicate: { id: "Q999072", role: "either" },
    },
    {
      file: "both-forms.txt",
      about: "Q999072 in the flat-text form",
      content: flat(article({ id: "Q999072", title: "One article, two forms" })),
      expect: page("Q999072", ["One article, two forms"]),
      duplicate: { id: "Q999072", role: "either" },
    },
  ];
  return cases;
}

/** Writes the cases into `dir` (created) and returns them. */
export function writeHostileCorpus(dir: string, options: { big?: boolean } = {}): HostileCase[] {
  const cases = hostileCases().filter((c) => options.big !== false || !c.big);
  mkdirSync(dir, { recursive: true });
  for (const c of cases) writeFileSync(join(dir, c.file), c.content);
  return cases;
}

/**
 * Real-looking articles built from parts, in both input forms, so that a hostile payload can be put
 * into any one field (title, body, keywords, product, hotfix file names) while the rest of the
 * article stays exactly what the corpus looks like. The layout follows content/000 (Jekyll form)
 * and txt/246/Q246045.TXT (flat-text form).
 */

export interface FileRowSpec {
  date: string;
  time: string;
  size: string;
  name: string;
  platform: string;
}

export interface SectionSpec {
  heading: string;
  lines: string[];
}

export interface ArticleSpec {
  /** As printed after "Article:" / "DOCUMENT:", e.g. "Q265433". */
  id: string;
  title: string;
  /** The flat form's `[winnt]` tag. */
  productTag: string;
  product: string;
  versions: string;
  keywords: string;
  /** As printed, "08-MAY-2002". */
  lastModified: string;
  appliesTo: string[];
  sections: SectionSpec[];
  /** Rows of a hotfix table appended to the RESOLUTION section (when there is one). */
  files: FileRowSpec[];
}

export const BASE: ArticleSpec = {
  id: "Q265433",
  title: "Rpcss Leaks Memory with CoCreateInstance() and Release",
  productTag: "winnt",
  product: "Microsoft Windows NT",
  versions: "winnt:4.0",
  keywords: "kbWinNT400PreSP7Fix",
  lastModified: "08-MAY-2002",
  appliesTo: [
    "Microsoft Windows NT Server version 4.0",
    "Microsoft Windows NT Workstation version 4.0",
  ],
  sections: [
    {
      heading: "SYMPTOMS",
      lines: [
        "The private bytes in RPCSS may rise over time if a programs calls",
        "CoCreateInstance and a release on a COM object without terminating the",
        "apartment.",
      ],
    },
    {
      heading: "CAUSE",
      lines: ["Rpcss.exe does not release the client OXIDs unless the client quits."],
    },
    {
      heading: "RESOLUTION",
      lines: [
        "A supported fix is now available from Microsoft, but it is only intended to",
        "correct the problem described in this article.",
        "",
        "  http://support.microsoft.com/default.aspx?scid=fh;EN-US;CNTACTMS",
        "",
        "The English version of this fix should have the following file attributes or",
        "later:",
      ],
    },
    {
      heading: "STATUS",
      lines: [
        "Microsoft has confirmed this to be a problem in the Microsoft products that are",
        "listed at the beginning of this article.",
      ],
    },
  ],
  files: [
    { date: "7/25/00", time: "7:54p", size: "106,768", name: "Rpcss.exe", platform: "Intel" },
    { date: "7/25/00", time: "7:52p", size: "183,056", name: "Rpcss.exe", platform: "Alpha" },
  ],
};

/** BASE with some fields replaced. */
export function article(changes: Partial<ArticleSpec>): ArticleSpec {
  return { ...BASE, ...changes };
}

const RULE = "-".repeat(79);
const DOUBLE_RULE = "=".repeat(70);
const LEGAL_NOTICE = [
  "THE INFORMATION PROVIDED IN THE MICROSOFT KNOWLEDGE BASE IS",
  'PROVIDED "AS IS" WITHOUT WARRANTY OF ANY KIND.  MICROSOFT DISCLAIMS',
  "ALL WARRANTIES, EITHER EXPRESS OR IMPLIED, INCLUDING THE WARRANTIES",
  "OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE.",
  "",
  "Copyright Microsoft Corporation 2002.",
];

function fileTable(files: FileRowSpec[]): string[] {
  if (files.length === 0) return [];
  const rows = files.map(
    (f) =>
      `  ${f.date.padEnd(9)} ${f.time.padEnd(7)} ${f.size.padEnd(9)} ${f.name.padEnd(11)} ${f.platform}`,
  );
  return ["", "  Date      Time    Size      File name   Platform", "  " + "-".repeat(48), ...rows];
}

/** The article's body lines from the "information applies to" box to the closing rule. */
function bodyLines(a: ArticleSpec): string[] {
  const sections = a.sections.flatMap((s) => [
    s.heading,
    "=".repeat(Math.max(1, s.heading.length)),
    "",
    ...s.lines,
    ...(s.heading === "RESOLUTION" ? fileTable(a.files) : []),
    "",
  ]);
  return [
    RULE,
    "The information in this article applies to:",
    "",
    ...a.appliesTo.map((line) => `- ${line} `),
    RULE,
    "",
    ...sections,
    "",
    "Additional query words:",
    "",
    DOUBLE_RULE,
    `Keywords          : ${a.keywords} `,
    "Technology        : kbWinNTsearch kbWinNT400search",
    `Version           : ${a.versions}`,
    "Issue type        : kbbug",
    "Solution Type     : kbfix",
    "",
    "=".repeat(77),
    "",
  ];
}

/** Encodes a title the way the Jekyll form's front matter and heading do. */
export function encodeEntities(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

export interface JekyllOptions {
  /** Wrap the body in `{% raw %}…{% endraw %}` (content/000) or not (content/001). */
  raw?: boolean;
  /** Override the whole front matter block (without the `---` fences). */
  frontMatter?: string;
  /** Leave out the `## Q…: title` heading. */
  noHeading?: boolean;
}

export function jekyll(a: ArticleSpec, options: JekyllOptions = {}): string {
  const raw = options.raw ?? true;
  const title = `${a.id}: ${encodeEntities(a.title)}`;
  const number = a.id.replace(/^Q/, "");
  const folder = String(Math.floor(Number(number) / 1000) || 0).padStart(3, "0");
  const frontMatter =
    options.frontMatter ??
    ["layout: page", `title: "${title}"`, `permalink: /kb/${folder}/${a.id}/`].join("\n");
  const header = [
    `Article: ${a.id}`,
    `Product(s): ${a.product}`,
    `Version(s): ${a.versions}`,
    "Operating System(s): ",
    `Keyword(s): ${a.keywords}`,
    `Last Modified: ${a.lastModified}`,
    "",
  ];
  const body = [...header, ...bodyLines(a)].map((line) => `\t${line}`);
  return [
    "---",
    frontMatter,
    "---",
    "",
    ...(options.noHeading ? [] : [`## ${title}`, ""]),
    ...(raw ? ["{% raw %}", ""] : []),
    ...body,
    "",
    ...(raw ? ["{% endraw %}", ""] : []),
  ].join("\n");
}

export interface FlatOptions {
  /** Line ending; the corpus uses CRLF. */
  eol?: string;
}

export function flat(a: ArticleSpec, options: FlatOptions = {}): string {
  const eol = options.eol ?? "\r\n";
  return [
    `DOCUMENT:${a.id}  ${a.lastModified}  [${a.productTag}]`,
    `TITLE   :${a.title}`,
    `PRODUCT :${a.product}`,
    `PROD/VER:${a.versions}`,
    "OPER/SYS:",
    `KEYWORDS:${a.keywords}`,
    "",
    DOUBLE_RULE,
    ...bodyLines(a).map((line) => line.replace(/^- /, " - ")),
    ...LEGAL_NOTICE,
  ].join(eol);
}

/** The flat form as it also arrives: every run of white space collapsed to one space. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Bytes as the flat-form files are stored: one byte per character (cp1252 code points < 256). */
export function cp1252Bytes(text: string): Buffer {
  return Buffer.from(text, "latin1");
}

/** A deterministic pseudo-random byte source (xorshift32), so generated files never change. */
export function pseudoRandomBytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/** The page folder of an id: /kb/NNN/QNNNNNN/ with NNN = number / 1000, three digits. */
export function pagePath(id: string): string {
  const folder = String(Math.floor(Number(id.slice(1)) / 1000)).padStart(3, "0");
  return `kb/${folder}/${id}/index.html`;
}

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { displayHeading, render as renderArticle } from "../../layouts/article.11ty.ts";
import { wordRecord } from "../../src/generate/search/search-records.ts";
import { blocks, inline, renderText, summary } from "../../src/site/article-text.ts";
import { SiteData } from "../../src/site/data.ts";
import { FileTables } from "../../src/site/file-table.ts";
import { markup, raw } from "../../src/site/html.ts";
import { HOSTILE, hostileRecord, record } from "../site/fixtures.ts";

const site = (prefix = "/") =>
  new SiteData(
    [record({ id: "Q186401", references: ["Q50552"] }), record({ id: "Q265433" }), hostileRecord()],
    { prefix },
  );

describe("markup", () => {
  it("escapes every interpolated value", () => {
    assert.equal(
      markup`<p title="${'"x"'}">${"<b>&"}</p>`.value,
      '<p title="&quot;x&quot;">&lt;b&gt;&amp;</p>',
    );
  });
  it("keeps markup made by markup or raw, and joins arrays", () => {
    const list = markup`<ul>${["a", "<b>"].map((x) => markup`<li>${x}</li>`)}</ul>`;
    assert.equal(list.value, "<ul><li>a</li><li>&lt;b&gt;</li></ul>");
    assert.equal(markup`${raw("<hr>")}${undefined}${false}`.value, "<hr>");
  });
  it("drops its own indentation and the breaks beside blocks, never a value's spaces", () => {
    const text = "  a\n    b";
    const out = markup`<div>
      <a
        href="x"
        >${text}</a
      >
      <span>one</span>
      <span>two</span>
      <pre>${text}
</pre>
    </div>`.value;
    // Between two inline elements a break shows as a space, and inside <pre> as a line: both stay.
    assert.equal(
      out,
      '<div><a\nhref="x">  a\n    b</a>\n<span>one</span>\n<span>two</span>\n<pre>  a\n    b\n</pre></div>',
    );
  });
});

describe("inline", () => {
  const ctx = site();
  it("shows template syntax and markup exactly as written", () => {
    const out = inline(HOSTILE, ctx).value;
    assert.ok(out.includes("{{ 7*7 }}"), `out.includes("{{ 7*7 }}")`);
    assert.ok(
      out.includes("{% include &quot;x&quot; %}"),
      `out.includes("{% include &quot;x&quot; %}")`,
    );
    assert.ok(out.includes("${process.exit()}"), "shows ${ } verbatim");
    assert.ok(
      out.includes("&lt;script&gt;alert(1)&lt;/script&gt;"),
      `out.includes("&lt;script&gt;alert(1)&lt;/script&gt;")`,
    );
    assert.ok(!out.includes("<script"), `!out.includes("<script")`);
  });
  it("links KB ids only for articles the site has", () => {
    const out = inline("See Q265433 and Q999999.", ctx).value;
    assert.ok(
      out.includes('<a href="/kb/265/Q265433/">Q265433</a>'),
      `out.includes('<a href="/kb/265/Q265433/">Q265433</a>')`,
    );
    assert.ok(!out.includes("Q999999</a>"), `!out.includes("Q999999</a>")`);
  });
  it("links ids under the prefix", () => {
    assert.ok(
      inline("Q265433", site("/kb-archive/")).value.includes('href="/kb-archive/kb/265/Q265433/"'),
      `inline("Q265433", site("/kb-archive/")).value.includes('href="/kb-archive/kb/265/Q265433/"')`,
    );
  });
  it("links http and https URLs only, without trailing punctuation", () => {
    const out = inline(
      "Go to http://example.com/a?b=1&c=2. Not javascript:alert(1) or ftp://x/.",
      ctx,
    ).value;
    assert.ok(
      out.includes('<a href="http://example.com/a?b=1&amp;c=2" rel="nofollow noopener">'),
      `out.includes('<a href="http://example.com/a?b=1&amp;c=2" rel="nofollow noopener">')`,
    );
    assert.equal(out.match(/<a /g)?.length, 1);
  });
});

describe("blocks", () => {
  it("joins hard-wrapped lines into paragraphs, keeps indented and tabular text as pre, reads - lists", () => {
    const text =
      "The first\nparagraph.\n\n  indented\n  block\n\n- one\n- two\n  continued\n\nName     Size\n----     ----";
    assert.deepEqual(
      blocks(text).map((b) => b.kind),
      ["p", "pre", "ul", "pre"],
    );
    const out = renderText(text, site()).value;
    assert.ok(
      out.includes("<p>The first paragraph.</p>"),
      `out.includes("<p>The first paragraph.</p>")`,
    );
    assert.ok(
      out.includes("<pre>indented\nblock</pre>"),
      `out.includes("<pre>indented\\nblock</pre>")`,
    );
    assert.ok(out.includes("<li>two continued</li>"), `out.includes("<li>two continued</li>")`);
    assert.ok(out.includes("Name     Size"), `out.includes("Name     Size")`);
  });
  it("keeps support boilerplate out of the search index", () => {
    const article = record({
      id: "Q265433",
      sections: [
        {
          id: "resolution",
          heading: "RESOLUTION",
          text: "To resolve this problem, contact Microsoft Product Support Services.\n\nInstall the RPCSS fix.",
        },
      ],
    });
    const { text } = wordRecord(article);
    assert.ok(text.includes("Install the RPCSS fix."), text);
    assert.ok(!text.includes("Product Support Services"), text);
  });
});

describe("file tables", () => {
  const rows = [
    { name: "Rpcss.exe", size: 106768, date: "2000-07-25", time: "19:54", platform: "Intel" },
    { name: "Rpcss.exe", size: 183056, date: "2000-07-25", time: "19:52", platform: "Alpha" },
  ];
  const text =
    "The fix:\n\n  Date      Time    Size      File name   Platform\n  ------------------------------------------------\n  7/25/00   7:54p   106,768   Rpcss.exe   Intel\n  7/25/00   7:52p   183,056   Rpcss.exe   Alpha";
  it("shows the typed table as a real table whose names link to their file page", () => {
    const tables = new FileTables(rows);
    const out = renderText(text, site(), tables).value;
    assert.ok(out.includes("<table"), `out.includes("<table")`);
    assert.ok(!out.includes("<pre>"), `!out.includes("<pre>")`);
    assert.equal(out.match(/<a href="\/files\/rpcss.exe\/">Rpcss.exe<\/a>/g)?.length, 2, out);
    assert.ok(
      out.includes('<td class="num size" data-label="Size (bytes)">106,768</td>'),
      `out.includes('<td class="num size" data-label="Size (bytes)">106,768</td>')`,
    );
    assert.deepEqual(tables.rest(), []);
  });
  it("leaves a block that is not the next rows as text, and the rows for after the text", () => {
    const tables = new FileTables([{ name: "Other.dll" }]);
    const out = renderText(text, site(), tables).value;
    assert.ok(out.includes("<pre>"), `out.includes("<pre>")`);
    assert.equal(tables.rest().length, 1);
  });
});

describe("the article page", () => {
  const kb = site();
  const page = renderArticle({ kb, article: kb.byId.get("Q50552")! });

  it("escapes every title, body, keyword, product and file name", () => {
    assert.ok(!/<script>|<img |<svg |<b>win|<i>/.test(page), "no markup from the record");
    assert.ok(page.includes("{{ 7*7 }}"), `page.includes("{{ 7*7 }}")`);
    assert.ok(
      page.includes("{% include &quot;x&quot; %}"),
      `page.includes("{% include &quot;x&quot; %}")`,
    );
  });
  it("names versions by product, not by the archive's code", () => {
    const plain = site();
    const shown = renderArticle({ kb: plain, article: plain.byId.get("Q265433")! });
    assert.match(shown, /<dt>Versions<\/dt>\s*<dd>Microsoft Windows NT 4\.0<\/dd>/);
    assert.doesNotMatch(shown, /winnt:4\.0/);
  });
  it("gives every section a heading with its anchor", () => {
    assert.match(page, /<h2 id="symptoms" data-copy-section>\s*Symptoms/);
    assert.ok(page.includes('href="#cause"'), `page.includes('href="#cause"')`);
  });
  it("links file names to safe file pages", () => {
    assert.ok(
      page.includes('href="/files/etc-passwd/"'),
      `page.includes('href="/files/etc-passwd/"')`,
    );
    assert.ok(
      page.includes('href="/files/windows-win.ini/"'),
      `page.includes('href="/files/windows-win.ini/"')`,
    );
    assert.ok(
      page.includes('href="/files/_index.html/"'),
      `page.includes('href="/files/_index.html/"')`,
    );
    assert.ok(!page.includes('href="/files/../'), `!page.includes('href="/files/../')`);
  });
  it("has a canonical link and OpenGraph text from the first section", () => {
    assert.match(page, /<link rel="canonical" href="\/kb\/050\/Q50552\/" ?\/?>/);
    assert.match(page, /<meta property="og:description" content="First line &lt;script&gt;/);
    assert.match(page, /<meta name="twitter:card" content="summary"/);
  });
  it("says its description twice only, and has one set of social tags (OpenGraph)", () => {
    const description = /<meta name="description" content="([^"]*)"/.exec(page)?.[1];
    assert.ok(description, "a meta description");
    assert.equal(
      page.split(`content="${description}"`).length - 1,
      2,
      "description and og:description",
    );
    assert.deepEqual(page.match(/name="twitter:[a-z]+"/g), ['name="twitter:card"']);
    assert.equal(page.match(/property="og:title"/g)?.length, 1);
  });
  it("indents no line outside <pre>, whose text keeps every space", () => {
    const outsidePre = page.replace(/<pre>[\s\S]*?<\/pre>/g, "<pre></pre>");
    assert.deepEqual(
      outsidePre.split("\n").filter((line) => /^[ \t]/.test(line)),
      [],
      "indented lines",
    );
    const kb = site();
    const text = "Lead:\n\n  Name     Size\n    indented  more";
    const out = renderText(text, kb).value;
    assert.ok(out.includes("<pre>Name     Size\n  indented  more</pre>"), out);
  });
  it("lists the articles that cite it", () => {
    const cited = page.slice(page.indexOf('id="cited_by"'));
    assert.ok(
      cited.includes('href="/kb/186/Q186401/"'),
      `cited.includes('href="/kb/186/Q186401/"')`,
    );
  });
});

describe("displayHeading and summary", () => {
  it("turns upper-case headings into sentence case", () => {
    assert.equal(displayHeading("MORE INFORMATION"), "More information");
    assert.equal(displayHeading("Mixed Case"), "Mixed Case");
  });
  it("cuts a description at a word", () => {
    assert.equal(summary("short\ntext"), "short text");
    const long = summary("word ".repeat(100), 50);
    assert.ok(long.length <= 51 && long.endsWith("…"), `long.length <= 51 && long.endsWith("…")`);
  });
});

describe("SiteData", () => {
  const kb = site();
  it("groups files by their safe slug and keeps every row", () => {
    const names = kb.files.map((f) => f.slug);
    assert.deepEqual(names, [...names].sort());
    assert.ok(
      names.every((n) => /^[a-z0-9_][a-z0-9._-]*$/.test(n)),
      `names.every((n) => /^[a-z0-9_][a-z0-9._-]*$/.test(n))`,
    );
  });
  it("knows who cites whom, on this site only", () => {
    assert.deepEqual(kb.citedBy.get("Q50552"), ["Q186401"]);
    assert.deepEqual(kb.citedBy.get("Q265433"), ["Q50552"]);
  });
});

describe("file tables after a lead-in line", () => {
  it("splits the lead-in off as a paragraph and shows the rows as a table", () => {
    const tables = new FileTables([{ name: "Kernel32.dll" }, { name: "Kernel32.dll" }]);
    const text =
      "The English version of this fix should have the following file attributes or later:\nDate Time Size File name Platform\n--------------------------\n11/18/99 04:19pm 375,056 Kernel32.dll Intel\n11/18/99 06:17pm 589,584 Kernel32.dll Alpha";
    const out = renderText(text, site(), tables).value;
    assert.match(out, /^<p>The English version[^<]*<\/p>\s*<div class="table-wrap"[^>]*>/);
    assert.deepEqual(tables.rest(), []);
  });
});

/**
 * The site data behind issue 15's reading points: products by name with placeholders resolved,
 * related articles, newer versions of a file, file pages newest first, and list pages of 100.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pagerNumbers } from "../../layouts/parts.ts";
import { PAGE_SIZE, SiteData } from "../../src/site/data.ts";
import { compareVersions } from "../../src/site/file-versions.ts";
import { NOT_STATED } from "../../src/site/products.ts";
import { keywordPath, yearPath } from "../../src/site/urls.ts";
import { record } from "../site/fixtures.ts";

const site = (articles: ReturnType<typeof record>[]) => new SiteData(articles, { prefix: "/" });

describe("products", () => {
  it("lists products by name A–Z, each named by its articles' most common real name", () => {
    const kb = site([
      record({ id: "Q1", productCode: "winnt", products: ["Microsoft Windows NT"] }),
      record({ id: "Q2", productCode: "winnt", products: ["See article"] }),
      record({ id: "Q3", productCode: "winnt", products: ["Microsoft Windows NT"] }),
      record({ id: "Q4", productCode: "access", products: ["Zeta Access"] }),
      record({ id: "Q5", productCode: "exchange", products: ["Microsoft Exchange"] }),
    ]);
    assert.deepEqual(
      kb.products.map((p) => [p.code, p.name, p.ids.length]),
      [
        ["exchange", "Microsoft Exchange", 1],
        ["winnt", "Microsoft Windows NT", 3],
        ["access", "Zeta Access", 1],
      ],
    );
  });

  it("never shows a placeholder as a product: versions or a keyword place the article, else 'Product not stated'", () => {
    const none = { productCode: undefined };
    const kb = site([
      record({ id: "Q10", productCode: "winnt", keywords: ["kbWinNT400PreSP7Fix"] }),
      record({ id: "Q11", productCode: "winnt", keywords: ["kbWinNT400PreSP7Fix"] }),
      record({ id: "Q12", productCode: "winnt", keywords: ["kbWinNT400PreSP7Fix"] }),
      record({ id: "Q13", ...none, products: ["See article"], versions: ["winnt:4.0"] }),
      record({
        id: "Q14",
        ...none,
        products: ["See article"],
        versions: ["4.0"],
        keywords: ["kbWinNT400PreSP7Fix"],
      }),
      record({
        id: "Q15",
        ...none,
        products: ["DELETE ME"],
        versions: ["1.0"],
        keywords: ["kbbug"],
      }),
      record({ id: "Q16", ...none, products: [], versions: [], keywords: [] }),
    ]);
    const names = kb.products.map((p) => p.name);
    assert.ok(!names.some((n) => /see article|delete me/i.test(n)), names.join(", "));
    assert.equal(kb.productOf("Q13")?.code, "winnt", "from its versions");
    assert.equal(kb.productOf("Q14")?.code, "winnt", "from its keyword");
    assert.equal(kb.productOf("Q15")?.name, NOT_STATED.name);
    assert.equal(kb.productOf("Q16")?.name, NOT_STATED.name);
    assert.equal(kb.products.at(-1)?.name, NOT_STATED.name, "listed last");
  });
});

describe("related articles", () => {
  it("puts the articles that ship the same file first, then those sharing a rare keyword", () => {
    const kb = site([
      record({ id: "Q100", keywords: ["kbbug", "kbRare"], files: [{ name: "Rpcss.exe" }] }),
      record({ id: "Q101", keywords: ["kbbug", "kbRare"] }),
      record({ id: "Q102", keywords: ["kbbug"], files: [{ name: "RPCSS.EXE" }] }),
      record({ id: "Q103", keywords: ["kbbug"] }),
    ]);
    const related = kb.related.get("Q100") ?? [];
    assert.deepEqual(
      related.map((r) => r.id),
      ["Q102", "Q101", "Q103"],
    );
    assert.equal(related[0]?.why, "ships Rpcss.exe");
  });

  it("leaves out features so common they say nothing (over 100 articles)", () => {
    const many = Array.from({ length: 150 }, (_, i) =>
      record({ id: `Q${1000 + i}`, keywords: ["kbbug"] }),
    );
    assert.equal(site(many).related.size, 0);
  });
});

describe("versions of a file", () => {
  it("compares versions part by part, as numbers", () => {
    assert.ok(compareVersions("4.0.1381.33478", "4.0.1381.7") > 0);
    assert.ok(compareVersions("4.0.1381.7", "4.0.1381.33478") < 0);
    assert.ok(compareVersions("5.0.2195.1", "4.0.1381.99999") > 0);
    assert.equal(compareVersions("4.0", "4.0.0"), 0);
  });

  it("notes the newer version another article ships, for the same platform, product and version line", () => {
    const kb = site([
      record({
        id: "Q200",
        files: [
          { name: "Rpcss.exe", version: "4.0.1381.7", platform: "x86" },
          { name: "Rpcss.exe", version: "4.0.1381.7", platform: "Alpha" },
        ],
      }),
      record({
        id: "Q201",
        files: [{ name: "rpcss.exe", version: "4.0.1381.33478", platform: "x86" }],
      }),
      record({
        id: "Q202",
        files: [{ name: "Rpcss.exe", version: "5.0.2195.9", platform: "x86" }],
      }),
      record({
        id: "Q203",
        productCode: "win95x",
        files: [{ name: "Rpcss.exe", version: "4.0.1381.99999", platform: "x86" }],
      }),
    ]);
    const [x86, alpha] = kb.byId.get("Q200")!.files;
    assert.deepEqual(kb.newer.get(x86!), { id: "Q201", version: "4.0.1381.33478" });
    assert.equal(kb.newer.get(alpha!), undefined, "no newer Alpha build");
    assert.equal(kb.newer.get(kb.byId.get("Q201")!.files[0]!), undefined, "the newest of its line");
  });

  it("orders a file page newest version first and marks the newest row of each platform", () => {
    const kb = site([
      record({
        id: "Q300",
        files: [{ name: "a.dll", version: "1.2", date: "1999-01-01", platform: "x86" }],
      }),
      record({
        id: "Q301",
        files: [{ name: "a.dll", version: "1.10", date: "1998-01-01", platform: "x86" }],
      }),
      record({ id: "Q303", files: [{ name: "a.dll", version: "9.0" }] }),
      record({
        id: "Q302",
        files: [{ name: "a.dll", version: "1.5", date: "1999-06-01", platform: "Alpha" }],
      }),
    ]);
    const file = kb.files[0]!;
    assert.deepEqual(
      file.uses.map((u) => u.id),
      ["Q303", "Q301", "Q302", "Q300"],
    );
    assert.deepEqual(
      file.uses.filter((u) => file.newest.has(u)).map((u) => u.id),
      ["Q301", "Q302"],
    );
  });
});

describe("list pages", () => {
  const articles = Array.from({ length: 250 }, (_, i) =>
    record({
      id: `Q${5000 + i}`,
      lastModified: `2001-${String(12 - (i % 12)).padStart(2, "0")}-01`,
    }),
  );
  const kb = site(articles);

  it(`pages years and keywords ${PAGE_SIZE} at a time, the first at the list's own URL`, () => {
    assert.deepEqual(
      kb.yearPages.map((p) => [yearPath(p.of.year, p.page), p.ids.length]),
      [
        ["/years/2001/", 100],
        ["/years/2001/2/", 100],
        ["/years/2001/3/", 50],
      ],
    );
    assert.deepEqual(
      kb.keywordPages.map((p) => keywordPath(p.of.keyword, p.page)),
      ["/keywords/kbbug/", "/keywords/kbbug/2/", "/keywords/kbbug/3/"],
    );
  });

  it("orders a year by date", () => {
    const dates = kb.years[0]!.ids.map((id) => kb.byId.get(id)!.lastModified!);
    assert.deepEqual(dates, [...dates].sort());
  });

  it("links the first, the last and three pages either side of this one", () => {
    assert.deepEqual(pagerNumbers(10, 215), [1, null, 7, 8, 9, 10, 11, 12, 13, null, 215]);
    assert.deepEqual(pagerNumbers(1, 3), [1, 2, 3]);
  });
});

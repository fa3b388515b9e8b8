/**
 * Issue 14, keys derived from what a page shows: for every page of the site (the browse pages and
 * the articles') and a changed copy of the site's data, a page whose HTML changed has a new key.
 * A key kept by hand beside a template drifted from it and left the page stale on a rebuild.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import fc from "fast-check";
import { collect } from "../../src/corpus/collect.ts";
import { browsePages } from "../../src/generate/incremental/browse-plan.ts";
import { pageKey } from "../../src/generate/incremental/manifest.ts";
import type { ArticleRecord, FileRow } from "../../src/record.ts";
import { SiteData } from "../../src/site/data.ts";
import { inlineScripts, type InlineScripts } from "../../src/generate/write/scripts.ts";
import {
  loadTemplates,
  type BrowseName,
  type Templates,
} from "../../src/generate/write/templates.ts";
import { sampleContentDir } from "../helpers/repo.ts";
import { record } from "../site/fixtures.ts";

/** The search page's inline start script, as the build bundles it. */
let inline: InlineScripts;
let templates: Templates;

/** Path → [key, HTML] of every page of the site built from `records`. */
function pages(records: ArticleRecord[]): Map<string, [string, string]> {
  const kb = new SiteData(records, { prefix: "/kb-archive/" });
  const shown = new Map<string, [string, string]>();
  for (const { template, entry, path, key } of browsePages(kb, templates)) {
    const html = templates.browse[template].render({
      kb,
      entry,
      inlineScripts: inline,
    });
    shown.set(path, [key, html]);
  }
  const { article: page } = templates;
  for (const article of kb.articles)
    shown.set(article.id, [pageKey(kb, article, page), page.render({ kb, article })]);
  return shown;
}

/** The pages whose HTML differs between the two sites while their key does not. */
function stale(before: ArticleRecord[], after: ArticleRecord[]): string[] {
  const old = pages(before);
  const found: string[] = [];
  for (const [path, [key, html]] of pages(after)) {
    const [oldKey, oldHtml] = old.get(path) ?? [];
    if (oldKey === key && oldHtml !== html) found.push(path);
  }
  return found;
}

const PRODUCTS: [string, string][] = [
  ["winnt", "Microsoft Windows NT"],
  ["win2000", "Microsoft Windows 2000"],
  ["office", "Microsoft Office"],
];
const FILES = ["Rpcss.exe", "Ole32.dll", "Xactsrv.dll", "New.dll"];

/** A change of one article's record, as an edit of the content would make it. */
type Change = (a: ArticleRecord, n: number, ids: string[]) => ArticleRecord | undefined;

const row = (n: number): FileRow => ({
  name: FILES[n % FILES.length]!,
  version: `4.0.1381.${n % 7}`,
  size: 1000 + n,
  date: `2002-0${1 + (n % 9)}-1${n % 10}`,
  platform: n % 2 ? "x86" : "Alpha",
});

const CHANGES: Record<string, Change> = {
  title: (a, n) => ({ ...a, title: `${a.title} ${n}` }),
  date: (a, n) => ({
    ...a,
    lastModified: n % 5 ? `${1998 + (n % 5)}-0${1 + (n % 9)}-15` : undefined,
  }),
  keyword: (a, n) => ({ ...a, keywords: [...a.keywords, `kbword${n % 3}`] }),
  "keyword dropped": (a) => ({ ...a, keywords: a.keywords.slice(1) }),
  product: (a, n) => {
    const [code, name] = PRODUCTS[n % PRODUCTS.length]!;
    return { ...a, productCode: code, products: n % 4 ? [name] : ["See article"] };
  },
  "file version": (a, n) =>
    a.files.length
      ? {
          ...a,
          files: a.files.map((f, i) =>
            i === n % a.files.length ? { ...f, version: `4.0.1381.${n}` } : f,
          ),
        }
      : { ...a, files: [row(n)] },
  "file added": (a, n) => ({ ...a, files: [...a.files, row(n)] }),
  cites: (a, n, ids) => {
    const other = ids[n % ids.length]!;
    const sections = a.sections.map((s, i) => (i ? s : { ...s, text: `${s.text} See ${other}.` }));
    return { ...a, references: [...new Set([...a.references, other])], sections };
  },
  "text names an id": (a, n, ids) => {
    const id = n % 3 ? ids[n % ids.length]! : `Q${900000 + n}`;
    return {
      ...a,
      sections: a.sections.map((s, i) => (i ? s : { ...s, text: `${id} ${s.text}` })),
    };
  },
  removed: () => undefined,
};

/** The site's records after the changes: each names a change, an article and a number. */
function changed(records: ArticleRecord[], edits: [string, number, number][]): ArticleRecord[] {
  let out = records;
  for (const [name, at, n] of edits) {
    if (name === "added") {
      const id = `Q${800000 + (n % 5)}`; // the base sites' texts name some of these
      // Sharing nothing at times, so that only the links to it change on the pages naming it.
      const added = record({
        id,
        keywords: n % 2 ? ["kbbug"] : [],
        files: n % 3 ? [row(n)] : [],
        references: n % 2 ? [out[0]!.id] : [],
      });
      out = [...out.filter((a) => a.id !== id), added];
      continue;
    }
    if (out.length < 2) continue;
    const ids = out.map((a) => a.id);
    const i = at % out.length;
    const next = CHANGES[name]!(out[i]!, n, ids);
    out = next ? out.map((a, j) => (j === i ? next : a)) : out.filter((_, j) => j !== i);
  }
  return out;
}

const edits = fc.array(
  fc.tuple(fc.constantFrom(...Object.keys(CHANGES), "added"), fc.nat(50), fc.nat(1000)),
  { minLength: 1, maxLength: 3 },
);

/** A section whose text names ids: those the site has become links. */
const naming = (...ids: string[]) => [
  { id: "symptoms", heading: "SYMPTOMS", text: `Something leaks; see ${ids.join(" and ")}.` },
];

/** Fixture records around the sample's: they cite it, name ids, share its files and keywords. */
function around(sample: ArticleRecord[]): ArticleRecord[] {
  const cited = sample[0]!.id;
  return [
    record({
      id: "Q100001",
      references: [cited],
      sections: naming(cited, "Q100003", "Q800001", "Q800002"),
      files: [row(0), row(1)],
    }),
    record({
      id: "Q100002",
      keywords: ["kbbug", "kbword1"],
      productCode: "office",
      files: [row(5)],
    }),
    record({ id: "Q100003", lastModified: "1999-01-02", references: ["Q100001"] }),
  ];
}

describe("page keys", () => {
  let sample: ArticleRecord[] = [];
  before(async () => {
    sample = (await collect([sampleContentDir])).articles;
    inline = await inlineScripts();
    templates = await loadTemplates();
  });

  it("change whenever the page's HTML does, over changes of the sample site's records", () => {
    const base = [...sample, ...around(sample)];
    fc.assert(
      fc.property(edits, (list) => {
        assert.deepEqual(stale(base, changed(base, list)), []);
      }),
      { numRuns: 150 },
    );
  });

  it("change whenever the page's HTML does, over changes of small made-up sites", () => {
    const site = fc.array(fc.nat(1000), { minLength: 2, maxLength: 6 }).map((ns) =>
      [...new Set(ns)].map((n, i) =>
        record({
          id: `Q${200000 + n}`,
          files: [row(n), row(n + i)],
          keywords: ["kbbug", `kbword${n % 3}`],
          productCode: PRODUCTS[n % 3]![0],
          products: [PRODUCTS[n % 3]![1]],
          references: i ? [`Q${200000 + ns[0]!}`] : [],
          sections: naming(`Q${200000 + ns[0]!}`, `Q${800000 + (n % 5)}`),
        }),
      ),
    );
    fc.assert(
      fc.property(site, edits, (records, list) => {
        assert.deepEqual(stale(records, changed(records, list)), []);
      }),
      { numRuns: 150 },
    );
  });

  it("are new on every page that shows a changed title, so the checks above see changes", () => {
    const base = [...sample, ...around(sample)];
    const after = changed(base, [["title", 0, 1]]);
    const old = pages(base);
    const moved = [...pages(after)].filter(([path, [key]]) => old.get(path)?.[0] !== key);
    assert.ok(moved.length > 3, `only ${moved.length} pages changed`);
  });
});

/**
 * OpenSearch (issue 25): a build with --prefix and --site-url writes /opensearch.xml in the
 * OpenSearch 1.1 shape (the elements the spec requires, absolute URLs, a template opening the
 * search page with the query), and every page of every type links it from its head.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { parse } from "parse5";
import { cutName } from "../../src/generate/write/opensearch.ts";
import { cliPath, repoRoot, sampleContentDir } from "../helpers/repo.ts";

const run = promisify(execFile);
const temp = mkdtempSync(join(tmpdir(), "kbsite-opensearch-"));
const out = join(temp, "site");
after(() => rmSync(temp, { recursive: true, force: true }));

before(async () => {
  await run(
    process.execPath,
    [
      cliPath,
      "build",
      "--content",
      sampleContentDir,
      "--out",
      out,
      "--state",
      join(temp, "state"),
    ].concat(["--prefix", "/kb-archive/", "--site-url", "https://kb.example.org"]),
    { cwd: repoRoot },
  );
});

type Node = { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: Node[] };

function* walk(node: Node): Generator<Node> {
  yield node;
  for (const child of node.childNodes ?? []) yield* walk(child);
}

const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;

/** The text of each element `name` of an XML document (no nesting in OpenSearch's). */
const elements = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<${name}(\\s[^>]*)?(?:/>|>([^<]*)</${name}>)`, "g"))].map((m) => ({
    attrs: m[1] ?? "",
    text: m[2] ?? "",
  }));

describe("opensearch.xml", { timeout: 120_000 }, () => {
  it("has the OpenSearch 1.1 shape, with absolute URLs under the prefix", () => {
    const xml = readFileSync(join(out, "opensearch.xml"), "utf8");
    assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/);
    assert.match(
      xml,
      /<OpenSearchDescription xmlns="http:\/\/a9\.com\/-\/spec\/opensearch\/1\.1\/">[\s\S]*<\/OpenSearchDescription>\n$/,
    );
    const [short] = elements(xml, "ShortName");
    assert.equal(short?.text, "Knowledge Base", "the site's name cut to 16 characters");
    assert.ok(elements(xml, "Description")[0]!.text.length <= 1024);
    assert.equal(elements(xml, "InputEncoding")[0]?.text, "UTF-8");
    assert.equal(
      elements(xml, "Image")[0]?.text,
      "https://kb.example.org/kb-archive/assets/favicon.svg",
    );
    const html = elements(xml, "Url").find((u) => u.attrs.includes('type="text/html"'));
    assert.match(
      html?.attrs ?? "",
      /template="https:\/\/kb\.example\.org\/kb-archive\/search\/\?q=\{searchTerms\}"/,
    );
    // Every element is closed: the document is well formed as far as its tags go.
    const opened = xml.match(/<[A-Za-z][^>]*[^/]>/g)?.length ?? 0;
    assert.equal(opened, xml.match(/<\/[A-Za-z]+>/g)?.length);
  });

  it("is linked from the head of every page, of every type", () => {
    const pages = readdirSync(out, { recursive: true, encoding: "utf8" }).filter((p) =>
      p.endsWith(".html"),
    );
    const types = new Set(pages.map((p) => p.split("/")[0]));
    for (const type of ["index.html", "404.html", "kb", "search", "products", "files", "years"])
      assert.ok(types.has(type), `a page of ${type}`);
    for (const path of pages) {
      const doc = parse(readFileSync(join(out, path), "utf8")) as unknown as Node;
      const head = [...walk(doc)].find((n) => n.nodeName === "head")!;
      const links = [...walk(head)].filter(
        (n) => n.nodeName === "link" && attr(n, "rel") === "search",
      );
      assert.equal(links.length, 1, `${path}: one search link`);
      assert.equal(attr(links[0]!, "type"), "application/opensearchdescription+xml", path);
      assert.equal(attr(links[0]!, "href"), "/kb-archive/opensearch.xml", path);
      assert.equal(attr(links[0]!, "title"), "Knowledge Base Archive", path);
    }
  });

  it("cuts a long name at a word's end", () => {
    assert.equal(cutName("Knowledge Base Archive", 16), "Knowledge Base");
    assert.equal(cutName("Supercalifragilistic", 16), "Supercalifragili");
    assert.equal(cutName("Short", 16), "Short");
  });
});

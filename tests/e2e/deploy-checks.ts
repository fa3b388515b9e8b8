/**
 * What a deploy recipe promises, checked against the real server (deploy-servers.ts) serving the
 * sample built at the root and under a prefix: over HTTP, the headers on every answer, the
 * encodings and cache lifetimes, the 404 page and dot-files; in Chromium, under the recipe's
 * Content-Security-Policy, an old URL, id, file-name, word and Pagefind searches.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { request } from "node:http";
import path from "node:path";
import { after, afterEach, before, describe, it } from "node:test";
import { gunzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import {
  noServer,
  SECURITY_HEADERS,
  startRecipe,
  type Recipe,
  type Running,
} from "./deploy-servers.ts";
import {
  buildSample,
  CHROMIUM,
  CHROMIUM_ARGS,
  noBrowser,
  PREFIXES,
  resultPaths,
} from "./harness.ts";

const LONG = "public, max-age=31536000, immutable";
const SHORT = "public, max-age=300";

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET with exactly these request headers (fetch would add and undo Accept-Encoding). */
function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    })
      .on("error", reject)
      .end();
  });
}

function assertSecurityHeaders(answer: Answer, what: string) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    assert.equal(answer.headers[name.toLowerCase()], value, `${name} on ${what}`);
}

export function deployChecks(recipe: Recipe): void {
  const skip = noServer(recipe);
  for (const prefix of PREFIXES) {
    describe(`deploy/${recipe} serving the sample at ${prefix}`, { skip }, () => {
      let dir = "";
      let server: Running | undefined;
      const url = (inSite: string) => `${server!.origin}${prefix}${inSite}`;
      before(async () => {
        dir = await buildSample(prefix);
        server = await startRecipe(recipe, dir, prefix);
      });
      after(() => server?.stop());

      it("sends a page compressed when asked, with the headers and a short lifetime", async () => {
        const page = await get(url("kb/265/Q265433/"), { "accept-encoding": "gzip" });
        assert.equal(page.status, 200);
        assertSecurityHeaders(page, "a page");
        assert.equal(page.headers["content-encoding"], "gzip");
        assert.match(String(page.headers["vary"]), /accept-encoding/i);
        assert.match(String(page.headers["content-type"]), /^text\/html/);
        assert.equal(page.headers["cache-control"], SHORT);
        assert.match(gunzipSync(page.body).toString(), /Rpcss Leaks Memory/);
        const plain = await get(url("kb/265/Q265433/"));
        assert.equal(plain.headers["content-encoding"], undefined, "no gzip when not asked");
        assert.deepEqual(plain.body, readFileSync(path.join(dir, "kb/265/Q265433/index.html")));
      });

      it("answers a missing page with the site's 404 page, status 404 and the headers", async () => {
        for (const missing of ["no/such/page/", "Q265433", ".kbsite/", "%2enojekyll"]) {
          const answer = await get(url(missing));
          assert.equal(answer.status, 404, missing);
          assertSecurityHeaders(answer, `the 404 of ${missing}`);
          assert.deepEqual(answer.body, readFileSync(path.join(dir, "404.html")), missing);
        }
      });

      it("sends Pagefind's gzip files as they are, marked gzip, hashed ones kept for good", async () => {
        const fragments = path.join(dir, "pagefind/fragment");
        const [fragment] = readdirSync(fragments);
        const onDisk = readFileSync(path.join(fragments, fragment!));
        const sent = await get(url(`pagefind/fragment/${fragment}`), {
          "accept-encoding": "gzip, deflate, br",
        });
        assert.equal(sent.status, 200);
        assertSecurityHeaders(sent, "a Pagefind fragment");
        assert.equal(sent.headers["content-encoding"], "gzip");
        assert.equal(sent.headers["content-type"], "application/octet-stream");
        assert.match(String(sent.headers["vary"]), /accept-encoding/i);
        assert.equal(sent.headers["cache-control"], LONG);
        assert.deepEqual(sent.body, onDisk, "the file's own bytes, not compressed again");
        const unmarked = await get(url(`pagefind/fragment/${fragment}`));
        assert.equal(unmarked.headers["content-encoding"], undefined, "no gzip when not taken");
        assert.deepEqual(unmarked.body, onDisk);
        const wasm = await get(url("pagefind/wasm.en.pagefind"), { "accept-encoding": "gzip" });
        assert.equal(wasm.headers["content-encoding"], "gzip");
        assert.equal(wasm.headers["cache-control"], SHORT, "its name does not change with it");
      });

      it("compresses CSS, JavaScript, JSON and XML, all kept 5 minutes", async () => {
        // Files below the servers' minimum for compression (256 or 512 bytes) may go as they are.
        const files = {
          "assets/site.css": /^text\/css/,
          "assets/kb.js": /javascript/,
          "kb/265/Q265433/index.json": /^application\/json/,
          "record.schema.json": /^application\/json/,
          "sitemap.xml": /xml/,
        };
        for (const [file, type] of Object.entries(files)) {
          const answer = await get(url(file), { "accept-encoding": "gzip" });
          assert.equal(answer.status, 200, file);
          assert.match(String(answer.headers["content-type"]), type, file);
          assert.equal(answer.headers["content-encoding"], "gzip", file);
          assert.equal(answer.headers["cache-control"], SHORT, file);
          assert.deepEqual(gunzipSync(answer.body), readFileSync(path.join(dir, file)), file);
        }
        const entry = await get(url("pagefind/pagefind-entry.json"), { "accept-encoding": "gzip" });
        assert.equal(entry.headers["cache-control"], SHORT, "pagefind-entry.json keeps its name");
      });

      it("redirects a folder asked without its slash to the folder, on this host", async () => {
        const answer = await get(url("kb/265/Q265433"));
        assert.ok([301, 308].includes(answer.status), `status ${answer.status}`);
        assert.equal(answer.headers["location"], `${prefix}kb/265/Q265433/`);
        assertSecurityHeaders(answer, "a redirect");
      });

      describe("in Chromium", { skip: noBrowser }, () => {
        let browser: Browser | undefined;
        let contexts: BrowserContext[] = [];
        let blocked: string[] = [];
        const open = async (inSite: string, watch?: (page: Page) => void): Promise<Page> => {
          const context = await browser!.newContext();
          contexts.push(context);
          context.setDefaultTimeout(15_000);
          const page = await context.newPage();
          page.on(
            "console",
            (m) => /Content Security Policy/.test(m.text()) && blocked.push(m.text()),
          );
          page.on("pageerror", (error) => blocked.push(String(error)));
          watch?.(page);
          await page.goto(url(inSite));
          return page;
        };
        before(async () => {
          browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
        });
        afterEach(async () => {
          await Promise.all(contexts.map((c) => c.close()));
          contexts = [];
          assert.deepEqual(blocked, [], "nothing blocked by the recipe's headers, no page error");
          blocked = [];
        });
        after(() => browser?.close());

        it("sends an old URL on to the article", async () => {
          const page = await open("kb/265433/");
          await page.waitForURL((u) => u.pathname === `${prefix}kb/265/Q265433/`);
          assert.match(await page.locator("h1").first().innerText(), /Rpcss Leaks Memory/);
        });

        it("goes to the article searched for by its id", async () => {
          const page = await open("search/?q=KB246691");
          await page.waitForURL((u) => u.pathname === `${prefix}kb/246/Q246691/`);
        });

        it("lists the article shipping a DLL first", async () => {
          const [top] = await resultPaths(await open("search/?q=kernel32.dll"));
          assert.equal(top, `${prefix}kb/246/Q246691/`);
        });

        it("finds articles by their words", async () => {
          const found = await resultPaths(await open("search/?q=memory%20leaks"));
          assert.equal(found.length, 3, `${found}`);
          assert.equal(found[2], `${prefix}kb/265/Q265433/`);
        });

        it("answers a part of a word from Pagefind", async () => {
          const pagefind: string[] = [];
          const page = await open("search/?q=cocreatei", (p) =>
            p.on("response", (r) => r.url().includes("/pagefind/") && pagefind.push(r.url())),
          );
          const found = await resultPaths(page);
          assert.ok(found.includes(`${prefix}kb/265/Q265433/`), `${found}`);
          assert.ok(
            pagefind.some((u) => u.endsWith(".pf_fragment")),
            "Pagefind's fragments loaded",
          );
        });
      });
    });
  }
}

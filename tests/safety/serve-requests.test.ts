/**
 * Issue 21, `kbsite serve` behaves like a careful static host under any request, checked against
 * the real server (the CLI on port 0) serving the built sample: ranges per RFC 9110 (a reversed
 * one no longer stops it), no symbolic link followed, 405 for other methods, q-values honoured,
 * Vary wherever the body can differ, the security headers on every answer, and an error inside
 * one request answered 500 while the next is served.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { writeFileSync } from "node:fs";
import { request, type IncomingHttpHeaders } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { gunzipSync } from "node:zlib";
import { SECURITY_HEADERS } from "../../src/serve/headers.ts";
import { sampleContentDir } from "../helpers/repo.ts";
import { kbsite, start, type Started } from "./harness.ts";

const temp = mkdtempSync(join(tmpdir(), "kbsite-serve-requests-"));
const out = join(temp, "site");

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

let origin = "";
function ask(method: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<Answer>((resolve, reject) =>
    request(`${origin}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    })
      .on("error", reject)
      .end(),
  );
}
const get = (path: string, headers: Record<string, string> = {}) => ask("GET", path, headers);

function assertSecure(answer: Answer, what: string) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    assert.equal(answer.headers[name.toLowerCase()], value, `${what}: ${name}`);
}

describe("kbsite serve under any request", { timeout: 180_000 }, () => {
  let server: Started;
  let css: Buffer;
  let meta = "";
  let notFoundPage: Buffer;

  before(async () => {
    assert.equal((await kbsite(["build", "--content", sampleContentDir, "--out", out])).code, 0);
    css = readFileSync(join(out, "assets", "site.css"));
    meta = readdirSync(join(out, "pagefind")).find((name) => name.endsWith(".pf_meta"))!;
    notFoundPage = readFileSync(join(out, "404.html"));
    // Links a careless or hostile upload might leave in the site: out of it, and within it.
    const secret = join(temp, "secret.txt");
    writeFileSync(secret, "not for the web\n");
    symlinkSync(secret, join(out, "secret.txt"));
    symlinkSync("/etc/passwd", join(out, "passwd"));
    symlinkSync(join(out, "assets", "site.css"), join(out, "inside.css"));
    symlinkSync(join(out, "assets"), join(out, "linked"));
    mkdirSync(join(out, "kb", "linked-page"));
    symlinkSync(join(out, "index.html"), join(out, "kb", "linked-page", "index.html"));
    // Not a gzip stream, where Pagefind's files are: inflating it fails inside the request.
    writeFileSync(join(out, "pagefind", "broken.pf_fragment"), "not gzip");
    server = start(["serve", out, "--port", "0"]);
    origin = /at (http:\/\/\S+?)\/ /.exec(await server.line(/^Serving /))![1]!;
  });
  after(() => rmSync(temp, { recursive: true, force: true }));

  it("answers a reversed range (ignored: the whole file) and stays up", async () => {
    const reversed = await get("/assets/site.css", { range: "bytes=500-100" });
    assert.equal(reversed.status, 200);
    assert.ok(reversed.body.equals(css));
    assert.equal((await get("/")).status, 200);
  });

  it("sends exact bytes for a single, a suffix and an open-ended range", async () => {
    const size = css.length;
    for (const [range, start, end] of [
      ["bytes=0-9", 0, 9],
      ["bytes=-10", size - 10, size - 1],
      ["bytes=100-", 100, size - 1],
      ["bytes=5-5", 5, 5],
      [`bytes=${size - 3}-${size + 1000}`, size - 3, size - 1],
    ] as const) {
      const answer = await get("/assets/site.css", { range });
      assert.equal(answer.status, 206, range);
      assert.equal(answer.headers["content-range"], `bytes ${start}-${end}/${size}`, range);
      assert.ok(answer.body.equals(css.subarray(start, end + 1)), range);
    }
  });

  it("answers 416 with Content-Range: bytes */size for a range past the end", async () => {
    for (const range of [`bytes=${css.length}-`, "bytes=99999999-99999999", "bytes=-0"]) {
      const answer = await get("/assets/site.css", { range });
      assert.equal(answer.status, 416, range);
      assert.equal(answer.headers["content-range"], `bytes */${css.length}`, range);
      assertSecure(answer, `416 for ${range}`);
    }
  });

  it("ignores a malformed range, or several, and sends the whole file with 200", async () => {
    for (const range of [
      "bytes=abc",
      "bytes=1-2-3",
      "bytes=",
      "bytes=-",
      "items=0-5",
      "bytes=0-1,9-5",
      "bytes=0x10-20",
      "bytes=0-1,5-6",
    ]) {
      const answer = await get("/assets/site.css", { range });
      assert.equal(answer.status, 200, range);
      assert.ok(answer.body.equals(css), range);
    }
  });

  it("applies ranges to a body in another coding too (Pagefind's file, inflated)", async () => {
    const inflated = gunzipSync(readFileSync(join(out, "pagefind", meta)));
    const headers = { "accept-encoding": "identity" };
    const part = await get(`/pagefind/${meta}`, { ...headers, range: "bytes=-12" });
    assert.equal(part.status, 206);
    assert.ok(part.body.equals(inflated.subarray(-12)));
    const past = await get(`/pagefind/${meta}`, { ...headers, range: "bytes=99999999-" });
    assert.equal(past.status, 416);
    assert.equal(past.headers["content-range"], `bytes */${inflated.length}`);
    const bad = await get(`/pagefind/${meta}`, { ...headers, range: "bytes=9-1" });
    assert.equal(bad.status, 200);
    assert.ok(bad.body.equals(inflated));
  });

  it("follows no symbolic link, out of the site or within it: the 404 page", async () => {
    for (const path of [
      "/passwd",
      "/secret.txt",
      "/inside.css",
      "/linked/site.css",
      "/kb/linked-page/",
      "/kb/linked-page",
    ]) {
      const answer = await get(path);
      assert.equal(answer.status, 404, path);
      assert.ok(answer.body.equals(notFoundPage), `${path}: the site's 404 page`);
      assertSecure(answer, `404 for ${path}`);
    }
  });

  it("answers other methods 405 with Allow: GET, HEAD", async () => {
    for (const method of ["TRACE", "POST", "DELETE", "PUT", "PATCH", "OPTIONS"]) {
      const answer = await ask(method, "/index.html");
      assert.equal(answer.status, 405, method);
      assert.equal(answer.headers.allow, "GET, HEAD", method);
      assert.doesNotMatch(answer.body.toString(), /<html/i, `${method}: not the file`);
      assertSecure(answer, `405 for ${method}`);
    }
    const head = await ask("HEAD", "/");
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
  });

  it("honours q=0: a client refusing gzip gets Pagefind's files inflated and HTML as it is", async () => {
    const refusing = { "accept-encoding": "gzip;q=0, deflate" };
    const pagefind = await get(`/pagefind/${meta}`, refusing);
    assert.equal(pagefind.headers["content-encoding"], undefined);
    assert.equal(pagefind.body.subarray(0, 12).toString(), "pagefind_dcd");
    assert.match(String(pagefind.headers.vary), /accept-encoding/i);
    const html = await get("/", { "accept-encoding": "br;q=0, gzip;q=0" });
    assert.equal(html.headers["content-encoding"], undefined);
    assert.ok(html.body.equals(readFileSync(join(out, "index.html"))));
    const preferred = await get("/", { "accept-encoding": "br;q=0.1, gzip;q=0.9" });
    assert.equal(preferred.headers["content-encoding"], "gzip");
  });

  it("says Vary: Accept-Encoding on every compressible answer, uncompressed ones too", async () => {
    for (const path of ["/", "/search/", "/assets/site.css", "/pagefind/pagefind.js"]) {
      const plain = await get(path);
      assert.equal(plain.status, 200, path);
      assert.equal(plain.headers["content-encoding"], undefined, path);
      assert.match(String(plain.headers.vary), /accept-encoding/i, path);
    }
  });

  it("sends the security headers on 200, 206 and 304 answers", async () => {
    const page = await get("/");
    assertSecure(page, "200");
    assertSecure(await get("/assets/site.css", { range: "bytes=0-1" }), "206");
    const again = await get("/", { "if-none-match": String(page.headers.etag) });
    assert.equal(again.status, 304);
    assertSecure(again, "304");
  });

  it("answers an error inside a request with 500 for it alone, and serves the next", async () => {
    const broken = await get("/pagefind/broken.pf_fragment", { "accept-encoding": "identity" });
    assert.equal(broken.status, 500);
    assertSecure(broken, "500");
    const next = await get("/");
    assert.equal(next.status, 200);
  });

  it("logged that error in one line, and stops on a signal", async () => {
    process.kill(-server.pid, "SIGTERM");
    const run = await server.done;
    const lines = run.stderr.split("\n").filter(Boolean);
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0]!, /^kbsite serve: GET "\/pagefind\/broken\.pf_fragment" failed \(500\)/);
  });
});

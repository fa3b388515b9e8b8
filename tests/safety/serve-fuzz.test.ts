/**
 * Issue 21, a fuzz of `kbsite serve`: thousands of random requests (methods, paths however
 * spelled, ranges, content codings, conditional headers), sent as raw bytes to the real server.
 * Each one is answered, with a status a static host gives, the security headers on every answer
 * of the site's own, a range answer that holds exactly the bytes it names, and the server is up
 * at the end.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { SECURITY_HEADERS } from "../../src/serve/headers.ts";
import { sampleContentDir } from "../helpers/repo.ts";
import { kbsite, start, type Started } from "./harness.ts";

const temp = mkdtempSync(join(tmpdir(), "kbsite-serve-fuzz-"));
const out = join(temp, "site");
const RUNS = 3000;

interface Raw {
  status: number;
  headers: Map<string, string>;
  body: Buffer;
}

/** Sends `text` as it is on a new connection and reads the answer until the server closes it. */
function rawRequest(port: number, text: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    // Written, not ended: Node closes a half-closed connection before a slow answer is sent.
    const socket = connect(port, "127.0.0.1", () => socket.write(text, "latin1"));
    const timer = setTimeout(() => (socket.destroy(), reject(new Error("no answer in 10 s"))), 1e4);
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", () => {}); // the server may close first; what it sent is what counts
    socket.on("close", () => {
      clearTimeout(timer);
      const all = Buffer.concat(chunks);
      const split = all.indexOf("\r\n\r\n");
      if (split < 0) return reject(new Error(`no answer: ${JSON.stringify(all.toString())}`));
      const [statusLine, ...lines] = all.subarray(0, split).toString("latin1").split("\r\n");
      const headers = new Map(
        lines.map((line) => [
          line.slice(0, line.indexOf(":")).toLowerCase(),
          line.slice(line.indexOf(":") + 1).trim(),
        ]),
      );
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine!)?.[1]),
        headers,
        body: all.subarray(split + 4),
      });
    });
  });
}

const spec = fc.oneof(
  // Positions up to 20,000: within and past the 16 kB style sheet and the other files.
  fc.tuple(fc.nat(20_000), fc.nat(20_000)).map(([a, b]) => `${a}-${b}`),
  fc.nat(20_000).map((a) => `${a}-`),
  fc.nat(20_000).map((n) => `-${n}`),
  fc.constantFrom("", "-", "a-b", "1-2-3", " 5 - 9 ", "99999999999999999999-", "0x1-2"),
);
const range = fc.oneof(
  fc.array(spec, { minLength: 1, maxLength: 3 }).map((specs) => `bytes=${specs.join(",")}`),
  fc.constantFrom("bytes=", "Bytes=0-5", "items=0-5", "bytes 0-5", "="),
  fc.string({ maxLength: 12 }),
);
const coding = fc
  .tuple(
    fc.constantFrom("gzip", "br", "deflate", "identity", "*", "x-gzip", "GZIP", ""),
    fc.option(fc.constantFrom("0", "0.0", "0.5", "1", "1.0", "2", "-1", "abc")),
  )
  .map(([name, q]) => (q === null ? name : `${name};q=${q}`));
const acceptEncoding = fc.array(coding, { maxLength: 4 }).map((list) => list.join(", "));
const piece = (meta: string) =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        ...["", "index.html", "assets", "site.css", "search", "kb", "404.html", "pagefind", meta],
        ...["kbsite.json", "index", "search.html", "pagefind.js", "?q=x", "~", "*"],
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        ...["..", ".", "%2e%2e", "%2E", ".nojekyll", "%2f", "%00", "%", "%zz", "%ff", "%C3%A9"],
        ...["é", "\\", "a b"],
      ),
    },
  );
const method = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("GET", "HEAD") },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      ...["POST", "PUT", "DELETE", "TRACE", "OPTIONS", "PATCH", "CONNECT", "PROPFIND"],
      ...["get", "BREW"],
    ),
  },
);

describe("kbsite serve under random requests", { timeout: 300_000 }, () => {
  let server: Started;
  let port = 0;
  let css: Buffer;
  let meta = "";

  before(async () => {
    assert.equal((await kbsite(["build", "--content", sampleContentDir, "--out", out])).code, 0);
    css = readFileSync(join(out, "assets", "site.css"));
    meta = readdirSync(join(out, "pagefind")).find((name) => name.endsWith(".pf_meta"))!;
    server = start(["serve", out, "--port", "0"]);
    port = Number(/:(\d+)\//.exec(await server.line(/^Serving /))![1]);
  });
  after(async () => {
    process.kill(-server.pid, "SIGTERM");
    await server.done;
    rmSync(temp, { recursive: true, force: true });
  });

  it(`answers each of ${RUNS} random requests as a static host would`, async () => {
    const request = fc.record({
      method,
      path: fc.array(piece(meta), { maxLength: 4 }).map((parts) => `/${parts.join("/")}`),
      range: fc.option(range),
      acceptEncoding: fc.option(acceptEncoding),
      ifNoneMatch: fc.option(fc.constantFrom("*", 'W/"x"', '"abc"', "")),
    });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const headers = [
          `Host: 127.0.0.1:${port}`,
          r.range !== null && `Range: ${r.range}`,
          r.acceptEncoding !== null && `Accept-Encoding: ${r.acceptEncoding}`,
          r.ifNoneMatch !== null && `If-None-Match: ${r.ifNoneMatch}`,
          "Connection: close",
        ].filter(Boolean);
        const answer = await rawRequest(
          port,
          `${r.method} ${r.path} HTTP/1.1\r\n${headers.join("\r\n")}\r\n\r\n`,
        );
        // 400 is Node's own parser refusing the request line before the site sees it.
        assert.ok(
          [200, 206, 301, 304, 400, 404, 405, 416].includes(answer.status),
          `status ${answer.status}`,
        );
        if (answer.status !== 400)
          for (const [name, value] of Object.entries(SECURITY_HEADERS))
            assert.equal(answer.headers.get(name.toLowerCase()), value, name);
        if (answer.status === 405) assert.equal(answer.headers.get("allow"), "GET, HEAD");
      }),
      { numRuns: RUNS },
    );
  });

  it("sends exactly the bytes a random range names, or the whole file, or 416", async () => {
    await fc.assert(
      fc.asyncProperty(range, async (header) => {
        const text = `GET /assets/site.css HTTP/1.1\r\nHost: x\r\nRange: ${header}\r\nConnection: close\r\n\r\n`;
        const answer = await rawRequest(port, text);
        if (answer.status === 200) return assert.ok(answer.body.equals(css));
        if (answer.status === 416)
          return assert.equal(answer.headers.get("content-range"), `bytes */${css.length}`);
        assert.equal(answer.status, 206, header);
        const [, start, end, size] = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(
          answer.headers.get("content-range")!,
        )!;
        assert.equal(Number(size), css.length);
        assert.ok(answer.body.equals(css.subarray(Number(start), Number(end) + 1)), header);
      }),
      { numRuns: 1000 },
    );
  });

  it("is up after all of them", async () => {
    const answer = await rawRequest(port, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert.equal(answer.status, 200);
  });
});

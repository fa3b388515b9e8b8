/**
 * `kbsite serve` sends Pagefind's index files, gzip streams already, as gzip-encoded (so the
 * browser inflates them, not Pagefind's JavaScript), to clients that accept gzip, and inflated
 * to those that do not; HTML, JSON, JS and CSS are compressed as the client accepts.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer, get, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { handler } from "../../src/cli/serve.ts";
import { cliPath, repoRoot, sampleContentDir } from "../helpers/repo.ts";

const temp = mkdtempSync(join(tmpdir(), "kbsite-serve-"));
after(() => rmSync(temp, { recursive: true, force: true }));

function fetchRaw(url: string, headers: Record<string, string>) {
  return new Promise<{ response: IncomingMessage; body: Buffer }>((resolve, reject) =>
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ response, body: Buffer.concat(chunks) }));
    }).on("error", reject),
  );
}

describe("kbsite serve", () => {
  let server: Server;
  let origin = "";
  let meta = "";

  before(async () => {
    const out = join(temp, "site");
    await promisify(execFile)(
      process.execPath,
      [cliPath, "build", "--content", sampleContentDir, "--out", out],
      { cwd: repoRoot },
    );
    meta = readdirSync(join(out, "pagefind")).find((name) => name.endsWith(".pf_meta"))!;
    server = createServer(handler(out, "/"));
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server?.close());

  it("sends Pagefind's files gzip-encoded to a client that accepts gzip", async () => {
    const { response, body } = await fetchRaw(`${origin}/pagefind/${meta}`, {
      "accept-encoding": "gzip, deflate, br",
    });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers["content-encoding"], "gzip");
    assert.match(String(response.headers.vary), /accept-encoding/i);
    assert.equal(gunzipSync(body).subarray(0, 12).toString(), "pagefind_dcd");
  });

  it("sends them inflated to a client that does not, or refuses it with q=0 (issue 21)", async () => {
    const refusals: Record<string, string>[] = [
      {},
      { "accept-encoding": "gzip;q=0, br" },
      { "accept-encoding": "identity" },
    ];
    for (const headers of refusals) {
      const { response, body } = await fetchRaw(`${origin}/pagefind/${meta}`, headers);
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers["content-encoding"], undefined, JSON.stringify(headers));
      assert.match(String(response.headers.vary), /accept-encoding/i);
      assert.equal(body.subarray(0, 12).toString(), "pagefind_dcd", JSON.stringify(headers));
    }
  });

  it("compresses HTML, JSON, JS and CSS as the client accepts, brotli first (issue 15)", async () => {
    for (const path of [
      "/search/",
      "/pagefind/pagefind.js",
      "/pagefind/pagefind-entry.json",
      "/assets/site.css",
    ]) {
      const plain = await fetchRaw(origin + path, {});
      assert.equal(plain.response.headers["content-encoding"], undefined, path);
      const gzip = await fetchRaw(origin + path, { "accept-encoding": "gzip" });
      assert.equal(gzip.response.statusCode, 200, path);
      assert.equal(gzip.response.headers["content-encoding"], "gzip", path);
      assert.ok(gunzipSync(gzip.body).equals(plain.body), `${path}: gzip holds the file`);
      const br = await fetchRaw(origin + path, { "accept-encoding": "gzip, deflate, br" });
      assert.equal(br.response.headers["content-encoding"], "br", path);
      assert.ok(brotliDecompressSync(br.body).equals(plain.body), `${path}: brotli holds the file`);
      assert.match(String(br.response.headers.vary), /accept-encoding/i);
    }
  });
});

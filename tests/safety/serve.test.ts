/**
 * Issue 13, `kbsite serve` serves the site alone: no dotfile however the path is spelled, on
 * 127.0.0.1 unless --host says otherwise, and it prints the address it really listens on
 * (--port 0 takes a free port and says which; --port '' is a usage error).
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { cliPath, repoRoot, sampleContentDir } from "../helpers/repo.ts";
import { kbsite } from "./harness.ts";

const temp = mkdtempSync(join(tmpdir(), "kbsite-serve-safety-"));
const out = join(temp, "site");
const status = (url: string) =>
  new Promise<number>((resolve, reject) =>
    get(url, (res) => (res.resume(), resolve(res.statusCode!))).on("error", reject),
  );

describe("kbsite serve", { timeout: 120_000 }, () => {
  let server: ReturnType<typeof spawn>;
  let address = "";

  before(async () => {
    assert.equal((await kbsite(["build", "--content", sampleContentDir, "--out", out])).code, 0);
    server = spawn(process.execPath, [cliPath, "serve", out, "--port", "0"], { cwd: repoRoot });
    address = await new Promise<string>((resolve) =>
      server.stdout!.setEncoding("utf8").on("data", (text: string) => {
        const found = /at (http:\/\/\S+?)\/ /.exec(text);
        if (found) resolve(found[1]!);
      }),
    );
  });
  after(() => (server?.kill(), rmSync(temp, { recursive: true, force: true })));

  it("listens on 127.0.0.1 by default, on the free port it prints", async () => {
    assert.match(address, /^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
    assert.equal(await status(`${address}/`), 200);
  });

  it("answers no dotfile, however the path spells it", async () => {
    for (const path of [
      "/.nojekyll",
      "/%2enojekyll",
      "/%2Enojekyll",
      "/kb/%2e%2e/.nojekyll",
      "/assets/../.nojekyll",
    ])
      assert.equal(await status(`${address}${path}`), 404, path);
  });

  it("refuses --port '' as usage", async () => {
    const run = await kbsite(["serve", out, "--port", ""]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--port "" is not a port number/);
  });
});

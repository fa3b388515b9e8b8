/**
 * `kbsite build --serve`, the live loop, as an author uses it: an open page reloads by itself
 * after an article is saved; a broken save is a notice on the page while the last good site
 * stays served, and the next good save recovers; a burst of saves is one rebuild or two, not
 * forty; a new article is searchable, a deleted one is the 404 again; and nothing of the live
 * loop is ever written into the site.
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { chromium, type Browser } from "playwright-core";
import { cliPath, sampleContentDir } from "../helpers/repo.ts";
import { CHROMIUM, noBrowser, resultPaths } from "./harness.ts";

const ARTICLE = "000_c93d73789a0be035.txt"; // Q265433, Jekyll form
const TITLE = "Rpcss Leaks Memory with CoCreateInstance() and Release";

describe("the live loop (kbsite build --serve)", { skip: noBrowser }, () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "kbsite-live-"));
  const content = path.join(tmp, "content");
  const out = path.join(tmp, "site");
  let child: ChildProcess;
  let browser: Browser;
  let origin = "";
  let output = "";
  const original = readFileSync(path.join(sampleContentDir, ARTICLE), "utf8");
  const save = (name: string, text: string) => writeFileSync(path.join(content, name), text);
  const rebuilds = () => output.match(/rebuilding/g)?.length ?? 0;
  /** Until the last rebuild has ended, well or badly. */
  const settled = async () => {
    const ended = () =>
      Math.max(output.lastIndexOf("built in"), output.lastIndexOf("kbsite build:")) >
      output.lastIndexOf("rebuilding");
    const deadline = Date.now() + 90_000;
    while (!ended()) {
      assert.ok(Date.now() < deadline, `the rebuild never ended:\n${output}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  };

  before(async () => {
    cpSync(sampleContentDir, content, { recursive: true });
    const args = [cliPath, "build", "--serve", "--content", content, "--out", out, "--port", "0"];
    child = spawn(process.execPath, [...args, "--state", path.join(tmp, "state")], { cwd: tmp });
    child.stdout!.on("data", (chunk) => (output += chunk));
    child.stderr!.on("data", (chunk) => (output += chunk));
    const deadline = Date.now() + 120_000;
    while (!/Serving .* at (http:\S+?)\/?,/.test(output)) {
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`kbsite build --serve did not start:\n${output}`);
      await new Promise((done) => setTimeout(done, 100));
    }
    origin = /at (http:\/\/[^/\s]+)/.exec(output)![1]!;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  });
  after(async () => {
    await browser?.close();
    if (child && child.exitCode === null) {
      const exited = new Promise((done) => child.once("exit", done));
      child.kill("SIGINT");
      const killed = setTimeout(() => child.kill("SIGKILL"), 10_000);
      assert.equal(await exited, 130, `Ctrl-C ends kbsite build --serve:\n${output}`);
      clearTimeout(killed);
    }
    rmSync(tmp, { recursive: true, force: true });
  });

  it("reloads an open page after a save, shows a broken save and recovers", async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/kb/265/Q265433/`);
    const heading = page.locator("h1");
    assert.match(await heading.innerText(), /Rpcss Leaks Memory/);
    await page.evaluate(() => ((window as unknown as { stale: boolean }).stale = true));

    save(ARTICLE, original.replaceAll(TITLE, "Rpcss Leaks Memory Live"));
    await page.waitForFunction(
      () => /Memory Live/.test(document.querySelector("h1")!.textContent!),
      null,
      { timeout: 60_000 },
    );
    assert.equal(await page.evaluate(() => "stale" in window), false, "the page was reloaded");

    save(ARTICLE, "\u0000\u0001 not an article");
    const notice = page.locator("#kbsite-live-notice");
    await notice.waitFor({ timeout: 60_000 });
    assert.match(await notice.innerText(), new RegExp(`${ARTICLE}: binary file`));
    assert.match(output, new RegExp(`kbsite build: content/${ARTICLE}: binary file`));
    const served = await fetch(`${origin}/kb/265/Q265433/`).then((r) => r.text());
    assert.match(served, /Memory Live/, "the last good page is still served");

    save(ARTICLE, original);
    await page.waitForFunction(
      () => /Leaks Memory with/.test(document.querySelector("h1")!.textContent!),
      null,
      { timeout: 60_000 },
    );
    assert.equal(await notice.count(), 0, "the notice is gone with the recovery");
    await page.close();
  });

  it("takes a burst of saves as one rebuild, and finds a new article and forgets a deleted one", async () => {
    const before = rebuilds();
    const fresh = original
      .replaceAll("Q265433", "Q999001")
      .replaceAll("/265/", "/999/")
      .replaceAll(TITLE, "Zyzzogeton Leak");
    for (let i = 0; i < 40; i++) save(`burst-${i}.txt`, i === 0 ? fresh : original);
    rmSync(path.join(content, "001_ff40c626a2928610.txt")); // Q256149
    const page = await browser.newPage();
    const deadline = Date.now() + 90_000;
    while (!(await fetch(`${origin}/kb/999/Q999001/`)).ok) {
      assert.ok(Date.now() < deadline, `Q999001 was never built:\n${output}`);
      await new Promise((done) => setTimeout(done, 200));
    }
    await new Promise((done) => setTimeout(done, 1000)); // a second batch, if any, has started
    await settled();
    assert.ok(rebuilds() - before <= 2, `${rebuilds() - before} rebuilds for one burst`);
    const gone = await fetch(`${origin}/kb/256/Q256149/`);
    assert.equal(gone.status, 404);
    assert.match(await gone.text(), /<title>[^<]*not found/i, "the site's own 404 page");
    await page.goto(`${origin}/search/?q=zyzzogeton`);
    assert.deepEqual(await resultPaths(page), ["/kb/999/Q999001/"]);
    await page.close();
  });

  it("says a bad config key on the page and recovers when it is fixed", async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    const config = path.join(tmp, "kbsite.config.json");
    writeFileSync(config, JSON.stringify({ nmae: "Typo" }));
    const notice = page.locator("#kbsite-live-notice");
    await notice.waitFor({ timeout: 60_000 });
    assert.match(await notice.innerText(), /kbsite\.config\.json.*nmae/);
    writeFileSync(config, JSON.stringify({ name: "Live Archive" }));
    await page.waitForFunction(() => document.title.includes("Live Archive"), null, {
      timeout: 60_000,
    });
    await page.close();
  });

  it("writes nothing of the live loop into the site", () => {
    const pages = readdirSync(out, { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith(".html"),
    );
    assert.ok(pages.length > 10);
    for (const file of pages)
      assert.doesNotMatch(readFileSync(path.join(out, file), "utf8"), /kbsite-live/, file);
  });
});

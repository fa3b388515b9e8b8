import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { hostChecks, hostLine, measureSite, type SiteSize } from "../../src/generate/hosts.ts";

const temp = mkdtempSync(join(tmpdir(), "kbsite-hosts-"));
after(() => rmSync(temp, { recursive: true, force: true }));

const size = (bytes: number, files: number, folders: number, largest = 1000): SiteSize => ({
  bytes,
  files,
  folders,
  largest: { path: "records.jsonl.gz", bytes: largest },
});

const passed = (s: SiteSize) =>
  Object.fromEntries(hostChecks(s).map((c) => [`${c.host} ${c.limit}`, c.passes]));

describe("measureSite", () => {
  it("counts every file's bytes, the files and the folders below the site, and the largest file", () => {
    const root = join(temp, "site");
    mkdirSync(join(root, "kb", "265", "Q265433"), { recursive: true });
    writeFileSync(join(root, "index.html"), "x".repeat(10));
    writeFileSync(join(root, "kb", "265", "Q265433", "index.html"), "y".repeat(300));
    writeFileSync(join(root, "kb", "265", "Q265433", "index.json"), "{}");
    assert.deepEqual(measureSite(root), {
      bytes: 312,
      files: 3,
      folders: 3,
      largest: { path: join("kb", "265", "Q265433", "index.html"), bytes: 300 },
    });
  });
});

describe("hostChecks", () => {
  it("passes each limit at the limit and fails it one over", () => {
    const MiB = 1024 * 1024;
    assert.deepEqual(passed(size(1e9, 20_000, 180_000, 25 * MiB)), {
      "GitHub Pages 1 GB a site": true,
      "GitLab Pages 200,000 entries": true,
      "Cloudflare Pages (free) 20,000 files": true,
      "Cloudflare Pages (paid) 100,000 files": true,
      "Cloudflare Pages 25 MiB a file": true,
    });
    assert.deepEqual(passed(size(1e9 + 1, 100_001, 99_999, 25 * MiB + 1)), {
      "GitHub Pages 1 GB a site": false,
      "GitLab Pages 200,000 entries": true,
      "Cloudflare Pages (free) 20,000 files": false,
      "Cloudflare Pages (paid) 100,000 files": false,
      "Cloudflare Pages 25 MiB a file": false,
    });
    assert.equal(passed(size(1, 100_000, 100_001))["GitLab Pages 200,000 entries"], false);
  });
});

describe("hostLine", () => {
  it("names the size in MiB and MB, the entries, and the hosts it fits and exceeds", () => {
    // The 60k site before issue 24: 950 MB in 278,576 entries.
    const line = hostLine(size(950_000_000, 250_000, 28_576));
    assert.equal(
      line,
      "Site: 906.0 MiB (950.0 MB) in 278,576 entries (250,000 files, 28,576 folders); " +
        "fits GitHub Pages (1 GB a site), Cloudflare Pages (25 MiB a file); " +
        "exceeds GitLab Pages (200,000 entries: 278,576 entries), " +
        "Cloudflare Pages (free) (20,000 files: 250,000 files), " +
        "Cloudflare Pages (paid) (100,000 files: 250,000 files)",
    );
  });
  it("leaves out what is empty: a site that fits everywhere exceeds nothing", () => {
    assert.doesNotMatch(hostLine(size(1000, 10, 2)), /exceeds/);
  });
});

/**
 * deploy/nginx.conf keeps its promises on Debian's nginx (deploy-checks.ts says which), at the
 * root and under a prefix, and loads where the recipe says to put it: in the http { } of Debian's
 * own nginx.conf, beside its default site. Skipped, saying so, where nginx is not installed.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { repoRoot } from "../helpers/repo.ts";
import { deployChecks } from "./deploy-checks.ts";
import { nginxCommand, noServer } from "./deploy-servers.ts";

deployChecks("nginx");

const DEBIAN = "/etc/nginx/nginx.conf";
const skip =
  noServer("nginx") ||
  (!existsSync(DEBIAN) && `${DEBIAN} is missing`) ||
  (process.getuid?.() !== 0 && "nginx -t opens Debian's log files, which only root may");

describe("deploy/nginx.conf in Debian's nginx.conf", { skip }, () => {
  it("passes nginx -t in place of sites-enabled/", () => {
    const temp = mkdtempSync(path.join(os.tmpdir(), "kbsite-deploy-debian-"));
    try {
      const main = readFileSync(DEBIAN, "utf8");
      const site = path.join(repoRoot, "deploy/nginx.conf");
      const sites = "include /etc/nginx/sites-enabled/*;";
      assert.ok(main.includes(sites), `${DEBIAN} includes sites-enabled/`);
      const file = path.join(temp, "nginx.conf");
      writeFileSync(file, main.replace(sites, `${sites}\ninclude ${site};`));
      const tested = spawnSync(nginxCommand, ["-t", "-c", file], { encoding: "utf8" });
      assert.equal(tested.status, 0, tested.stderr);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });
});

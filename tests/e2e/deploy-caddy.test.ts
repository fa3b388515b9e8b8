/**
 * deploy/Caddyfile keeps its promises on Debian's Caddy (deploy-checks.ts says which), at the
 * root and under a prefix, and loads where the recipe says to put it: after the site of Debian's
 * own /etc/caddy/Caddyfile. Skipped, saying so, where caddy is not installed.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { repoRoot } from "../helpers/repo.ts";
import { deployChecks } from "./deploy-checks.ts";
import { noServer } from "./deploy-servers.ts";

deployChecks("caddy");

const DEBIAN = "/etc/caddy/Caddyfile";
const skip = noServer("caddy") || (!existsSync(DEBIAN) && `${DEBIAN} is missing`);

describe("deploy/Caddyfile in Debian's Caddyfile", { skip }, () => {
  it("passes caddy validate pasted after Debian's site", () => {
    const temp = mkdtempSync(path.join(os.tmpdir(), "kbsite-deploy-debian-"));
    try {
      const recipe = readFileSync(path.join(repoRoot, "deploy/Caddyfile"), "utf8");
      const file = path.join(temp, "Caddyfile");
      writeFileSync(file, `${readFileSync(DEBIAN, "utf8")}\n${recipe}`);
      const validated = spawnSync(
        "caddy",
        ["validate", "--config", file, "--adapter", "caddyfile"],
        {
          encoding: "utf8",
          env: { ...process.env, XDG_DATA_HOME: temp, XDG_CONFIG_HOME: temp, HOME: temp },
        },
      );
      assert.equal(validated.status, 0, validated.stderr);
      assert.doesNotMatch(
        validated.stderr,
        /not formatted/,
        "caddy fmt leaves the recipe as it is",
      );
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });
});

/**
 * deploy/README.md gives the headers the recipes send (their tests check those on the wire): each
 * header line it shows, in the list of promises and in the `_headers` example, says them exactly.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { it } from "node:test";
import { SECURITY_HEADERS } from "../e2e/deploy-servers.ts";
import { repoRoot } from "../helpers/repo.ts";

it("deploy/README.md shows the headers the recipes send, word for word", () => {
  const text = readFileSync(path.join(repoRoot, "deploy/README.md"), "utf8");
  const shown = [
    ...text.matchAll(
      /^\s*(X-Content-Type-Options|Referrer-Policy|Content-Security-Policy): (.+)$/gm,
    ),
  ];
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    const lines = shown.filter((m) => m[1]!.toLowerCase() === name.toLowerCase());
    assert.equal(lines.length, 2, `${name} shown in the list and in the _headers example`);
    for (const line of lines) assert.equal(line[2], value, `${name} as deploy/README.md shows it`);
  }
});

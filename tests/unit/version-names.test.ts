/** Versions as a reader names them: the product's name once, then its versions; unknown codes as they are. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { versionNames } from "../../src/site/version-names.ts";

const names: Record<string, string> = {
  winnt: "Microsoft Windows NT",
  win2000: "Microsoft Windows 2000",
};
const nameOf = (code: string) => names[code];

it("names the product once and lists its versions after it", () => {
  assert.deepEqual(versionNames(["winnt:4.0", "winnt:4.0 SP4", "winnt:4.0 SP5"], nameOf), [
    "Microsoft Windows NT 4.0, 4.0 SP4, 4.0 SP5",
  ]);
});

it("keeps products apart, in the record's order", () => {
  assert.deepEqual(versionNames(["win2000:2000", "winnt:4.0", "win2000:SP1"], nameOf), [
    "Microsoft Windows 2000 SP1",
    "Microsoft Windows NT 4.0",
  ]);
});

it("shows a code it cannot name, and a version without a code, as they are", () => {
  assert.deepEqual(versionNames(["dosword:6.0", "4.0", "winnt:"], nameOf), [
    "dosword:6.0",
    "4.0",
    "Microsoft Windows NT",
  ]);
});

it("takes a version without a code as the article's own product's", () => {
  assert.deepEqual(versionNames(["4.0", "4.0 SP4"], nameOf, "winnt"), [
    "Microsoft Windows NT 4.0, 4.0 SP4",
  ]);
});

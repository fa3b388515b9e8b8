/**
 * Issue 12: hotfix tables the parser used to skip, each as a real article prints it, read alike
 * from the flat text and from its one-line collapsed copy.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseArticle } from "../../src/parser/index.ts";
import type { FileRow } from "../../src/record.ts";

const HEADER =
  "DOCUMENT:Q246045  08-MAY-2002  [winnt]\nTITLE   :A title\nPRODUCT :Microsoft Windows NT\nPROD/VER:\nOPER/SYS:\nKEYWORDS:\n\n" +
  "=".repeat(70) +
  "\n\nRESOLUTION\n==========\n\nThe fix has the following file attributes:\n\n" +
  "   Date      Time     Size     File name     Platform\n   " +
  "-".repeat(52) +
  "\n";

/** The rows of a table, from the article as it is and from its collapsed copy. */
const rows = (table: string): FileRow[][] =>
  [false, true].map((collapse) => {
    const text = HEADER + table + "\n\nMORE INFORMATION\n================\n\nNone.\n";
    const result = parseArticle(collapse ? text.replace(/\s+/g, " ") : text, "x.txt");
    assert.ok(result.ok);
    return result.record.files;
  });
const both = (table: string, expected: FileRow[]) => {
  const [flat, collapsed] = rows(table);
  assert.deepEqual(flat, expected);
  assert.deepEqual(collapsed, expected);
};

describe("files on the tables of issue 12", () => {
  it("reads a year-first date (Q222604's Dfs.sys, 98/10/28)", () => {
    both("   98/10/28  21:33                 62,096 Dfs.sys       (x86)", [
      { name: "Dfs.sys", size: 62096, date: "1998-10-28", time: "21:33", platform: "x86" },
    ]);
  });
  it("reads a day-first date (Q242040's Mstsc.exe, 28/07/99)", () => {
    both("   28/07/99  21:48                194,832 Mstsc.exe     Intel", [
      { name: "Mstsc.exe", size: 194832, date: "1999-07-28", time: "21:48", platform: "x86" },
    ]);
  });
  it("reads a version with a colon for a dot (Q214488's Winlogon.exe, 5.0:2195.2097)", () => {
    both("   06/23/2000  03:53p 5.0:2195.2097  177,936 Winlogon.exe", [
      {
        name: "Winlogon.exe",
        version: "5.0.2195.2097",
        size: 177936,
        date: "2000-06-23",
        time: "15:53",
      },
    ]);
  });
  it("reads a doubtful date in the order of its table (Q165001's 03/05/94 beside 17/06/94)", () => {
    const table = "03/05/94  22:54   9,524 vbapi.386\n17/06/94  01:48   5,632 rpc16c3.dll";
    const [flat] = rows(table);
    assert.deepEqual(
      flat!.map((row) => row.date),
      ["1994-05-03", "1994-06-17"],
    );
  });
  it("reads a date with a month name (Q269832, October 6, 2000)", () => {
    both("October 6, 2000  14:40   2.00.1493.2157  11,777,808  Smsprov.dll  Alpha", [
      {
        name: "Smsprov.dll",
        version: "2.00.1493.2157",
        size: 11777808,
        date: "2000-10-06",
        time: "14:40",
        platform: "Alpha",
      },
    ]);
  });
  it("reads a bare build number as the version before the size (Q229097's 786)", () => {
    both("   03/23/2000  09:27p  786      649,488  Sightnt.dll   alpha", [
      {
        name: "Sightnt.dll",
        version: "786",
        size: 649488,
        date: "2000-03-23",
        time: "21:27",
        platform: "Alpha",
      },
    ]);
  });
  it("reads a size with dots between thousands after the version (Q321872's 258.320)", () => {
    both("   25-Apr-2002  15:37   5.0.0.836   258.320    mseidrda.dll", [
      {
        name: "mseidrda.dll",
        version: "5.0.0.836",
        size: 258320,
        date: "2002-04-25",
        time: "15:37",
      },
    ]);
  });
  it("passes over an empty cell (Q253972's n/a)", () => {
    both("   03/24/2000  2:14    n/a     3,196,640  wqfe1905.exe  x86", [
      { name: "wqfe1905.exe", size: 3196640, date: "2000-03-24", time: "02:14", platform: "x86" },
    ]);
  });
  it("reads a table drawn with | and +---+ (Q173385)", () => {
    const rule = "   +" + "-".repeat(54) + "+\n";
    both(`${rule}   | 10/26/98 | 01:21p | 123,152 | poledit.exe | i386     |\n${rule}`, [
      { name: "poledit.exe", size: 123152, date: "1998-10-26", time: "13:21", platform: "x86" },
    ]);
  });
  it("keeps a cabinet listing's attribute column out (Q136174's ----)", () => {
    assert.deepEqual(rows("   08-01-1995  3:40:10p ----       133,104 setup.stf"), [[], []]);
  });
});

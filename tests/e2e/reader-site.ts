/**
 * A small site built from hand-made records for the reading tests, with what the five seeds do
 * not have: two articles that ship the same file at different versions (Q300001 ships
 * Kernel32.dll 4.0.1381.7, Q300002 a newer 4.0.1381.300 for the same platform), and the longest
 * things that widened phone pages (a 60-character keyword, a long unbroken title word, a long
 * product name, a wide file table), a citation, an empty section and a file named only in a
 * text (Q300003). Built once per test file, served like the harness's site.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";
import { buildSite } from "../../src/generate/pipeline.ts";
import { serveSite, type ServedSite } from "../helpers/served-site.ts";
import { record } from "../site/fixtures.ts";

export const LONG_KEYWORD = "kbWinNT400PreSP7FixAndAVeryLongKeywordThatHasNoBreakInIt1234";
const LONG_WORD = "CoCreateInstanceExWithAVeryLongIdentifierNameThatNeverBreaks()";

const articles = [
  record({
    id: "Q300001",
    title: `Kernel32 leaks handles in ${LONG_WORD}`,
    keywords: ["kbbug", LONG_KEYWORD],
    products: ["Microsoft Windows NT Server Enterprise Edition and Terminal Server Edition"],
    lastModified: "2001-03-04",
    files: [
      {
        name: "Kernel32.dll",
        version: "4.0.1381.7",
        size: 375056,
        date: "1999-11-18",
        time: "16:19",
        platform: "x86",
      },
      {
        name: "Kernel32.dll",
        version: "4.0.1381.7",
        size: 589584,
        date: "1999-11-18",
        time: "18:17",
        platform: "Alpha",
      },
    ],
  }),
  record({
    id: "Q300002",
    title: "A later Kernel32 fix",
    keywords: ["kbbug", LONG_KEYWORD],
    // Cites Q300001 (so that one has a "Cited by"), and has a heading with nothing under it.
    references: ["Q300001"],
    sections: [
      { id: "symptoms", heading: "SYMPTOMS", text: "Kernel32 still leaks handles (Q300001)." },
      { id: "status", heading: "STATUS", text: "" },
    ],
    lastModified: "2001-06-07",
    files: [
      {
        name: "KERNEL32.DLL",
        version: "4.0.1381.300",
        size: 375100,
        date: "2001-04-02",
        time: "10:00",
        platform: "x86",
      },
    ],
  }),
  // Names Kernel32.dll in its text only: the file page lists it as a mention (issue 26).
  record({
    id: "Q300003",
    title: "Handles a service leaks",
    keywords: [],
    sections: [
      { id: "symptoms", heading: "SYMPTOMS", text: "The handles Kernel32.dll hands out leak." },
    ],
  }),
];

/** Registers the hooks that build and serve the site; `site()` is the served site in a test. */
export function useReaderSite(): () => ServedSite {
  const temp = mkdtempSync(join(tmpdir(), "kbsite-reader-"));
  let served: ServedSite | undefined;
  before(async () => {
    const out = join(temp, "site");
    const collection = {
      inputs: 3,
      articles,
      duplicates: [],
      errors: [],
      formats: { jekyll: 0, text: 3 },
    };
    await buildSite(collection, { out, prefix: "/" });
    served = await serveSite(out, "/");
  });
  after(async () => {
    await served?.close();
    rmSync(temp, { recursive: true, force: true });
  });
  return () => served!;
}

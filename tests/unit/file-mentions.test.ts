/**
 * A file page lists the articles that name the file in their text but not in their file table
 * (issue 26), the first MENTIONS_SHOWN by id, and its model (so its key) changes with them.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MENTIONS_SHOWN, model, render } from "../../layouts/file.11ty.ts";
import { SiteData } from "../../src/site/data.ts";
import { record } from "../site/fixtures.ts";

const WININET = { name: "Wininet.dll", version: "5.0.2919.6307", size: 450832, platform: "x86" };

const ships = record({
  id: "Q100001",
  files: [WININET],
  sections: [{ id: "symptoms", heading: "SYMPTOMS", text: "Wininet.dll fails." }],
});
const text = (id: string, words: string) =>
  record({ id, sections: [{ id: "symptoms", heading: "SYMPTOMS", text: words }] });

function site(...others: ReturnType<typeof record>[]): SiteData {
  return new SiteData([ships, ...others], { prefix: "/" });
}

const entryOf = (kb: SiteData) => kb.files.find((f) => f.slug === "wininet.dll")!;

describe("the articles that mention a file", () => {
  it("finds the name in the text, any case, in a path, but not a longer name or no extension", () => {
    const kb = site(
      text("Q100003", "Replace C:\\Winnt\\System32\\WININET.DLL, then restart."),
      text("Q100002", "Internet Explorer loads wininet.dll."),
      text("Q100004", "The wininet library, and wininet.dll.bak, a backup."),
      record({ id: "Q100005", title: "Wininet.dll hangs" }),
    );
    assert.deepEqual(kb.mentions.get("wininet.dll"), ["Q100002", "Q100003", "Q100005"]);
  });

  it("leaves out the articles whose file table lists it", () => {
    assert.equal(site().mentions.get("wininet.dll"), undefined);
  });

  it("lists them on the file page under the table, and shows none when there are none", () => {
    const kb = site(text("Q100002", "Internet Explorer loads wininet.dll."));
    const page = render({ kb, entry: entryOf(kb) });
    assert.match(page, /<h2 id="mentioned_in">Mentioned in<\/h2>/);
    assert.match(page, /1 more article names Wininet\.dll in\s+their text\./);
    assert.ok(page.includes('href="/kb/100/Q100002/"'), "links the article");
    const alone = site();
    assert.ok(!render({ kb: alone, entry: entryOf(alone) }).includes("mentioned_in"));
  });

  it(`shows the first ${MENTIONS_SHOWN} by id and says how many there are`, () => {
    const many = Array.from({ length: MENTIONS_SHOWN + 5 }, (_, i) =>
      text(`Q2${String(i).padStart(5, "0")}`, "It needs wininet.dll."),
    );
    const kb = site(...many);
    const m = model({ kb, entry: entryOf(kb) });
    assert.equal(m.mentions.total, MENTIONS_SHOWN + 5);
    assert.equal(m.mentions.listed.length, MENTIONS_SHOWN);
    assert.equal(m.mentions.listed[0]!.id, "Q200000");
    assert.match(
      render({ kb, entry: entryOf(kb) }),
      new RegExp(
        `${MENTIONS_SHOWN + 5} more articles name Wininet\\.dll in\\s+their text; the first ${MENTIONS_SHOWN} by id`,
      ),
    );
  });

  it("changes the file page's model when an article comes to mention the file", () => {
    const before = site(text("Q100002", "Nothing here."));
    const after = site(text("Q100002", "It loads wininet.dll."));
    assert.notDeepEqual(
      model({ kb: before, entry: entryOf(before) }),
      model({ kb: after, entry: entryOf(after) }),
    );
  });
});

/** An article's sections can be linked to: #symptoms, #cause and #resolution, in that order. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { noBrowser, PREFIXES, useSite } from "./harness.ts";

for (const prefix of PREFIXES) {
  describe(`linking to an article's sections (site at ${prefix})`, { skip: noBrowser }, () => {
    const site = useSite(prefix);

    it("gives Q265433's Symptoms, Cause and Resolution their anchors", async () => {
      const page = await site.page();
      await page.goto(site.url("kb/265/Q265433/#cause"));
      const found = await page.evaluate(() =>
        ["symptoms", "cause", "resolution"].map((id) => {
          const el = document.getElementById(id);
          return { id, text: el?.textContent ?? null, top: el?.getBoundingClientRect().top };
        }),
      );
      for (const { id, text } of found) {
        assert.notEqual(text, null, `an element with id="${id}"`);
        assert.match(text!, new RegExp(id, "i"), `#${id} holds its heading`);
      }
      const tops = found.map((f) => f.top!);
      assert.ok(tops[0]! < tops[1]! && tops[1]! < tops[2]!, `in reading order: ${tops}`);
    });

    it("copies the article's link with its id and its title, as the heading shows it", async () => {
      const page = await site.page();
      await page.goto(site.url("kb/265/Q265433/"));
      await page.click('[data-copy-links] button[aria-label$="a Markdown link"]');
      await page.waitForFunction(() => document.querySelector(".toast")?.textContent);
      const { toast, title } = await page.evaluate(() => ({
        toast: document.querySelector(".toast")!.textContent,
        title: document.querySelector("h1")!.textContent,
      }));
      assert.equal(toast, `Copied Markdown link: Q265433: ${title}`);
      assert.match(title!, /Rpcss/);
    });
  });
}

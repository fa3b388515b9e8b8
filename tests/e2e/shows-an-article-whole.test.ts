/**
 * An article shown whole (issue 26), at 1280 and 390 px, light and dark: its hotfix file table
 * never wider than its box from 1280 px up, and below that each row a card that shows the file,
 * version, date, newer version and size without scrolling sideways; a titled contents list that
 * names every section shown, the file table, Related and Cited by among them; no empty section.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { noBrowser, useSite } from "./harness.ts";
import { useReaderSite } from "./reader-site.ts";

const SCHEMES = ["light", "dark"] as const;
const SAMPLE = ["265/Q265433", "256/Q256149", "186/Q186401", "297/Q297534", "246/Q246691"];

/** Each file table's width against its box's, on the page as loaded. */
async function tableWidths(page: Page): Promise<{ scroll: number; client: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("table.files")].map((table) => {
      const box = table.closest(".table-wrap")!;
      return { scroll: Math.max(table.scrollWidth, box.scrollWidth), client: box.clientWidth };
    }),
  );
}

/** The contents list's title and the headings its links lead to, each checked to be on the page. */
async function contents(page: Page): Promise<{ title: string; entries: string[] }> {
  const nav = page.getByRole("navigation", { name: "On this page" });
  const title = (await nav.getByRole("heading").textContent())!.trim();
  const entries: string[] = [];
  for (const link of await nav.getByRole("link").all()) {
    const target = (await link.getAttribute("href"))!;
    assert.equal(await page.locator(`h2${target}`).count(), 1, `${target} is a heading`);
    entries.push(await link.innerText());
  }
  return { title, entries };
}

for (const colorScheme of SCHEMES) {
  describe(`an article shown whole (${colorScheme})`, { skip: noBrowser }, () => {
    const sample = useSite();
    const reader = useReaderSite();

    it("keeps every sample file table within its box at 1280 px", async () => {
      const page = await sample.page({ viewport: { width: 1280, height: 800 }, colorScheme });
      let tables = 0;
      for (const at of SAMPLE) {
        await page.goto(sample.url(`kb/${at}/`));
        for (const { scroll, client } of await tableWidths(page)) {
          tables++;
          assert.ok(scroll <= client, `${at}: a table ${scroll} px wide in a ${client} px box`);
        }
      }
      assert.ok(tables >= 4, `the sample's file tables were measured (${tables})`);
    });

    it("shows a file table whole, as a table, at 1280 px", async () => {
      const page = await reader().browser.newPage({
        viewport: { width: 1280, height: 800 },
        colorScheme,
      });
      await page.goto(`${reader().origin}/kb/300/Q300001/`);
      assert.equal(await page.locator("table.files thead").isVisible(), true);
      const [width] = await tableWidths(page);
      assert.ok(width && width.scroll <= width.client, `${width?.scroll} in ${width?.client} px`);
      await page.close();
    });

    it("shows each file row as a card at 390 px, file, version, date and newer first", async () => {
      const page = await reader().browser.newPage({
        viewport: { width: 390, height: 800 },
        colorScheme,
      });
      await page.goto(`${reader().origin}/kb/300/Q300001/`);
      const card = page.locator("table.files tbody tr").first();
      const shown = await card.evaluate((row) => {
        const width = document.documentElement.clientWidth;
        return [...row.children]
          .filter((cell) => cell.getBoundingClientRect().height > 0)
          .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
          .map((cell) => ({
            label: cell.getAttribute("data-label") ?? "File",
            text: (cell as HTMLElement).innerText.trim(),
            inside: cell.getBoundingClientRect().right <= width,
          }));
      });
      assert.deepEqual(shown.map((c) => c.label).slice(0, 5), [
        "File",
        "Version",
        "Date",
        "Newer version",
        "Size (bytes)",
      ]);
      assert.match(shown[3]!.text, /4\.0\.1381\.300 in Q300002/);
      assert.equal(shown[4]!.text, "375,056");
      assert.ok(
        shown.every((c) => c.inside),
        `every value within the screen: ${JSON.stringify(shown)}`,
      );
      const sideways = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.equal(sideways, 0, "the page does not scroll sideways");
      await page.close();
    });

    for (const width of [1280, 390]) {
      it(`titles the contents list and lists the file table, Related, Cited by at ${width} px`, async () => {
        const page = await reader().browser.newPage({
          viewport: { width, height: 800 },
          colorScheme,
        });
        await page.goto(`${reader().origin}/kb/300/Q300001/`);
        assert.deepEqual(await contents(page), {
          title: "On this page",
          entries: ["Symptoms", "Files", "Related", "Cited by"],
        });
        await page.close();
      });

      it(`hides an empty section and an empty Cited by at ${width} px`, async () => {
        const page = await reader().browser.newPage({
          viewport: { width, height: 800 },
          colorScheme,
        });
        await page.goto(`${reader().origin}/kb/300/Q300002/`);
        assert.equal(await page.locator("#cited_by").count(), 0, "no Cited by");
        assert.equal(await page.locator("#status").count(), 0, "no empty Status");
        assert.equal(await page.getByText("No article on this site cites").count(), 0);
        assert.deepEqual((await contents(page)).entries, ["Symptoms", "Files", "Related"]);
        await page.close();
      });
    }
  });
}

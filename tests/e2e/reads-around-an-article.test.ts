/**
 * Around an article (issue 15), at phone and desktop width: a breadcrumb, related articles (the
 * seeds Q265433 and Q256149 both ship Rpcss.exe), the section list above the text, and a note
 * on a file when another article ships a newer version of it.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { noBrowser, pathOf, useSite } from "./harness.ts";
import { useReaderSite } from "./reader-site.ts";

const WIDTHS = [390, 1280] as const;

describe("around an article", { skip: noBrowser }, () => {
  const site = useSite();

  for (const width of WIDTHS) {
    it(`shows a breadcrumb Home › product › id at ${width} px`, async () => {
      const page = await site.page({ viewport: { width, height: 800 } });
      await page.goto(site.url("kb/265/Q265433/"));
      const crumbs = page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link");
      assert.deepEqual(await crumbs.allInnerTexts(), ["Home", "Microsoft Windows NT", "Q265433"]);
      assert.equal(await crumbs.nth(2).getAttribute("aria-current"), "page");
      await crumbs.nth(1).click();
      await page.waitForURL(/\/products\/winnt\/$/);
    });

    it(`links the related article that ships the same file at ${width} px`, async () => {
      const page = await site.page({ viewport: { width, height: 800 } });
      await page.goto(site.url("kb/265/Q265433/"));
      const related = page.locator("section.related li");
      assert.match(await related.first().innerText(), /Q256149[\s\S]*ships Rpcss\.exe/);
      await related.first().getByRole("link").click();
      await page.waitForURL(/Q256149\/$/);
      assert.equal(pathOf(page.url()), site.path("kb/256/Q256149/"));
    });
  }

  // Beside the text the list took 230 px a wide file table needed (issue 26): it is above it.
  it("shows the one section list above the text at 1280 px, the text its whole width", async () => {
    const page = await site.page({ viewport: { width: 1280, height: 800 } });
    await page.goto(site.url("kb/265/Q265433/"));
    assert.equal(await page.locator("nav.toc").count(), 1);
    const box = await page.locator("nav.toc").boundingBox();
    const text = await page.locator("#symptoms").boundingBox();
    assert.ok(box && text && box.y + box.height <= text.y, "above the text");
    assert.ok(Math.abs(box.x - text.x) < 2, "aligned with it, not beside it");
  });

  it("shows the section list above the text at 390 px, where it scrolls away", async () => {
    const page = await site.page({ viewport: { width: 390, height: 800 } });
    await page.goto(site.url("kb/265/Q265433/"));
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const box = await page.locator("nav.toc").boundingBox();
    assert.ok(box && box.y + box.height < 0, "scrolled away with the page");
  });
});

describe("a newer version of a file", { skip: noBrowser }, () => {
  const site = useReaderSite();

  for (const width of WIDTHS) {
    it(`names the article that ships a newer build for the same platform at ${width} px`, async () => {
      const page = await site().browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(`${site().origin}/kb/300/Q300001/`);
      const rows = page.locator("table.files tbody tr");
      assert.equal(await rows.count(), 2);
      const x86 = rows.filter({ hasText: "x86" });
      assert.match(await x86.locator("td.newer").innerText(), /4\.0\.1381\.300 in Q300002/);
      assert.equal(await rows.filter({ hasText: "Alpha" }).locator("td.newer").innerText(), "");
      await x86.locator("td.newer a").click();
      await page.waitForURL(/\/kb\/300\/Q300002\/$/);
      await page.close();
    });
  }

  for (const colorScheme of ["light", "dark"] as const)
    for (const width of WIDTHS)
      it(`lists the articles that name the file only in their text at ${width} px, ${colorScheme}`, async () => {
        const page = await site().browser.newPage({
          viewport: { width, height: 800 },
          colorScheme,
        });
        await page.goto(`${site().origin}/files/kernel32.dll/`);
        const mentions = page.getByRole("region", { name: "Mentioned in" });
        assert.match(
          await mentions.innerText(),
          /1 more article names Kernel32\.dll in their text/,
        );
        assert.deepEqual(
          (await mentions.getByRole("link").allInnerTexts()).map((t) => t.slice(0, 7)),
          ["Q300003"],
        );
        assert.equal(await page.locator("table.files tbody tr").count(), 3, "the table as it was");
        await mentions.getByRole("link").click();
        await page.waitForURL(/\/kb\/300\/Q300003\/$/);
        await page.close();
      });

  it("lists the file's rows newest version first, the newest of each platform marked", async () => {
    const page = await site().browser.newPage();
    await page.goto(`${site().origin}/files/kernel32.dll/`);
    const rows = page.locator("table.files tbody tr");
    assert.deepEqual(
      (await rows.allInnerTexts()).map((r) => r.replace(/\s+/g, " ").trim().slice(0, 7)),
      ["Q300002", "Q300001", "Q300001"],
    );
    assert.deepEqual(await page.locator(".newest-mark").allInnerTexts(), [
      "NEWEST X86",
      "NEWEST ALPHA",
    ]);
    await page.close();
  });
});

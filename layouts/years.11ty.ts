/** /years/: the years articles were last modified, with counts. */
import type { SiteData, SiteShared } from "../src/site/data.ts";
import { markup } from "../src/site/html.ts";
import { yearPath } from "../src/site/urls.ts";
import { page, type Shell } from "./shell.ts";

export const data = { permalink: "/years/", eleventyExcludeFromCollections: true };

/** Everything the page shows but what every page shares (SiteShared); its hash is the page's key. */
export function model({ kb }: { kb: SiteData }) {
  const shell: Shell = {
    path: "/years/",
    title: "Years",
    description: "Articles by the year they were last modified.",
  };
  return { shell, years: kb.years.map((y) => ({ year: y.year, articles: y.ids.length })) };
}

export const render = (data: { kb: SiteData }) => view(model(data), data.kb);

function view(m: ReturnType<typeof model>, kb: SiteShared): string {
  const body = markup`<h1>Years</h1>
    <p class="muted">By the year each article was last modified.</p>
    <ul class="cloud">
      ${m.years.map((y) => markup`<li><a href="${kb.url(yearPath(y.year))}">${y.year}</a> <span class="count">${y.articles}</span></li>`)}
    </ul>`;
  return page({ kb, ...m.shell }, body);
}

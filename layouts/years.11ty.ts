/** /years/: the years articles were last modified, with counts. */
import type { SiteData } from "../src/site/data.ts";
import { markup } from "../src/site/html.ts";
import { yearPath } from "../src/site/urls.ts";
import { count } from "./parts.ts";
import { page } from "./shell.ts";

export const data = { permalink: "/years/", eleventyExcludeFromCollections: true };

/** Everything render shows besides the prefix and the code (the manifest's version covers those). */
export const inputs = ({ kb }: { kb: SiteData }) => kb.years.map((y) => [y.year, y.ids.length]);

export function render({ kb }: { kb: SiteData }): string {
  const body = markup`<h1>Years</h1>
    <p class="muted">By the year each article was last modified.</p>
    <ul class="cloud">
      ${kb.years.map((y) => markup`<li><a href="${kb.url(yearPath(y.year))}">${y.year}</a> <span class="count">${y.ids.length}</span></li>`)}
    </ul>`;
  return page(
    {
      kb,
      path: "/years/",
      title: "Years",
      description: "Articles by the year they were last modified.",
    },
    body,
  );
}

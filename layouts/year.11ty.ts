/** /years/YYYY/: the articles last modified in a year. */
import type { SiteData, YearEntry } from "../src/site/data.ts";
import { markup } from "../src/site/html.ts";
import { yearPath } from "../src/site/urls.ts";
import { articleList, count, listed } from "./parts.ts";
import { page } from "./shell.ts";

type Data = { kb: SiteData; entry: YearEntry };

export const data = {
  pagination: { data: "pending.year", size: 1, alias: "entry", addAllPagesToCollections: false },
  permalink: (data: Data) => yearPath(data.entry.year),
  eleventyExcludeFromCollections: true,
};

/** Everything render shows besides the prefix and the code (the manifest's version covers those). */
export const inputs = ({ kb, entry }: Data) => [entry.year, listed(kb, entry.ids)];

export function render({ kb, entry }: Data): string {
  const body = markup`<h1>Articles last modified in ${entry.year}</h1>
    <p class="muted">${count(entry.ids.length, "article")}, by id.</p>
    ${articleList(kb, entry.ids)}`;
  return page(
    {
      kb,
      path: yearPath(entry.year),
      title: `Articles of ${entry.year}`,
      description: `${count(entry.ids.length, "article")} last modified in ${entry.year}.`,
    },
    body,
  );
}

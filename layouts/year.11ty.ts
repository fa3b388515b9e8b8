/** /years/YYYY/ and /years/YYYY/N/: the articles last modified in a year, by date, 100 a page. */
import type { ListPage, SiteData, YearEntry } from "../src/site/data.ts";
import { markup } from "../src/site/html.ts";
import { yearPath } from "../src/site/urls.ts";
import { articleList, count, listed, pager } from "./parts.ts";
import { page } from "./shell.ts";

type Data = { kb: SiteData; entry: ListPage<YearEntry> };

export const data = {
  pagination: { data: "pending.year", size: 1, alias: "entry", addAllPagesToCollections: false },
  permalink: (data: Data) => yearPath(data.entry.of.year, data.entry.page),
  eleventyExcludeFromCollections: true,
};

/** Everything render shows besides the prefix and the code (the manifest's version covers those). */
export const inputs = ({ kb, entry }: Data) => [
  entry.of.year,
  entry.of.ids.length,
  entry.page,
  entry.pages,
  listed(kb, entry.ids),
];

export function render({ kb, entry }: Data): string {
  const { of: year, page: n, pages } = entry;
  const href = (i: number) => yearPath(year.year, i);
  const body = markup`<h1>Articles last modified in ${year.year}</h1>
    <p class="muted">
      ${count(year.ids.length, "article")}, by date${pages > 1 ? `; page ${n} of ${pages}` : ""}.
    </p>
    ${articleList(kb, entry.ids)} ${pager(kb, n, pages, href)}`;
  return page(
    {
      kb,
      path: href(n),
      title: `Articles of ${year.year}${pages > 1 ? `, page ${n} of ${pages}` : ""}`,
      description: `${count(year.ids.length, "article")} last modified in ${year.year}.`,
    },
    body,
  );
}

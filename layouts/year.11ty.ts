/** /years/YYYY/ and /years/YYYY/N/: the articles last modified in a year, by date, 100 a page. */
import type { ListPage, SiteData, SiteShared, YearEntry } from "../src/site/data.ts";
import { markup } from "../src/site/html.ts";
import { yearPath } from "../src/site/urls.ts";
import { count, listed, listPage } from "./parts.ts";
import { page, type Shell } from "./shell.ts";

type Data = { kb: SiteData; entry: ListPage<YearEntry> };

export const data = {
  pagination: { data: "pending.year", size: 1, alias: "entry", addAllPagesToCollections: false },
  permalink: (data: Data) => yearPath(data.entry.of.year, data.entry.page),
  eleventyExcludeFromCollections: true,
};

/** Everything the page shows but what every page shares (SiteShared); its hash is the page's key. */
export function model({ kb, entry }: Data) {
  const { of: year, page: n, pages } = entry;
  const shell: Shell = {
    path: yearPath(year.year, n),
    title: `Articles of ${year.year}${pages > 1 ? `, page ${n} of ${pages}` : ""}`,
    description: `${count(year.ids.length, "article")} last modified in ${year.year}.`,
  };
  return {
    shell,
    year: year.year,
    articles: year.ids.length,
    page: n,
    pages,
    listed: listed(kb, entry.ids),
  };
}

export const render = (data: Data) => view(model(data), data.kb);

function view(m: ReturnType<typeof model>, kb: SiteShared): string {
  const href = (i: number) => yearPath(m.year, i);
  const body = markup`<h1>Articles last modified in ${m.year}</h1>
    ${listPage(kb, m, "date", href)}`;
  return page({ kb, ...m.shell }, body);
}

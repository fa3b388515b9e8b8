/** /keywords/KEYWORD/ and /keywords/KEYWORD/N/: the articles tagged with a keyword, 100 a page. */
import type { KeywordEntry, ListPage, SiteData, SiteShared } from "../src/site/data.ts";
import { markup } from "../src/site/html.ts";
import { keywordPath } from "../src/site/urls.ts";
import { count, listed, listPage } from "./parts.ts";
import { page, type Shell } from "./shell.ts";

type Data = { kb: SiteData; entry: ListPage<KeywordEntry> };

export const data = {
  pagination: { data: "pending.keyword", size: 1, alias: "entry", addAllPagesToCollections: false },
  permalink: (data: Data) => keywordPath(data.entry.of.keyword, data.entry.page),
  eleventyExcludeFromCollections: true,
};

/** Everything the page shows but what every page shares (SiteShared); its hash is the page's key. */
export function model({ kb, entry }: Data) {
  const { of: keyword, page: n, pages } = entry;
  const shell: Shell = {
    path: keywordPath(keyword.keyword, n),
    title: `Keyword ${keyword.keyword}${pages > 1 ? `, page ${n} of ${pages}` : ""}`,
    description: `${count(keyword.ids.length, "article")} tagged ${keyword.keyword}.`,
  };
  return {
    shell,
    keyword: keyword.keyword,
    articles: keyword.ids.length,
    page: n,
    pages,
    listed: listed(kb, entry.ids),
  };
}

export const render = (data: Data) => view(model(data), data.kb);

function view(m: ReturnType<typeof model>, kb: SiteShared): string {
  const href = (i: number) => keywordPath(m.keyword, i);
  const body = markup`<h1><span class="muted">Keyword</span> ${m.keyword}</h1>
    ${listPage(kb, m, "id", href)}`;
  return page({ kb, ...m.shell }, body);
}

/** /keywords/KEYWORD/ and /keywords/KEYWORD/N/: the articles tagged with a keyword, 100 a page. */
import type { KeywordEntry, ListPage, SiteData } from "../src/site/data.ts";
import { markup } from "../src/site/html.ts";
import { keywordPath } from "../src/site/urls.ts";
import { articleList, count, listed, pager } from "./parts.ts";
import { page } from "./shell.ts";

type Data = { kb: SiteData; entry: ListPage<KeywordEntry> };

export const data = {
  pagination: { data: "pending.keyword", size: 1, alias: "entry", addAllPagesToCollections: false },
  permalink: (data: Data) => keywordPath(data.entry.of.keyword, data.entry.page),
  eleventyExcludeFromCollections: true,
};

/** Everything render shows besides the prefix and the code (the manifest's version covers those). */
export const inputs = ({ kb, entry }: Data) => [
  entry.of.keyword,
  entry.of.ids.length,
  entry.page,
  entry.pages,
  listed(kb, entry.ids),
];

export function render({ kb, entry }: Data): string {
  const { of: keyword, page: n, pages } = entry;
  const href = (i: number) => keywordPath(keyword.keyword, i);
  const body = markup`<h1><span class="muted">Keyword</span> ${keyword.keyword}</h1>
    <p class="muted">
      ${count(keyword.ids.length, "article")}, by id${pages > 1 ? `; page ${n} of ${pages}` : ""}.
    </p>
    ${articleList(kb, entry.ids)} ${pager(kb, n, pages, href)}`;
  return page(
    {
      kb,
      path: href(n),
      title: `Keyword ${keyword.keyword}${pages > 1 ? `, page ${n} of ${pages}` : ""}`,
      description: `${count(keyword.ids.length, "article")} tagged ${keyword.keyword}.`,
    },
    body,
  );
}

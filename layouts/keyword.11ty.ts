/** /keywords/KEYWORD/: the articles tagged with a keyword. */
import type { KeywordEntry, SiteData } from "../src/site/data.ts";
import { markup } from "../src/site/html.ts";
import { keywordPath } from "../src/site/urls.ts";
import { articleList, count, listed } from "./parts.ts";
import { page } from "./shell.ts";

type Data = { kb: SiteData; entry: KeywordEntry };

export const data = {
  pagination: { data: "pending.keyword", size: 1, alias: "entry", addAllPagesToCollections: false },
  permalink: (data: Data) => keywordPath(data.entry.keyword),
  eleventyExcludeFromCollections: true,
};

/** Everything render shows besides the prefix and the code (the manifest's version covers those). */
export const inputs = ({ kb, entry }: Data) => [entry.keyword, listed(kb, entry.ids)];

export function render({ kb, entry }: Data): string {
  const body = markup`<h1><span class="muted">Keyword</span> ${entry.keyword}</h1>
    <p class="muted">${count(entry.ids.length, "article")}.</p>
    ${articleList(kb, entry.ids)}`;
  return page(
    {
      kb,
      path: keywordPath(entry.keyword),
      title: `Keyword ${entry.keyword}`,
      description: `${count(entry.ids.length, "article")} tagged ${entry.keyword}.`,
    },
    body,
  );
}

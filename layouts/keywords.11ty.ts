/** /keywords/: every keyword with its article count. */
import type { SiteData } from "../src/site/data.ts";
import { markup } from "../src/site/html.ts";
import { keywordPath } from "../src/site/urls.ts";
import { count } from "./parts.ts";
import { page } from "./shell.ts";

export const data = { permalink: "/keywords/", eleventyExcludeFromCollections: true };

/** Everything render shows besides the prefix and the code (the manifest's version covers those). */
export const inputs = ({ kb }: { kb: SiteData }) =>
  kb.keywords.map((k) => [k.keyword, k.ids.length]);

export function render({ kb }: { kb: SiteData }): string {
  const body = markup`<h1>Keywords</h1>
    <ul class="cloud">
      ${kb.keywords.map((k) => markup`<li><a href="${kb.url(keywordPath(k.keyword))}">${k.keyword}</a> <span class="count">${k.ids.length}</span></li>`)}
    </ul>`;
  return page(
    {
      kb,
      path: "/keywords/",
      title: "Keywords",
      description: `${count(kb.keywords.length, "keyword")} used by the articles.`,
    },
    body,
  );
}

/** /keywords/: every keyword with its article count, grouped by letter. */
import type { SiteData } from "../src/site/data.ts";
import { markup } from "../src/site/html.ts";
import { keywordPath } from "../src/site/urls.ts";
import { byLetter, count, letterAnchor, letterNav } from "./parts.ts";
import { page } from "./shell.ts";

export const data = { permalink: "/keywords/", eleventyExcludeFromCollections: true };

/** Everything render shows besides the prefix and the code (the manifest's version covers those). */
export const inputs = ({ kb }: { kb: SiteData }) =>
  kb.keywords.map((k) => [k.keyword, k.ids.length]);

export function render({ kb }: { kb: SiteData }): string {
  const groups = byLetter(kb.keywords, (k) => k.slug);
  const body = markup`<h1>Keywords</h1>
    <p class="muted">${count(kb.keywords.length, "keyword")} used by the articles, A–Z.</p>
    ${letterNav(groups.keys())}
    ${[...groups.entries()].map(
      ([letter, keywords]) =>
        markup`<section aria-labelledby="${letterAnchor(letter)}">
          <h2 id="${letterAnchor(letter)}">${letter.toUpperCase()}</h2>
          <ul class="cloud">
            ${keywords.map((k) => markup`<li><a href="${kb.url(keywordPath(k.keyword))}">${k.keyword}</a> <span class="count">${k.ids.length}</span></li>`)}
          </ul>
        </section>\n`,
    )}`;
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

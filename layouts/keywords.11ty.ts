/** /keywords/: every keyword with its article count, grouped by letter. */
import type { SiteData, SiteShared } from "../src/site/data.ts";
import { markup } from "../src/site/html.ts";
import { keywordPath } from "../src/site/urls.ts";
import { byLetter, count, letterAnchor, letterNav } from "./parts.ts";
import { page, type Shell } from "./shell.ts";

export const data = { permalink: "/keywords/", eleventyExcludeFromCollections: true };

/** Everything the page shows but what every page shares (SiteShared); its hash is the page's key. */
export function model({ kb }: { kb: SiteData }) {
  const shell: Shell = {
    path: "/keywords/",
    title: "Keywords",
    description: `${count(kb.keywords.length, "keyword")} used by the articles.`,
  };
  const groups = byLetter(kb.keywords, (k) => k.slug);
  const letters = [...groups].map(([letter, keywords]) => ({
    letter,
    keywords: keywords.map((k) => ({ keyword: k.keyword, articles: k.ids.length })),
  }));
  return { shell, keywords: kb.keywords.length, letters };
}

export const render = (data: { kb: SiteData }) => view(model(data), data.kb);

function view(m: ReturnType<typeof model>, kb: SiteShared): string {
  const body = markup`<h1>Keywords</h1>
    <p class="muted">${count(m.keywords, "keyword")} used by the articles, A–Z.</p>
    ${letterNav(m.letters.map((l) => l.letter))}
    ${m.letters.map(
      ({ letter, keywords }) =>
        markup`<section aria-labelledby="${letterAnchor(letter)}">
          <h2 id="${letterAnchor(letter)}">${letter.toUpperCase()}</h2>
          <ul class="cloud">
            ${keywords.map((k) => markup`<li><a href="${kb.url(keywordPath(k.keyword))}">${k.keyword}</a> <span class="count">${k.articles}</span></li>`)}
          </ul>
        </section>\n`,
    )}`;
  return page({ kb, ...m.shell }, body);
}

/**
 * 404.html: served by static hosts for anything missing. An id-shaped path (/Q265433,
 * /kb/265433/, /KB265433) is sent on to the article (layouts/assets/not-found.js); otherwise
 * it offers search. All links carry the prefix, since this page is served at any depth.
 */
import type { SiteShared } from "../src/site/data.ts";
import { markup } from "../src/site/html.ts";
import { page, type Shell } from "./shell.ts";

export const data = { permalink: "/404.html", eleventyExcludeFromCollections: true };

/** Everything the page shows but what every page shares (SiteShared): its hash is the page's key. */
export function model() {
  const shell: Shell = {
    path: "/404.html",
    title: "Page not found",
    description: "There is no page at this address.",
    scripts: ["not-found.js"],
    searchBox: false,
  };
  return { shell };
}

export const render = (data: { kb: SiteShared }) => view(model(), data.kb);

function view(m: ReturnType<typeof model>, kb: SiteShared): string {
  const body = markup`<h1>Page not found</h1>
    <p data-not-found-status role="status">
      There is no page at this address. Search for the article by its id, a file it fixed, or words
      from it.
    </p>
    <form class="search-form" role="search" action="${kb.url("/search/")}">
      <div class="field grow">
        <label for="q404">Search articles</label>
        <input
          id="q404"
          name="q"
          type="search"
          autocomplete="off"
          placeholder="Q265433, rpcss.exe, memory leak"
        />
      </div>
      <div class="field"><button type="submit">Search</button></div>
    </form>
    <p>Or go to the <a href="${kb.url("/")}">home page</a>.</p>`;
  return page({ kb, ...m.shell }, body);
}

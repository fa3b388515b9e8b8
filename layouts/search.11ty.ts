/**
 * /search/?q=QUERY: the query runs on load (layouts/assets/search.js), so a search can be linked.
 * A KB id goes straight to its article; file names put the articles whose file table lists them
 * first; words and filters come from the word index, parts of words from the Pagefind index.
 * Filters are plain form fields, so they are links too.
 */
import type { SiteData, SiteShared } from "../src/site/data.ts";
import { NOT_STATED } from "../src/site/products.ts";
import { markup, raw } from "../src/site/html.ts";
import type { InlineScripts } from "../src/generate/write/scripts.ts";
import { page, type Shell } from "./shell.ts";

type Data = { kb: SiteData; inlineScripts: InlineScripts };

export const data = { permalink: "/search/", eleventyExcludeFromCollections: true };

/** Everything the page shows but what every page shares (SiteShared); its hash is the page's key. */
export function model({ kb }: { kb: SiteData }) {
  const shell: Shell = {
    path: "/search/",
    title: "Search",
    description: "Search the archive by KB id, file name or text.",
    scripts: ["search.js"],
    searchBox: false,
  };
  // The product names the filter lists know: "Product not stated" is no value of the field.
  const products = [
    ...new Set(kb.products.filter((p) => p.slug !== NOT_STATED.code).map((p) => p.name)),
  ];
  return { shell, products, years: kb.years.map((y) => y.year) };
}

// The inline start script fetches the query's data before the style sheet and search.js load;
// the build bundles it (src/generate/write/scripts.ts), and the build version covers its code.
export const render = (data: Data) => view(model(data), data.kb, data.inlineScripts);

function view(m: ReturnType<typeof model>, kb: SiteShared, inline: InlineScripts): string {
  const body = markup`<h1>Search</h1>
    <form class="search-form" role="search" action="${kb.url("/search/")}" data-search-form>
      <div class="field grow">
        <label for="q">Id, file name or words</label>
        <input
          id="q"
          name="q"
          type="search"
          autocomplete="off"
          aria-keyshortcuts="/"
          placeholder="Q265433, rpcss.exe, memory leak"
          data-suggest
        />
      </div>
      <div class="field">
        <label for="product">Product</label>
        <select id="product" name="product">
          <option value="">Any product</option>
          ${m.products.map((name) => markup`<option>${name}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="year">Year</label>
        <select id="year" name="year">
          <option value="">Any year</option>
          ${m.years.map((y) => markup`<option>${y}</option>`)}
        </select>
      </div>
      <div class="field"><button type="submit">Search</button></div>
    </form>
    <p class="search-status muted" data-search-status role="status"></p>
    <div data-search-results></div>
    <noscript
      ><p>
        Search needs JavaScript. Without it, look an article up by its address (/kb/NNN/QNNNNNN/) or
        browse by <a href="${kb.url("/products/")}">product</a>,
        <a href="${kb.url("/files/")}">file</a> or <a href="${kb.url("/years/")}">year</a>.
      </p></noscript
    >`;
  return page({ kb, ...m.shell, firstScript: raw(inline.searchStart) }, body);
}

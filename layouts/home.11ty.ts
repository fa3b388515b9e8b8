/** The home page: the intro (layouts/home.md, rendered by markdown-it), search, products, newest. */
import { readFileSync } from "node:fs";
import MarkdownIt from "markdown-it";
import type { SiteData, SiteShared } from "../src/site/data.ts";
import { markup, raw } from "../src/site/html.ts";
import { productPath } from "../src/site/urls.ts";
import { articleList, count, listed } from "./parts.ts";
import { page, type Shell } from "./shell.ts";

const intro = new MarkdownIt({ html: false }).render(
  readFileSync(new URL("home.md", import.meta.url), "utf8"),
);

export const data = { permalink: "/", eleventyExcludeFromCollections: true };

/** Everything the page shows but what every page shares (SiteShared); its hash is the page's key. */
export function model({ kb }: { kb: SiteData }) {
  const shell: Shell = {
    path: "/",
    title: kb.brand.name,
    description:
      kb.brand.description ??
      `Microsoft Knowledge Base articles: ${count(kb.articles.length, "article")}, searchable by id, file name and text.`,
  };
  return {
    shell,
    articles: kb.articles.length,
    files: kb.files.length,
    products: kb.products.map((p) => ({ code: p.code, name: p.name, articles: p.ids.length })),
    newest: listed(
      kb,
      kb.newest.map((a) => a.id),
    ),
  };
}

export const render = (data: { kb: SiteData }) => view(model(data), data.kb);

function view(m: ReturnType<typeof model>, kb: SiteShared): string {
  const body = markup`<div class="hero">
      <h1>${kb.brand.name}</h1>
      <div class="intro">${kb.brand.description ? markup`<p>${kb.brand.description}</p>` : raw(intro)}</div>
      <p class="stats">
        ${count(m.articles, "article")} · ${count(m.products.length, "product")} ·
        ${count(m.files, "file")}
      </p>
      <p class="data-links">
        The whole archive as data:
        <a href="${kb.url("/records.jsonl.gz")}" download>records.jsonl.gz</a> (one JSON record per
        line, gzipped) and its <a href="${kb.url("/record.schema.json")}">JSON Schema</a>.
      </p>
    </div>
    <div class="home-grid">
      <section aria-labelledby="products-heading">
        <h2 id="products-heading">Products</h2>
        <ul class="product-list">
          ${m.products.map((p) => markup`<li><a href="${kb.url(productPath(p.code))}">${p.name}</a> <span class="count">${count(p.articles, "article")}</span></li>`)}
        </ul>
      </section>
      <section aria-labelledby="newest-heading">
        <h2 id="newest-heading">Newest articles</h2>
        ${articleList(kb, m.newest)}
      </section>
    </div>`;
  return page({ kb, ...m.shell }, body);
}

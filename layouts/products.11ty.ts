/** /products/: every product with its article count, by name A–Z, "Product not stated" last. */
import type { SiteData, SiteShared } from "../src/site/data.ts";
import { markup } from "../src/site/html.ts";
import { productPath } from "../src/site/urls.ts";
import { count } from "./parts.ts";
import { page, type Shell } from "./shell.ts";

export const data = { permalink: "/products/", eleventyExcludeFromCollections: true };

/** Everything the page shows but what every page shares (SiteShared); its hash is the page's key. */
export function model({ kb }: { kb: SiteData }) {
  const shell: Shell = {
    path: "/products/",
    title: "Products",
    description: `${count(kb.products.length, "product")} in the archive.`,
  };
  const products = kb.products.map((p) => ({
    code: p.code,
    name: p.name,
    articles: p.ids.length,
  }));
  return { shell, products };
}

export const render = (data: { kb: SiteData }) => view(model(data), data.kb);

function view(m: ReturnType<typeof model>, kb: SiteShared): string {
  const body = markup`<h1>Products</h1>
    <ul class="product-list">
      ${m.products.map((p) => markup`<li><a href="${kb.url(productPath(p.code))}">${p.name}</a> <span class="count">${count(p.articles, "article")}</span></li>`)}
    </ul>`;
  return page({ kb, ...m.shell }, body);
}

/** /products/: every product with its article count, by name A–Z, "Product not stated" last. */
import type { SiteData } from "../src/site/data.ts";
import { NOT_STATED } from "../src/site/products.ts";
import { markup } from "../src/site/html.ts";
import { productPath } from "../src/site/urls.ts";
import { count } from "./parts.ts";
import { page } from "./shell.ts";

export const data = { permalink: "/products/", eleventyExcludeFromCollections: true };

/** Everything render shows besides the prefix and the code (the manifest's version covers those). */
export const inputs = ({ kb }: { kb: SiteData }) =>
  kb.products.map((p) => [p.code, p.slug, p.name, p.ids.length]);

export function render({ kb }: { kb: SiteData }): string {
  const body = markup`<h1>Products</h1>
    <ul class="product-list">
      ${kb.products.map((p) => markup`<li><a href="${kb.url(productPath(p.code))}">${p.name}</a> ${p.slug === NOT_STATED.code ? "" : markup`<span class="tag">${p.code}</span> `}<span class="count">${count(p.ids.length, "article")}</span></li>`)}
    </ul>`;
  return page(
    {
      kb,
      path: "/products/",
      title: "Products",
      description: `${count(kb.products.length, "product")} in the archive.`,
    },
    body,
  );
}

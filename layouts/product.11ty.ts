/** /products/CODE/ and /products/CODE/N/: a product's articles by id, 100 a page. */
import type { ProductPage, SiteData } from "../src/site/data.ts";
import { NOT_STATED } from "../src/site/products.ts";
import { markup } from "../src/site/html.ts";
import { productPath } from "../src/site/urls.ts";
import { articleList, count, listed, pager } from "./parts.ts";
import { page } from "./shell.ts";

type Data = { kb: SiteData; entry: ProductPage };

export const data = {
  pagination: { data: "pending.product", size: 1, alias: "entry", addAllPagesToCollections: false },
  permalink: (data: Data) => productPath(data.entry.product.code, data.entry.page),
  eleventyExcludeFromCollections: true,
};

/** Everything render shows besides the prefix and the code (the manifest's version covers those). */
export const inputs = ({ kb, entry }: Data) => [
  entry.product.code,
  entry.product.slug,
  entry.product.name,
  entry.product.ids.length,
  entry.page,
  entry.pages,
  listed(kb, entry.ids),
];

export function render({ kb, entry }: Data): string {
  const { product, page: n, pages } = entry;
  const href = (i: number) => productPath(product.code, i);
  const title = pages > 1 ? `${product.name}, page ${n} of ${pages}` : product.name;
  const body = markup`<h1>
      ${product.name}${product.slug === NOT_STATED.code ? "" : markup` <span class="tag">${product.code}</span>`}
    </h1>
    <p class="muted">
      ${count(product.ids.length, "article")}, by id${pages > 1 ? `; page ${n} of ${pages}` : ""}.
    </p>
    ${articleList(kb, entry.ids)} ${pager(kb, n, pages, href)}`;
  return page(
    {
      kb,
      path: href(n),
      title,
      description: `${count(product.ids.length, "article")} about ${product.name}.`,
    },
    body,
  );
}

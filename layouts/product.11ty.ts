/** /products/CODE/ and /products/CODE/N/: a product's articles by id, 100 a page. */
import type { ProductPage, SiteData, SiteShared } from "../src/site/data.ts";
import { markup } from "../src/site/html.ts";
import { productPath } from "../src/site/urls.ts";
import { count, listed, listPage } from "./parts.ts";
import { page, type Shell } from "./shell.ts";

type Data = { kb: SiteData; entry: ProductPage };

export const data = {
  pagination: { data: "pending.product", size: 1, alias: "entry", addAllPagesToCollections: false },
  permalink: (data: Data) => productPath(data.entry.product.code, data.entry.page),
  eleventyExcludeFromCollections: true,
};

/** Everything the page shows but what every page shares (SiteShared); its hash is the page's key. */
export function model({ kb, entry }: Data) {
  const { product, page: n, pages } = entry;
  const shell: Shell = {
    path: productPath(product.code, n),
    title: pages > 1 ? `${product.name}, page ${n} of ${pages}` : product.name,
    description: `${count(product.ids.length, "article")} about ${product.name}.`,
  };
  return {
    shell,
    code: product.code,
    name: product.name,
    articles: product.ids.length,
    page: n,
    pages,
    listed: listed(kb, entry.ids),
  };
}

export const render = (data: Data) => view(model(data), data.kb);

function view(m: ReturnType<typeof model>, kb: SiteShared): string {
  const href = (i: number) => productPath(m.code, i);
  const body = markup`<h1>
      ${m.name}
    </h1>
    ${listPage(kb, m, "id", href)}`;
  return page({ kb, ...m.shell }, body);
}

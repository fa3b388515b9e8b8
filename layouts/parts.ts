/** Small pieces the browse templates share: article lists and page navigation. */
import type { SiteData } from "../src/site/data.ts";
import { markup, type Html } from "../src/site/html.ts";
import { articlePath } from "../src/site/urls.ts";

/** A list of articles by id: id, title, last-modified date. */
export function articleList(kb: SiteData, ids: readonly string[]): Html {
  return markup`<ol class="article-list">
    ${ids.map((id) => {
      const a = kb.byId.get(id);
      if (!a) return "";
      return markup`<li>
        <a href="${kb.url(articlePath(id))}"
          ><span class="kb-id">${id}</span> <span class="title">${a.title}</span></a
        >${a.lastModified ? markup` <time datetime="${a.lastModified}">${a.lastModified}</time>` : ""}
      </li>\n`;
    })}
  </ol>`;
}

/** What articleList shows of each article, for the keys of the pages that list them. */
export function listed(kb: SiteData, ids: readonly string[]): unknown[] {
  return ids.map((id) => {
    const a = kb.byId.get(id);
    return a ? [id, a.title, a.lastModified] : null;
  });
}

/** "Page 2 of 7" with previous / next links; `href(n)` is the site path of page n. */
export function pager(
  kb: SiteData,
  page: number,
  pages: number,
  href: (n: number) => string,
): Html {
  if (pages <= 1) return markup``;
  const link = (n: number, label: string, rel: string) =>
    n >= 1 && n <= pages
      ? markup`<a href="${kb.url(href(n))}" rel="${rel}">${label}</a>`
      : markup`<span aria-hidden="true">${label}</span>`;
  const numbers = Array.from({ length: pages }, (_, i) => i + 1).map((n) =>
    n === page
      ? markup`<li><a aria-current="page" href="${kb.url(href(n))}">${n}</a></li>`
      : markup`<li><a href="${kb.url(href(n))}">${n}</a></li>`,
  );
  return markup`<nav class="pager" aria-label="Pages">
    ${link(page - 1, "← Previous", "prev")}
    <ol>
      ${numbers}
    </ol>
    ${link(page + 1, "Next →", "next")}
  </nav>`;
}

/** "1 article", "12 articles". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? noun : plural}`;
}

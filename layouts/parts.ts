/**
 * Small pieces the templates share: article lists and page navigation, drawn from the models'
 * plain data (`listed` is the one that reads the site, for the models).
 */
import type { SiteData, SiteShared } from "../src/site/data.ts";
import { markup, type Html } from "../src/site/html.ts";
import { articlePath } from "../src/site/urls.ts";

/** An article as a list shows it. */
export interface Listed {
  id: string;
  title: string;
  lastModified?: string;
}

/** The articles of `ids` as a list shows them, for a model; an id the site lacks is left out. */
export function listed(kb: SiteData, ids: readonly string[]): Listed[] {
  const list: Listed[] = []; // a loop: flatMap cost ~0.1 s of the 60k site's browse keys
  for (const id of ids) {
    const a = kb.byId.get(id);
    if (a) list.push({ id, title: a.title, lastModified: a.lastModified });
  }
  return list;
}

/**
 * A list of articles by id: id, title, last-modified date. A <time> whose text is an ISO date
 * needs no datetime attribute (HTML takes the text as the value): 28 bytes a row of every list.
 */
export function articleList(kb: SiteShared, list: readonly Listed[]): Html {
  return markup`<ol class="article-list">
    ${list.map(
      (a) =>
        markup`<li>
        <a href="${kb.url(articlePath(a.id))}"
          ><span class="kb-id">${a.id}</span> <span class="title">${a.title}</span></a
        >${a.lastModified ? markup` <time>${a.lastModified}</time>` : ""}
      </li>\n`,
    )}
  </ol>`;
}

/** What a page of a list of articles (a product's, a keyword's, a year's) shows of the list. */
export interface ListModel {
  /** How many articles the whole list has. */
  articles: number;
  page: number;
  pages: number;
  listed: Listed[];
}

/**
 * A page of a list below its heading: how many articles and in what order, this page's articles
 * and the pager; `href(n)` is the site path of page n.
 */
export function listPage(
  kb: SiteShared,
  m: ListModel,
  order: "id" | "date",
  href: (n: number) => string,
): Html {
  const { page: n, pages } = m;
  return markup`<p class="muted">
      ${count(m.articles, "article")}, by ${order}${pages > 1 ? `; page ${n} of ${pages}` : ""}.
    </p>
    ${articleList(kb, m.listed)} ${pager(kb, n, pages, href)}`;
}

/** The page numbers a pager links: the first, the last, and three either side of this one. */
export function pagerNumbers(page: number, pages: number): (number | null)[] {
  const near = (n: number) => n === 1 || n === pages || Math.abs(n - page) <= 3;
  const shown: (number | null)[] = [];
  for (let n = 1; n <= pages; n++) {
    if (near(n)) shown.push(n);
    else if (shown.at(-1) !== null) shown.push(null); // a gap, shown as "…"
  }
  return shown;
}

/** "Page 2 of 7" with previous / next links; `href(n)` is the site path of page n. */
export function pager(
  kb: SiteShared,
  page: number,
  pages: number,
  href: (n: number) => string,
): Html {
  if (pages <= 1) return markup``;
  const link = (n: number, label: string, rel: string) =>
    n >= 1 && n <= pages
      ? markup`<a href="${kb.url(href(n))}" rel="${rel}">${label}</a>`
      : markup`<span aria-hidden="true">${label}</span>`;
  // A year of 21,000 articles has 215 pages: linking each made a pager of 215 links.
  const numbers = pagerNumbers(page, pages).map((n) =>
    n === null
      ? markup`<li aria-hidden="true">…</li>`
      : n === page
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

/** Entries grouped by the first letter of `key`, A–Z, anything else as "#", in their order. */
export function byLetter<T>(entries: readonly T[], key: (entry: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const first = key(entry).charAt(0).toLowerCase();
    const letter = /[a-z]/.test(first) ? first : "#";
    const list = groups.get(letter) ?? [];
    list.push(entry);
    groups.set(letter, list);
  }
  return groups;
}

/** The id of a letter's heading: "letter-a", and "other" for "#". */
export const letterAnchor = (letter: string) => (letter === "#" ? "other" : `letter-${letter}`);

/** Links to the letters' headings of a page grouped byLetter. */
export function letterNav(letters: Iterable<string>): Html {
  return markup`<nav class="letters" aria-label="Letters">
    <ul>
      ${[...letters].map((l) => markup`<li><a href="#${letterAnchor(l)}">${l.toUpperCase()}</a></li>`)}
    </ul>
  </nav>`;
}

/** "1 article", "12 articles". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? noun : plural}`;
}

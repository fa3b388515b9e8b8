/**
 * One page per article at its contract URL /kb/NNN/QNNNNNN/, drawn from its model
 * (article-model.ts) and what every page shares. The article element is all that Pagefind
 * indexes; its text is rendered as escaped text by src/site/article-text.ts.
 */
import type { ArticleRecord, FileRow } from "../src/record.ts";
import { renderText } from "../src/site/article-text.ts";
import type { SiteData, SiteShared } from "../src/site/data.ts";
import { isProductName } from "../src/site/products.ts";
import { FileTables, fileTable } from "../src/site/file-table.ts";
import { markup, type Html } from "../src/site/html.ts";
import { articlePath, keywordPath, productPath, yearPath } from "../src/site/urls.ts";
import { articleShell, model, type ArticleModel } from "./article-model.ts";
import { articleList } from "./parts.ts";
import { page } from "./shell.ts";

export { model } from "./article-model.ts";

type Data = { kb: SiteData; article: ArticleRecord };

// Page-level ids (applies_to, on_this_page, hotfix_files, related_articles, cited_by, and
// main_content in the shell) carry an underscore, which section slugs never do, so no section heading can take one.

export const data = {
  pagination: { data: "kb.articles", size: 1, alias: "article", addAllPagesToCollections: false },
  permalink: (data: Data) => articlePath(data.article.id),
  eleventyExcludeFromCollections: true,
};

/** "MORE INFORMATION" → "More information"; headings already in mixed case stay as printed. */
export function displayHeading(heading: string): string {
  if (heading !== heading.toUpperCase()) return heading;
  const lower = heading.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** The article's own product names, linked to its product page; a placeholder ("See article") gives way to the name it is listed under. */
function product(kb: SiteShared, { article: a, product: entry }: ArticleModel): Html {
  const names = a.products.filter(isProductName);
  const shown = names.length ? names.join(", ") : (entry?.name ?? "—");
  return entry
    ? markup`<a href="${kb.url(productPath(entry.code))}">${shown}</a>`
    : markup`${shown}`;
}

/** Home › product › id: where a reader who came from a wiki link can go on from. */
function breadcrumb(kb: SiteShared, { article: a, product: entry }: ArticleModel): Html {
  return markup`<nav class="breadcrumb" aria-label="Breadcrumb">
    <ol>
      <li><a href="${kb.url("/")}">Home</a></li>
      ${entry ? markup`<li><a href="${kb.url(productPath(entry.code))}">${entry.name}</a></li>` : ""}
      <li><a href="${kb.url(articlePath(a.id))}" aria-current="page">${a.id}</a></li>
    </ol>
  </nav>`;
}

/** Articles shipping the same files, then sharing rarer keywords or citations (related.ts). */
function related(kb: SiteShared, { related: list }: ArticleModel): Html {
  if (!list.length) return markup``;
  return markup`<section class="kb-section related" aria-labelledby="related_articles">
    <h2 id="related_articles">Related</h2>
    <ol class="article-list">
      ${list.map(({ id, why, title }) => {
        return markup`<li>
          <a href="${kb.url(articlePath(id))}"
            ><span class="kb-id">${id}</span> <span class="title">${title}</span></a
          >
          <span class="why">${why}</span>
        </li>\n`;
      })}
    </ol>
  </section>`;
}

function facts(kb: SiteShared, m: ArticleModel): Html {
  const a = m.article;
  const row = (label: string, value: Html | string) =>
    markup`<div>
      <dt>${label}</dt>
      <dd>${value}</dd>
    </div>\n`;
  const list = (items: string[]) => (items.length ? items.join(", ") : "—");
  const year = a.lastModified?.slice(0, 4);
  return markup`<dl class="facts">
    ${row("Product", product(kb, m))}${row("Versions", list(m.versions))}${a.operatingSystems.length ? row("Operating systems", list(a.operatingSystems)) : ""}${row(
      "Keywords",
      a.keywords.length
        ? markup`${a.keywords.map((k, i) => markup`${i ? ", " : ""}<a href="${kb.url(keywordPath(k))}">${k}</a>`)}`
        : "—",
    )}${row("Last modified", a.lastModified && year ? markup`<a href="${kb.url(yearPath(year))}"><time>${a.lastModified}</time></a>` : "—")}
  </dl>`;
}

export const render = (data: Data) => view(model(data), data.kb);

function view(m: ArticleModel, kb: SiteShared): string {
  const a = m.article;
  const tables = new FileTables(a.files, newerOf(m));
  const linked = new Set(m.linked);
  const text = { has: (id: string) => linked.has(id), url: (path: string) => kb.url(path) };
  // A heading with no text under it (a "Status" left blank) is not shown, nor listed.
  const shown = a.sections.filter((s) => s.text.trim() !== "");
  const sections = shown.map(
    (s) =>
      markup`<section class="kb-section" aria-labelledby="${s.id}">
        <h2 id="${s.id}" data-copy-section>
          ${displayHeading(s.heading)}<a
            class="anchor"
            href="#${s.id}"
            aria-label="Link to this section"
            >#</a
          >
        </h2>
        ${renderText(s.text, text, tables)}
      </section>\n`,
  );
  const rest = tables.rest();
  const contents = [
    ...shown.map((s) => ({ id: s.id, heading: displayHeading(s.heading) })),
    ...(rest.length ? [{ id: "hotfix_files", heading: "Files" }] : []),
    ...(m.related.length ? [{ id: "related_articles", heading: "Related" }] : []),
    ...(m.citedBy.length ? [{ id: "cited_by", heading: "Cited by" }] : []),
  ];
  const body = markup`${breadcrumb(kb, m)}<article class="kb-article" data-kb-id="${a.id}">
    <header class="article-header">
      <p class="eyebrow"><span class="kb-id">${a.id}</span></p>
      <h1>${a.title}</h1>
      <div class="copy-links" data-copy-links></div>
      ${facts(kb, m)}
      ${
        a.appliesTo.length
          ? markup`<h2 class="applies-heading" id="applies_to">Applies to</h2>
              <ul class="applies-to">
                ${a.appliesTo.map((x) => markup`<li>${x}</li>`)}
              </ul>`
          : ""
      }
    </header>
    ${contentsList(contents)} ${sections}${
      rest.length
        ? markup`<section class="kb-section" aria-labelledby="hotfix_files">
            <h2 id="hotfix_files" data-copy-section>
              Files<a
                class="anchor"
                href="#hotfix_files"
                aria-label="Link to this section"
                >#</a
              >
            </h2>
            ${fileTable(rest, (p) => kb.url(p), tables.newer)}
          </section>`
        : ""
    }
    ${related(kb, m)}
    ${
      m.citedBy.length
        ? markup`<section class="kb-section cited-by" aria-labelledby="cited_by">
            <h2 id="cited_by">Cited by</h2>
            ${articleList(kb, m.citedBy)}
          </section>`
        : ""
    }
    <p class="record-link">
      This record as JSON: <a href="${kb.url(articlePath(a.id) + "index.json")}">index.json</a>
    </p>
  </article>`;
  return page({ kb, ...articleShell(a) }, body);
}

/**
 * Every section the page shows, the file table, Related and Cited by among them, under a title;
 * above the text at every width, so a file table has the text's whole width (issue 26: beside
 * the text, the list took 230 px a wide table needed).
 */
function contentsList(entries: { id: string; heading: string }[]): Html {
  if (entries.length < 2) return markup``;
  return markup`<nav class="toc" aria-labelledby="on_this_page">
    <h2 id="on_this_page">On this page</h2>
    <ul>
      ${entries.map((e) => markup`<li><a href="#${e.id}">${e.heading}</a></li>`)}
    </ul>
  </nav>`;
}

/** The model's newer versions, by row of the record's file tables. */
function newerOf({ article, newer }: ArticleModel) {
  const at = new Map(article.files.map((row, i) => [row, i]));
  return (row: FileRow) => newer[at.get(row) ?? -1] ?? undefined;
}

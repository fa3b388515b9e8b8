/**
 * One page per article at its contract URL /kb/NNN/QNNNNNN/. The article element is all that
 * Pagefind indexes; its text is rendered as escaped text by src/site/article-text.ts.
 */
import type { ArticleRecord } from "../src/record.ts";
import { renderText, summary } from "../src/site/article-text.ts";
import { productCodeOf, type SiteData } from "../src/site/data.ts";
import { FileTables, fileTable } from "../src/site/file-table.ts";
import { markup, type Html } from "../src/site/html.ts";
import { articlePath, keywordPath, productPath, yearPath } from "../src/site/urls.ts";
import { articleList } from "./parts.ts";
import { page } from "./shell.ts";

type Data = { kb: SiteData; article: ArticleRecord };

// Page-level ids (applies_to, hotfix_files, cited_by, and main_content in the shell) carry an
// underscore, which section slugs never do, so no section heading can take one of them.

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

function facts(kb: SiteData, a: ArticleRecord): Html {
  const row = (label: string, value: Html | string) =>
    markup`<div>
      <dt>${label}</dt>
      <dd>${value}</dd>
    </div>\n`;
  const list = (items: string[]) => (items.length ? items.join(", ") : "—");
  const year = a.lastModified?.slice(0, 4);
  return markup`<dl class="facts">
    ${row("Product", markup`<a href="${kb.url(productPath(productCodeOf(a)))}">${list(a.products)}</a>`)}${row("Versions", list(a.versions))}${a.operatingSystems.length ? row("Operating systems", list(a.operatingSystems)) : ""}${row(
      "Keywords",
      a.keywords.length
        ? markup`${a.keywords.map((k, i) => markup`${i ? ", " : ""}<a href="${kb.url(keywordPath(k))}">${k}</a>`)}`
        : "—",
    )}${row("Last modified", a.lastModified && year ? markup`<a href="${kb.url(yearPath(year))}"><time datetime="${a.lastModified}">${a.lastModified}</time></a>` : "—")}
  </dl>`;
}

export function render({ kb, article: a }: Data): string {
  const tables = new FileTables(a.files);
  const sections = a.sections.map(
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
        ${renderText(s.text, kb, tables)}
      </section>\n`,
  );
  const rest = tables.rest();
  const citedBy = kb.citedBy.get(a.id) ?? [];
  const body = markup`<article
    class="kb-article"
    data-kb-id="${a.id}"
    data-kb-title="${a.title}"
  >
    <header class="article-header">
      <p class="eyebrow"><span class="kb-id">${a.id}</span></p>
      <h1>${a.title}</h1>
      <div class="copy-links" data-copy-links></div>
      ${facts(kb, a)}
      ${
        a.appliesTo.length
          ? markup`<h2 class="applies-heading" id="applies_to">Applies to</h2>
              <ul class="applies-to">
                ${a.appliesTo.map((x) => markup`<li>${x}</li>`)}
              </ul>`
          : ""
      }
    </header>
    ${
      a.sections.length > 1
        ? markup`<nav class="toc" aria-label="Sections">
            <ul>
              ${a.sections.map((s) => markup`<li><a href="#${s.id}">${displayHeading(s.heading)}</a></li>`)}
            </ul>
          </nav>`
        : ""
    }
    ${sections}${
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
            ${fileTable(rest, (p) => kb.url(p))}
          </section>`
        : ""
    }
    <section class="kb-section cited-by" aria-labelledby="cited_by">
      <h2 id="cited_by">Cited by</h2>
      ${citedBy.length ? articleList(kb, citedBy) : markup`<p class="muted">No article on this site cites ${a.id}.</p>`}
    </section>
    <p class="record-link">
      This record as JSON: <a href="${kb.url(articlePath(a.id) + "index.json")}">index.json</a>
    </p>
  </article>`;
  return page(
    {
      kb,
      path: articlePath(a.id),
      title: `${a.id}: ${a.title}`,
      description: summary(a.sections[0]?.text ?? a.title) || a.title,
      type: "article",
    },
    body,
  );
}

/**
 * The page shell every template wraps its content in: head with canonical link and OpenGraph
 * meta, skip link, header with the site search box (which suggests as you type:
 * layouts/assets/suggest.js), footer. Everything local: no web
 * fonts, analytics or CDNs.
 */
import type { SiteShared } from "../src/site/data.ts";
import { markup, type Html } from "../src/site/html.ts";

export interface PageMeta {
  /** Only what every page shares (the prefix, the brand): the rest comes from the page's model. */
  kb: SiteShared;
  /** The site path of this page, e.g. "/kb/265/Q265433/". */
  path: string;
  title: string;
  description: string;
  type?: "article" | "website";
  /** Scripts from /assets/ this page needs besides site.js. */
  scripts?: string[];
  /** A script inlined first in the head (src/generate/write/scripts.ts), to start work early. */
  firstScript?: Html;
  /** False on the search page, which has its own, fuller form. */
  searchBox?: boolean;
}

/** A page's own arguments to the shell, as plain data: part of its template's model. */
export type Shell = Omit<PageMeta, "kb" | "firstScript">;

export function searchBox(kb: SiteShared): Html {
  return markup`<form class="site-search" role="search" action="${kb.url("/search/")}">
    <label for="site_q" class="visually-hidden">Search articles</label>
    <input
      id="site_q"
      name="q"
      type="search"
      placeholder="Search: id, file name or words"
      autocomplete="off"
      aria-keyshortcuts="/"
      data-suggest
    />
    <button type="submit">Search</button>
  </form>`;
}

/** At most 70 characters (longer titles get cut in tabs and results): the site name only if it fits. */
export function documentTitle(meta: Pick<PageMeta, "path" | "title">, name: string): string {
  if (meta.path === "/") return name;
  const full = `${meta.title} · ${name}`;
  if (full.length <= 70) return full;
  if (meta.title.length <= 70) return meta.title;
  const cut = meta.title.slice(0, 69);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 40 ? cut.lastIndexOf(" ") : 69).replace(/[\s,;:.-]+$/, "")}…`;
}

/**
 * The head's tags, one a line. One set of social tags: OpenGraph, which Twitter/X reads when its
 * own are missing (twitter:card alone picks the card's shape); the description twice only, as
 * the meta description and og:description, where a page once carried it three times.
 */
export function head(meta: PageMeta): Html[] {
  const { kb } = meta;
  const canonical = kb.absoluteUrl(meta.path);
  const { name } = kb.brand;
  return [
    markup`<meta charset="utf-8" />`,
    markup`${meta.firstScript}`,
    markup`<meta name="viewport" content="width=device-width, initial-scale=1" />`,
    markup`<meta name="color-scheme" content="light dark" />`,
    markup`<title>${documentTitle(meta, name)}</title>`,
    markup`<meta name="description" content="${meta.description}" />`,
    markup`<link rel="canonical" href="${canonical}" />`,
    markup`<meta property="og:type" content="${meta.type ?? "website"}" />`,
    markup`<meta property="og:site_name" content="${name}" />`,
    markup`<meta property="og:title" content="${meta.title}" />`,
    markup`<meta property="og:description" content="${meta.description}" />`,
    markup`<meta property="og:url" content="${canonical}" />`,
    markup`<meta name="twitter:card" content="summary" />`,
    markup`<link rel="icon" href="${kb.url("/assets/favicon.svg")}" type="image/svg+xml" />`,
    markup`<link rel="search" type="application/opensearchdescription+xml" title="${name}" href="${kb.url("/opensearch.xml")}" />`,
    markup`<link rel="stylesheet" href="${kb.url("/assets/site.css")}" />`,
    markup`<link rel="modulepreload" href="${kb.url("/assets/kb.js")}" />`,
    markup`<script type="module" src="${kb.url("/assets/site.js")}" fetchpriority="low"></script>`,
    ...(meta.scripts ?? []).map(
      (s) => markup`<script type="module" src="${kb.url(`/assets/${s}`)}"></script>`,
    ),
  ].filter((tag) => tag.value !== "");
}

export function page(meta: PageMeta, body: Html): string {
  const { kb } = meta;
  const { name, language, logo, links } = kb.brand;
  return markup`<!DOCTYPE html>
    <html lang="${language}" data-prefix="${kb.prefix}">
      <head>
        ${head(meta).map((tag, i) => markup`${i ? "\n" : ""}${tag}`)}
      </head>
      <body>
        <a class="skip-link" href="#main_content">Skip to content</a>
        <header class="site-header">
          <div class="wrap">
            <a class="brand" href="${kb.url("/")}"
              >${logo ? markup`<img class="brand-logo" src="${kb.url(logo)}" alt="" height="28" />` : markup`<span class="brand-mark" aria-hidden="true">KB</span>`} ${name}</a
            >
            <nav aria-label="Browse">
              <ul>
                <li><a href="${kb.url("/products/")}">Products</a></li>
                <li><a href="${kb.url("/files/")}">Files</a></li>
                <li><a href="${kb.url("/years/")}">Years</a></li>
                <li><a href="${kb.url("/keywords/")}">Keywords</a></li>
              </ul>
            </nav>
            ${meta.searchBox === false ? "" : searchBox(kb)}
          </div>
        </header>
        <main id="main_content" class="wrap">${body}</main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              An archive of Microsoft Knowledge Base articles, kept for reference. The articles are
              historical and provided as is.
            </p>
            <p><a href="${kb.url("/sitemap.xml")}">Sitemap</a>${links.map((l) => markup` · <a href="${l.href}">${l.text}</a>`)}</p>
          </div>
        </footer>
        <div class="toast" role="status" aria-live="polite"></div>
      </body>
    </html>\n`.value;
}

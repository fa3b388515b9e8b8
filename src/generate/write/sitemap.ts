/**
 * sitemap.xml: every page. A sitemap holds at most 50,000 URLs, so a bigger site gets
 * sitemap.xml as an index of sitemap-1.xml, sitemap-2.xml, …
 */
import type { SiteData } from "../../site/data.ts";
import { escapeHtml } from "../../site/html.ts";
import { articlePath, filePath, keywordPath, productPath, yearPath } from "../../site/urls.ts";
import type { OutDir } from "./out-dir.ts";

const LIMIT = 50_000;

export function sitePaths(site: SiteData): string[] {
  return [
    "/",
    "/products/",
    ...site.productPages.map((p) => productPath(p.product.code, p.page)),
    "/files/",
    ...site.files.map((f) => filePath(f.slug)),
    "/years/",
    ...site.yearPages.map((p) => yearPath(p.of.year, p.page)),
    "/keywords/",
    ...site.keywordPages.map((p) => keywordPath(p.of.keyword, p.page)),
    ...site.articles.map((a) => articlePath(a.id)),
  ];
}

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>\n`;
const NS = `xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"`;

function urlset(site: SiteData, paths: string[]): string {
  const urls = paths
    .map((p) => `<url><loc>${escapeHtml(site.absoluteUrl(p))}</loc></url>\n`)
    .join("");
  return `${HEAD}<urlset ${NS}>\n${urls}</urlset>\n`;
}

/** Returns the number of sitemap files; each is rewritten only when its bytes change. */
export function writeSitemap(site: SiteData, out: OutDir): number {
  const paths = sitePaths(site);
  if (paths.length <= LIMIT) {
    out.update("/sitemap.xml", urlset(site, paths));
    return 1;
  }
  const parts: string[] = [];
  for (let i = 0; i < paths.length; i += LIMIT) {
    const name = `/sitemap-${parts.length + 1}.xml`;
    out.update(name, urlset(site, paths.slice(i, i + LIMIT)));
    parts.push(name);
  }
  const list = parts
    .map((p) => `<sitemap><loc>${escapeHtml(site.absoluteUrl(p))}</loc></sitemap>\n`)
    .join("");
  out.update("/sitemap.xml", `${HEAD}<sitemapindex ${NS}>\n${list}</sitemapindex>\n`);
  return parts.length + 1;
}

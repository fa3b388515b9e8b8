/**
 * The article pages, rendered without Eleventy: 60k pages from one template, where Eleventy's
 * per-page work (data cascade, pagination, permalink and output bookkeeping) cost several times
 * the template itself. The template is still layouts/article.11ty.ts, called as Eleventy would
 * call it, so the pages are byte for byte the same. Yields to the event loop between batches, so
 * the search indexers' messages flow while it works.
 */
import { setImmediate as turn } from "node:timers/promises";
import type { ArticleRender } from "../../config/overrides.ts";
import { progress } from "../../progress.ts";
import { failpoint } from "../publish/failpoint.ts";
import type { SiteData } from "../../site/data.ts";
import { articlePath } from "../../site/urls.ts";
import type { OutDir } from "./out-dir.ts";

const BATCH = 200;

/**
 * Writes the page of every article `changed` says needs it and keeps the others' existing pages;
 * returns how many were written. `render` is the template (an override's, or kbsite's own).
 */
export async function writeArticlePages(
  site: SiteData,
  out: OutDir,
  changed: (id: string) => boolean,
  render: ArticleRender,
): Promise<number> {
  const bar = progress("articles", "article pages written");
  const total = site.articles.length;
  let written = 0;
  try {
    for (let i = 0; i < total; i++) {
      const article = site.articles[i]!;
      const path = `${articlePath(article.id)}index.html`;
      if (changed(article.id)) {
        out.write(path, render({ kb: site, article }));
        written++;
      } else out.keep(path);
      if (i % BATCH === BATCH - 1)
        (bar.update(i + 1, total), failpoint("article-pages"), await turn());
    }
    bar.update(total, total);
  } finally {
    bar.stop();
  }
  return written;
}

/**
 * What an article's page shows: its record, and what it shows of the rest of the site (its
 * product as listed, the ids in its text the site has, newer versions of its files, related
 * articles, who cites it). The page is rendered from this alone (article.11ty.ts), and its key
 * is a hash of it with the record stood in by the record's kept key (manifest.ts: pageKey).
 * What follows from the record alone is left to the view (articleShell): that key covers it, and
 * the description's summary, made for every page key, cost ~0.4 s over 60k articles.
 */
import { recordKey } from "../src/generate/incremental/record-key.ts";
import type { ArticleRecord } from "../src/record.ts";
import { summary } from "../src/site/article-text.ts";
import type { SiteData } from "../src/site/data.ts";
import type { NewerVersion } from "../src/site/file-versions.ts";
import { articlePath } from "../src/site/urls.ts";
import { versionNames } from "../src/site/version-names.ts";
import { listed, type Listed } from "./parts.ts";
import type { Shell } from "./shell.ts";

export interface ArticleModel {
  /** The record, shown as it is. */
  article: ArticleRecord;
  /** The product it is listed under. */
  product?: { code: string; name: string };
  /** Its versions as a reader names them ("Microsoft Windows NT 4.0, 4.0 SP4"), not as coded. */
  versions: string[];
  /** The ids its text names that the site has: those become links. */
  linked: string[];
  /** Per row of its file tables, in order, the newer version another article ships. */
  newer: (NewerVersion | null)[];
  related: { id: string; why: string; title: string }[];
  citedBy: Listed[];
}

export function model({ kb, article: a }: { kb: SiteData; article: ArticleRecord }): ArticleModel {
  const entry = kb.productOf(a.id);
  return {
    article: a,
    product: entry && { code: entry.code, name: entry.name },
    versions: versionNames(
      a.versions,
      (code) => kb.productName(code),
      a.productCode ?? entry?.code,
    ),
    // The ids were found once per record (record-key.ts), not once per page key and render.
    linked: recordKey(a).mentions.filter((id) => kb.has(id)),
    newer: a.files.map((row) => kb.newer.get(row) ?? null),
    related: (kb.related.get(a.id) ?? []).map(({ id, why }) => ({
      id,
      why,
      title: kb.byId.get(id)?.title ?? "",
    })),
    citedBy: listed(kb, kb.citedBy.get(a.id) ?? []),
  };
}

/** The page's arguments to the shell: from the record alone. */
export function articleShell(a: ArticleRecord): Shell {
  return {
    path: articlePath(a.id),
    title: `${a.id}: ${a.title}`,
    // 160 characters: what search results and link cards show of a description; the 40 more
    // it had were cut there anyway, and cost twice that on every page (description, og:description).
    description: summary(a.sections[0]?.text ?? a.title, 160) || a.title,
    type: "article",
  };
}

/**
 * The browse lists the site data derives from the records, each one pass over the articles:
 * keywords, files and years with their articles, who cites whom, and a list cut into pages of 100.
 */
import type { ArticleRecord } from "../record.ts";
import { newestFirst, newestPerPlatform, type FileUse } from "./file-versions.ts";
import { compare } from "./products.ts";
import { slug } from "./urls.ts";

/** Articles per page of a product, keyword or year: every browse page stays well under 400 kB. */
export const PAGE_SIZE = 100;

/** One page of a list of articles, 1-based: `of` is what it lists (a product, keyword, year). */
export interface ListPage<T> {
  page: number;
  pages: number;
  ids: string[];
  of: T;
}

export interface KeywordEntry {
  keyword: string;
  slug: string;
  ids: string[];
}

export interface FileEntry {
  slug: string;
  /** The spellings printed in the articles, e.g. ["Rpcss.exe", "RPCSS.EXE"]. */
  names: string[];
  /** Newest version first (then date); `newest` holds the newest row of each platform. */
  uses: FileUse[];
  newest: Set<FileUse>;
}

export interface YearEntry {
  year: string;
  /** By last-modified date, then id. */
  ids: string[];
}

export function paginate<T>(of: T, ids: string[]): ListPage<T>[] {
  const pages = Math.max(1, Math.ceil(ids.length / PAGE_SIZE));
  return Array.from({ length: pages }, (_, i) => ({
    of,
    page: i + 1,
    pages,
    ids: ids.slice(i * PAGE_SIZE, (i + 1) * PAGE_SIZE),
  }));
}

export function groupKeywords(articles: ArticleRecord[]): KeywordEntry[] {
  const groups = new Map<string, KeywordEntry>();
  for (const article of articles) {
    for (const keyword of new Set(article.keywords)) {
      const key = slug(keyword);
      const entry = groups.get(key) ?? { keyword, slug: key, ids: [] };
      if (entry.ids.at(-1) !== article.id) entry.ids.push(article.id);
      groups.set(key, entry);
    }
  }
  return [...groups.values()].sort((a, b) => compare(a.slug, b.slug));
}

export function groupFiles(articles: ArticleRecord[]): FileEntry[] {
  const groups = new Map<string, FileEntry>();
  for (const article of articles) {
    for (const row of article.files) {
      const key = slug(row.name);
      const entry = groups.get(key) ?? { slug: key, names: [], uses: [], newest: new Set() };
      if (!entry.names.includes(row.name)) entry.names.push(row.name);
      entry.uses.push({ id: article.id, row });
      groups.set(key, entry);
    }
  }
  for (const entry of groups.values()) {
    entry.uses.sort(newestFirst);
    entry.newest = newestPerPlatform(entry.uses);
  }
  return [...groups.values()].sort((a, b) => compare(a.slug, b.slug));
}

export function groupYears(articles: ArticleRecord[]): YearEntry[] {
  const groups = new Map<string, ArticleRecord[]>();
  for (const article of articles) {
    const year = article.lastModified?.slice(0, 4);
    if (!year) continue;
    const list = groups.get(year) ?? [];
    list.push(article);
    groups.set(year, list);
  }
  // Within a year by date (articles are in id order, and the sort is stable).
  return [...groups.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([year, list]) => ({
      year,
      ids: list
        .sort((a, b) => compare(a.lastModified ?? "", b.lastModified ?? ""))
        .map((a) => a.id),
    }));
}

/** Id → ids of the articles on this site whose text cites it, in id order. */
export function citations(
  articles: ArticleRecord[],
  byId: Map<string, ArticleRecord>,
): Map<string, string[]> {
  const citedBy = new Map<string, string[]>();
  for (const article of articles) {
    for (const ref of new Set(article.references)) {
      if (ref === article.id || !byId.has(ref)) continue;
      const list = citedBy.get(ref) ?? [];
      list.push(article.id);
      citedBy.set(ref, list);
    }
  }
  return citedBy;
}

/**
 * Per file page, the articles that name the file in their title or text but do not list it in
 * their file table: "which articles mention wininet.dll", beside the ones that ship it. The names
 * an article's text holds are found once per record and kept with it (record-key.ts: files).
 */
import { recordKey } from "../generate/incremental/record-key.ts";
import type { ArticleRecord } from "../record.ts";
import type { FileEntry } from "./lists.ts";

/** File slug → the ids of the articles that mention it, in the order of `articles`. */
export function fileMentions(
  articles: readonly ArticleRecord[],
  files: readonly FileEntry[],
): Map<string, string[]> {
  const listing = new Map(files.map((f) => [f.slug, new Set(f.uses.map((u) => u.id))]));
  const mentions = new Map<string, string[]>();
  for (const article of articles) {
    for (const name of recordKey(article).files) {
      const listed = listing.get(name);
      if (!listed || listed.has(article.id)) continue;
      const ids = mentions.get(name);
      if (ids) ids.push(article.id);
      else mentions.set(name, [article.id]);
    }
  }
  return mentions;
}

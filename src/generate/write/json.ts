/**
 * The JSON beside the pages: each article's record at /kb/NNN/QNNNNNN/index.json (also what the
 * search page asks for to check that an id exists), each file's rows at /files/NAME/index.json,
 * and the search page's small file-name lookup by stem at /file-stems/STEM.json, with the list of
 * those stems (urls.ts FILE_STEMS_PATH).
 */
import type { SiteData } from "../../site/data.ts";
import {
  FILE_STEMS_PATH,
  articlePath,
  fileStem,
  fileStemPath,
  filePath,
  stemSlug,
} from "../../site/urls.ts";
import type { OutDir } from "./out-dir.ts";

/** One file-table row as the search page shows it. */
interface FileHit {
  id: string;
  title: string;
  url: string;
  name: string;
  version?: string;
  date?: string;
  size?: number;
  platform?: string;
}

/**
 * `changed(id)` says whether an article's record may differ from the one already written; when
 * not, the record the last build wrote beside its page is kept (the build has checked that the
 * article's folder is there). The file and stem JSON are rewritten only when their bytes change
 * (OutDir.update). Returns how many files were made.
 */
export function writeJson(
  site: SiteData,
  out: OutDir,
  changed: (id: string) => boolean = () => true,
): number {
  let written = 0;
  for (const article of site.articles) {
    const path = `${articlePath(article.id)}index.json`;
    if (!changed(article.id)) {
      out.keep(path);
      continue;
    }
    // The whole record, compactly: the search page reads its text for passages and phrases, so a
    // card would not do; indentation was ~12 % of the 60k site's 184 MB of records.
    out.write(path, JSON.stringify(article) + "\n");
    written++;
  }
  const stems = new Map<string, Record<string, FileHit[]>>();
  for (const entry of site.files) {
    const hits: FileHit[] = entry.uses.map(({ id, row }) => ({
      id,
      title: site.byId.get(id)?.title ?? "",
      url: articlePath(id),
      name: row.name,
      version: row.version,
      date: row.date,
      size: row.size,
      platform: row.platform,
    }));
    out.update(
      `${filePath(entry.slug)}index.json`,
      JSON.stringify({ file: entry.slug, names: entry.names, rows: hits }) + "\n",
    );
    written++;
    const stem = fileStem(entry.slug);
    const byName = stems.get(stem) ?? {};
    byName[entry.slug] = hits;
    stems.set(stem, byName);
  }
  for (const [stem, byName] of stems) {
    out.update(fileStemPath(stem), JSON.stringify(byName) + "\n");
    written++;
  }
  const listed = [...new Set([...stems.keys()].map(stemSlug))].sort();
  out.update(FILE_STEMS_PATH, JSON.stringify(listed) + "\n");
  written++;
  return written;
}

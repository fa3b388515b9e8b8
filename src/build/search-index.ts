/**
 * The search step: Pagefind indexes the article pages (their data-pagefind-body element only) and
 * writes the bundle the search page loads. One linear function, so it can later run per shard
 * (several bundles merged in the browser with mergeIndex).
 */
import { join } from "node:path";

export interface SearchIndexOptions {
  /** The built site. */
  site: string;
  /** Which pages to index, relative to `site`. */
  glob?: string;
  /** The bundle folder, relative to `site`. */
  bundle?: string;
}

export class SearchIndexError extends Error {
  override name = "SearchIndexError";
}

function check(errors: string[], step: string): void {
  if (errors.length) throw new SearchIndexError(`Pagefind failed ${step}: ${errors.join("; ")}`);
}

/** Returns the number of pages indexed. */
export async function buildSearchIndex({
  site,
  glob = "kb/**/*.html",
  bundle = "pagefind",
}: SearchIndexOptions): Promise<number> {
  const pagefind = await import("pagefind");
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
    check(errors, "to start");
    if (!index) throw new SearchIndexError("Pagefind returned no index and no error");
    const added = await index.addDirectory({ path: site, glob });
    check(added.errors, `indexing ${join(site, glob)}`);
    const written = await index.writeFiles({ outputPath: join(site, bundle) });
    check(written.errors, `writing ${join(site, bundle)}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

// The search page's fetching (search-start.js starts it): JSON files, the site's list of file
// stems, and Pagefind with its shards merged.
import { FILE_STEMS_PATH, fileStemPath, stemSlug, withPrefix } from "../../src/site/urls.ts";

/** A JSON file's value, or null when it is missing or unreadable. */
export async function json(url) {
  const response = await fetch(url).catch(() => null);
  return response && response.ok ? response.json().catch(() => null) : null;
}

let stemList = null;

/**
 * A file stem's JSON (urls.ts fileStemPath), or null: asked for only if the site's list of stems
 * has it, so a word no file table holds makes no request that 404s. The list is asked for once.
 */
export async function stemFile(prefix, name) {
  stemList ??= json(withPrefix(prefix, FILE_STEMS_PATH)).then((list) => new Set(list ?? []));
  const listed = await stemList;
  return listed.has(stemSlug(name)) ? json(withPrefix(prefix, fileStemPath(name))) : null;
}

/**
 * Pagefind with every shard merged in. `hidden` lists ids whose entries in the full shards are
 * out of date (changed or removed since they were built): only the delta bundle's entry counts.
 */
async function loadPagefind(prefix) {
  const [pagefind, shards] = await Promise.all([
    import(`${prefix}pagefind/pagefind.js`),
    json(`${prefix}pagefind/shards.json`),
  ]);
  await pagefind.options({ baseUrl: prefix, noWorker: true });
  await Promise.all(
    (shards?.bundles ?? []).map((bundle) =>
      pagefind.mergeIndex(prefix + bundle, { baseUrl: prefix }),
    ),
  );
  return { pagefind, hidden: new Set(shards?.hidden ?? []) };
}

/**
 * Pagefind's results for parts of words (each with its data() to fetch), the ids to skip as
 * out of date, and with a file filter the ids whose file table lists that file.
 */
export async function searchText(prefix, { query, filters, fileFilter }) {
  const [{ pagefind, hidden }, listing] = await Promise.all([
    loadPagefind(prefix),
    fileFilter ? stemFile(prefix, fileFilter) : null,
  ]);
  const search = (await pagefind.search(query || null, { filters })) ?? { results: [] };
  return { results: search.results, hidden, listing };
}

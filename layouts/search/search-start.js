// The search page's network work, started as early as the page allows: layouts/search.11ty.ts
// bundles this file (with kb.js) into a script inline at the top of the page's head, so an id's
// article, a file name's list or the Pagefind index is on its way before the style sheet and
// search.js have loaded. No DOM here: search.js shows what these promises bring, and calls
// startSearch itself if the inline script did not run.
import { articlePath, fileStemPath, looksLikeFileName, parseKbId } from "./kb.js";

/** What the address asks for: /search/?q=…&product=…&year=…&file=… */
export function readQuery(search) {
  const params = new URLSearchParams(search);
  const query = (params.get("q") ?? "").trim();
  const filters = {};
  for (const name of ["product", "year"]) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  // Not a Pagefind filter (thousands of values would make the index a third dearer to build):
  // answered from the file's stem JSON.
  const fileFilter = (params.get("file") ?? "").trim().toLowerCase();
  return { query, filters, fileFilter, id: parseKbId(query) };
}

/** A JSON file's value, or null when it is missing or unreadable. */
async function json(url) {
  const response = await fetch(url).catch(() => null);
  return response && response.ok ? response.json().catch(() => null) : null;
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
  await pagefind.options({ baseUrl: prefix, excerptLength: 30, noWorker: true });
  await Promise.all(
    (shards?.bundles ?? []).map((bundle) =>
      pagefind.mergeIndex(prefix + bundle, { baseUrl: prefix }),
    ),
  );
  return { pagefind, hidden: new Set(shards?.hidden ?? []) };
}

/**
 * Full-text results: Pagefind's result list (each with its data() to fetch), the ids to skip as
 * out of date, and with a file filter the ids whose file table lists that file.
 */
async function searchText(prefix, { query, filters, fileFilter }) {
  const [{ pagefind, hidden }, listing] = await Promise.all([
    loadPagefind(prefix),
    fileFilter ? json(prefix + fileStemPath(fileFilter)) : null,
  ]);
  const search = (await pagefind.search(query || null, { filters })) ?? { results: [] };
  return { results: search.results, hidden, listing };
}

/**
 * Starts what the query needs, no more (every byte counts on a big site): an id, the HEAD of its
 * article's JSON, going there if it exists; a file name, its stem's JSON; anything else, the text
 * index. `text()` starts the text search on demand (after an id the site lacks, a file name no
 * table lists, or a click) and returns the same promise each time.
 */
export function startSearch(prefix, search) {
  const request = readQuery(search);
  const { query, filters, fileFilter, id } = request;
  let text = null;
  const started = {
    request,
    article: null,
    files: null,
    text: () => (text ??= searchText(prefix, request)),
  };
  const filtered = Object.keys(filters).length > 0 || fileFilter !== "";
  if (!query && !filtered) return started;
  if (id) {
    const url = prefix + articlePath(id);
    started.article = fetch(`${url}index.json`, { method: "HEAD" }).then(
      (response) => (response.ok && location.replace(url), response.ok),
      () => false,
    );
  } else if (!filtered && looksLikeFileName(query)) {
    started.files = json(prefix + fileStemPath(query));
  } else {
    started.text().catch(() => {}); // the failure is search.js's to show, when it asks
  }
  return started;
}

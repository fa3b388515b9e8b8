// The search page's network work, started as early as the page allows: layouts/search.11ty.ts
// bundles this file (with kb.js and words.js) into a script inline at the top of the page's head,
// so an id's article, a file name's list, or the words' buckets and the first results' records
// are on their way before the style sheet and search.js have loaded. No DOM here: search.js shows
// what these promises bring, and imports this file's bundle (/assets/search-start.js) if the
// inline script did not run (a Content-Security-Policy without 'unsafe-inline').
import { articlePath, fileStemPath, looksLikeFileName, parseKbId } from "../assets/kb.js";
import { bucketOf, decodePostings, excerpt, queryTerms, rank, wordBucketPath } from "./words.js";

/** Results shown at a time. */
export const PAGE = 20;

/**
 * Records asked for as soon as the ranking is known: a screenful. Asking for a whole page at once
 * delayed the first on this 2-core machine (median first result 351 → ~300 ms with 6–10).
 */
const FIRST = 6;

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
 * Word results from the word index (words.js): every article holding all the query's terms,
 * ranked, and the records of the first FIRST already asked for. Null when the index has none (a
 * word it lacks, a part of a word): the page asks Pagefind then, which also matches prefixes.
 */
async function searchWords(prefix, query) {
  const terms = queryTerms(query);
  if (terms.length === 0) return null;
  const buckets = new Map();
  const bucket = (term) => {
    const path = prefix + wordBucketPath(bucketOf(term));
    if (!buckets.has(path)) buckets.set(path, json(path));
    return buckets.get(path);
  };
  const lists = await Promise.all(
    terms.map(async (term) => decodePostings((await bucket(term))?.[term] ?? "")),
  );
  const ranked = rank(lists);
  if (ranked.length === 0) return null;
  const records = (from, to) =>
    ranked.slice(from, to).map(({ id }) => json(`${prefix}${articlePath(id)}index.json`));
  return {
    ranked,
    first: records(0, FIRST),
    records,
    excerpt: (record) => excerpt(record, terms),
  };
}

/**
 * Starts what the query needs, no more (every byte counts on a big site): an id, the HEAD of its
 * article's JSON, going there if it exists; a file name, its stem's JSON; words, the word index;
 * with a filter, Pagefind. `words()` and `text()` start the word and the Pagefind search on demand
 * (after an id the site lacks, a file name no table lists, words the word index lacks, a click)
 * and return the same promise each time.
 */
export function startSearch(prefix, search) {
  const request = readQuery(search);
  const { query, filters, fileFilter, id } = request;
  const filtered = Object.keys(filters).length > 0 || fileFilter !== "";
  let text = null;
  // The word index knows no filters: a filtered search is Pagefind's.
  let words = filtered ? Promise.resolve(null) : null;
  const started = {
    request,
    page: PAGE,
    article: null,
    files: null,
    text: () => (text ??= searchText(prefix, request)),
    words: () => (words ??= searchWords(prefix, query).catch(() => null)),
  };
  if (!query && !filtered) return started;
  if (id) {
    const url = prefix + articlePath(id);
    started.article = fetch(`${url}index.json`, { method: "HEAD" }).then(
      (response) => (response.ok && location.replace(url), response.ok),
      () => false,
    );
  } else if (!filtered && looksLikeFileName(query)) {
    started.files = json(prefix + fileStemPath(query));
    // A word without an extension is more often a word than a file: its bucket too, at once.
    if (!query.includes(".")) started.words();
  } else if (filtered) {
    started.text().catch(() => {}); // the failure is search.js's to show, when it asks
  } else {
    started.words();
  }
  return started;
}

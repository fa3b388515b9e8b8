// The search page's network work, started as early as the page allows: the build bundles this
// file (src/generate/write/scripts.ts, with the URL rules and the word index's) into a script
// inline at the top of the page's head,
// so an id's article, a file name's list, or the words' buckets and the first results' records
// are on their way before the style sheet and search.js have loaded. No DOM here: search.js shows
// what these promises bring, and imports this file's bundle (/assets/search-start.js) if the
// inline script did not run (a Content-Security-Policy without 'unsafe-inline').
import {
  FILE_STEMS_PATH,
  articlePath,
  fileStemPath,
  stemSlug,
  looksLikeFileName,
  parseKbId,
  slug,
  withPrefix,
} from "../../src/site/urls.ts";
import {
  FILTERS,
  decodeIds,
  filterPath,
  findArticles,
  holdsPhrases,
  passage,
  termFile,
} from "../../src/words/index.ts";
import { FEW } from "../../src/words/correct.ts";

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
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  // Not a Pagefind filter (thousands of values would make the index a third dearer to build):
  // answered from the file's stem JSON.
  const fileFilter = (params.get("file") ?? "").trim().toLowerCase();
  // exact=1: the link under a corrected query, which asks for the words as typed.
  const exact = params.get("exact") === "1";
  return { query, filters, fileFilter, id: parseKbId(query), exact };
}

/** A JSON file's value, or null when it is missing or unreadable. */
async function json(url) {
  const response = await fetch(url).catch(() => null);
  return response && response.ok ? response.json().catch(() => null) : null;
}

let stemList = null;

/**
 * A file stem's JSON (urls.ts fileStemPath), or null: asked for only if the site's list of stems
 * has it, so a word no file table holds makes no request that 404s. The list is asked for once.
 */
async function stemFile(prefix, name) {
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
async function searchText(prefix, { query, filters, fileFilter }) {
  const [{ pagefind, hidden }, listing] = await Promise.all([
    loadPagefind(prefix),
    fileFilter ? stemFile(prefix, fileFilter) : null,
  ]);
  const search = (await pagefind.search(query || null, { filters })) ?? { results: [] };
  return { results: search.results, hidden, listing };
}

/**
 * The id numbers the request's filters let through (each filter's list from the word index, the
 * file filter's from its stem JSON), or null when it has no filter.
 */
async function allowedIds(prefix, { filters, fileFilter }) {
  const lists = Object.entries(filters).map(async ([name, value]) =>
    decodeIds((await json(prefix + filterPath(name, value)))?.[value] ?? ""),
  );
  if (fileFilter)
    lists.push(
      stemFile(prefix, fileFilter).then((byName) =>
        (byName?.[slug(fileFilter)] ?? []).map((row) => Number(row.id.slice(1))),
      ),
    );
  if (lists.length === 0) return null;
  const [first, ...rest] = await Promise.all(lists);
  let allowed = new Set(first);
  for (const ids of rest) allowed = new Set(ids.filter((n) => allowed.has(n)));
  return allowed;
}

/**
 * Word results from the word index (src/words/): every article holding all the query's words and
 * passing its filters, ranked, and the records of the first FIRST already asked for; with filters
 * and no words, every article passing them, in id order. `missing` lists the query's words no
 * article holds (the page asks Pagefind then, which also matches the start of a word).
 */
async function searchWords(prefix, request) {
  const allowing = allowedIds(prefix, request);
  allowing.catch(() => {}); // awaited below, once the buckets are in
  const buckets = new Map();
  const bucket = (key) => {
    const path = prefix + termFile(key);
    if (!buckets.has(path)) buckets.set(path, json(path));
    return buckets.get(path);
  };
  const text = request.id ? request.id : request.query;
  // Filtered, every article is needed at once; else the tails wait for "more" (engine.ts rest).
  const complete = Object.keys(request.filters).length > 0 || Boolean(request.fileFilter);
  const find = (again) => findArticles(again, bucket, { complete });
  const exact = await find(text);
  const asIs = request.exact || request.id;
  // A word that matches nothing waits for its correction; a few results are shown at once, and
  // their correction (`later`) is added below them when it comes.
  const found = exact.missing.length ? await corrected(prefix, text, exact, find, asIs) : exact;
  const { query } = found;
  const allowed = await allowing;
  let ranked = found.ranked;
  if (query.words.length) {
    if (allowed) ranked = ranked.filter(({ id }) => allowed.has(Number(id.slice(1))));
  } else if (allowed) {
    ranked = [...allowed].sort((a, b) => a - b).map((n) => ({ id: `Q${n}`, score: 0 }));
  }
  const few =
    !asIs && !exact.missing.length && !found.rest && query.words.length && ranked.length < FEW;
  let asked = null;
  const later = () =>
    (asked ??= !few
      ? Promise.resolve(null)
      : corrected(prefix, text, exact, find, false)
          .then((more) => {
            if (!more.correction) return null;
            const held = new Set(ranked.map((r) => r.id));
            const added = more.ranked.filter(
              (r) => !held.has(r.id) && (!allowed || allowed.has(Number(r.id.slice(1)))),
            );
            ranked.push(...added);
            const words = more.query.words;
            return {
              correction: more.correction,
              added: added.length,
              passage: (r) => passage(r, words),
            };
          })
          .catch(() => null));
  // Kept, as the page and a quoted phrase's check ahead of it ask for the same records.
  const fetched = new Map();
  const record = (id) => {
    if (!fetched.has(id)) fetched.set(id, json(`${withPrefix(prefix, articlePath(id))}index.json`));
    return fetched.get(id);
  };
  const records = (from, to) => ranked.slice(from, to).map(({ id }) => record(id));
  // Past the strong tiers' articles (engine.ts rest): read when "more" has shown the rest.
  const all = { done: !found.rest, next: 0 };
  all.more = (next) => ((all.next = next), next < ranked.length || !all.done);
  all.filled = (show) => async () => {
    if (!all.done && all.next >= ranked.length)
      (ranked.push(...(await found.rest()).slice(ranked.length)), (all.done = true));
    return show();
  };
  return {
    query,
    ranked,
    all,
    missing: found.missing,
    correction: found.correction,
    /**
     * With a few results, asked for once they are shown: their correction's, added to `ranked`
     * (resolves to { correction, added, passage } or null).
     */
    later,
    first: records(0, FIRST),
    records,
    /** Where the query matched in a record: its section and the passage, words marked. */
    passage: (record) => passage(record, query.words),
    /** Whether a record holds the query's quoted phrases word for word. */
    holds: (record) => holdsPhrases(record, query.phrases),
  };
}

/**
 * The exact results, or when a word matches nothing (or the query almost nothing) those of the
 * closest words the archive holds, below the exact ones, with `correction` saying what was
 * searched instead (layouts/assets/fuzzy.ts, loaded only then).
 */
async function corrected(prefix, text, found, find, exact) {
  if (exact || (!found.missing.length && found.ranked.length >= FEW)) return found;
  const fuzzy = await import(`${prefix}assets/fuzzy.js`).catch(() => null);
  if (!fuzzy) return found;
  return fuzzy.corrected(prefix, text, found, find);
}

/**
 * Starts what the query needs, no more (every byte counts on a big site): an id, the HEAD of its
 * article's JSON, going there if it exists; a file name, its stem's JSON; words or filters, the
 * word index. `words()` and `text()` start the word and the Pagefind search on demand (after an
 * id the site lacks, a file name no table lists, words the word index lacks, a click) and return
 * the same promise each time.
 */
export function startSearch(prefix, search) {
  const request = readQuery(search);
  const { query, filters, fileFilter, id } = request;
  const filtered = Object.keys(filters).length > 0 || fileFilter !== "";
  let text = null;
  let words = null;
  const started = {
    request,
    page: PAGE,
    article: null,
    files: null,
    text: () => (text ??= searchText(prefix, request)),
    words: () => (words ??= searchWords(prefix, request).catch(() => null)),
    /** An article's record (null if it cannot be had), and a passage of it (src/words/). */
    record: (id) => json(`${withPrefix(prefix, articlePath(id))}index.json`),
    passage,
  };
  if (!query && !filtered) return started;
  if (id) {
    const url = withPrefix(prefix, articlePath(id));
    started.article = fetch(`${url}index.json`, { method: "HEAD" }).then(
      (response) => (response.ok && location.replace(url), response.ok),
      () => false,
    );
  } else if (!filtered && looksLikeFileName(query)) {
    started.files = stemFile(prefix, query);
    // The articles that mention it come after those whose table lists it: their buckets at once.
    started.words();
  } else {
    started.words();
  }
  return started;
}

// The search page's network work, started as early as the page allows: the build bundles this
// file (src/generate/write/scripts.ts, with the URL rules and the word index's) into a script
// inline at the top of the page's head,
// so an id's article, a file name's list, or the words' buckets and the first results' records
// are on their way before the style sheet and search.js have loaded. No DOM here: search.js shows
// what these promises bring, and imports this file's bundle (/assets/search-start.js) if the
// inline script did not run (a Content-Security-Policy without 'unsafe-inline').
import { articlePath, looksLikeFileName, parseKbId, withPrefix } from "../../src/site/urls.ts";
import { FILTERS, passage } from "../../src/words/index.ts";
import { json, searchText, stemFile } from "./search-fetch.js";
import { searchWords } from "./search-words.js";
/** Results shown at a time. */
export const PAGE = 20;

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

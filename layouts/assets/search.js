// The search page. The query comes from the address (?q=…&product=…&year=…&file=…), so a search
// can be linked. A KB id goes straight to its article (checked with a HEAD of its index.json);
// an id the site lacks says so, then lists the articles that mention it. A file name lists the
// articles whose file table has it first (one small JSON per file stem), then those that mention
// it. Words and filters are answered from the word index (src/words/): each result
// shows the passage where it matched, in its section, and links there. A word no article holds
// may be the start of a name: Pagefind's index of the names answers it, and only results that
// hold every word's start are kept. Nothing matching says so and lists nothing.
// The fetching starts in search-start.js, inline at the top of the page's head;
// this file shows what it brings, as links inside [data-search-results].
import { articlePath, slug, withPrefix } from "../../src/site/urls.ts";
import {
  cleanSubmit,
  describeRows,
  fileHits,
  meta,
  describe,
  moreButton,
  resultItem,
  startsOfWords,
  walkResults,
} from "./search-items.js";
import { showNames } from "./search-names-list.js";
import { showWords } from "./search-words-list.js";

const prefix = document.documentElement.dataset.prefix || "/";
cleanSubmit(document.querySelector("[data-search-form]"));
const results = document.querySelector("[data-search-results]");
const status = document.querySelector("[data-search-status]");
// Started inline in the head; loaded here only if that script did not run.
const started =
  window.kbSearchStarted ??
  (await import("./search-start.js")).startSearch(prefix, location.search);
const { query, filters, fileFilter, id } = started.request;
const PAGE = started.page;
for (const [name, value] of [["q", query], ["file", fileFilter], ...Object.entries(filters)]) {
  const field = document.getElementById(name);
  if (field) field.value = value;
}

/** The request in words, for the status line: “memory leak” with product …, year 2001. */
const described = describe(query, filters, fileFilter);
const describedQuery = described;

const say = (text) => status && (status.textContent = text);

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** Articles listed from file tables: when there are, the status line starts with them. */
let fromTables = 0;

/**
 * The status line for `n` results past the file tables': `open` is "" when
 * `n` is all paging can reach, "at least" while the tails are unread, or a note on the phrase
 * check still running ("so far; checking 20 more…"), so no number says more than is reachable.
 */
function tell(n, open = "", where = "") {
  const less = open === "at least" ? "at least " : "";
  const note = open && !less ? ` ${open}` : "";
  // A full stop, unless the note's "checking 20 more…" ends the sentence already.
  const end = (text) => (text.endsWith("…") ? text : `${text}.`);
  if (fromTables) {
    const listed = `${plural(fromTables, "article lists", "articles list")} ${query} in ${fromTables === 1 ? "its file table" : "their file tables"}`;
    say(
      n || open
        ? end(`${listed}; ${less}${plural(n, "more mentions", "more mention")} it${note}`)
        : `${listed}.`,
    );
  } else if (id && !n && !open) say(`This site has no article ${id}, and no article mentions it.`);
  else if (id)
    say(
      end(
        `This site has no article ${id}; ${less}${plural(n, "article mentions", "articles mention")} it${note}`,
      ),
    );
  else if (!n && !open) say(`No articles match ${where}.`);
  else
    say(
      end(
        `${less ? "At least " : ""}${n} ${n === 1 && !less ? "article matches" : "articles match"} ${where}${note}`,
      ),
    );
}

async function run() {
  if (!query && !Object.keys(filters).length && !fileFilter) {
    say("Type an article id (Q265433), a file name (rpcss.exe), an error message or words.");
    return;
  }
  if (id) {
    if (await started.article) {
      say(`Going to ${id}…`); // search-start.js has called location.replace
      return;
    }
    say(`This site has no article ${id}; looking for articles that mention it…`);
  } else {
    say("Searching…");
  }

  const list = Object.assign(document.createElement("ol"), { className: "results" });
  results.replaceChildren(list);
  const shown = new Set();

  // A file name: the articles whose file table lists it first, then those that mention it.
  const byFile = started.files ? fileHits(prefix, query, (await started.files) ?? {}) : [];
  for (const hit of byFile) {
    shown.add(hit.id);
    list.append(resultItem({ ...hit, excerpt: describeRows(hit.rows), badge: "File table" }));
  }
  fromTables = byFile.length;
  await searchAll(list, shown);
}

/** Results from the word index, or from Pagefind for words it lacks. */
async function searchAll(list, shown) {
  const found = await started.words();
  if (found?.correction) list.before(correctionLine(found.correction.text, found.exact > 0));
  if (found && found.missing.length === 0) return showWords(page, list, shown, found);
  return showNames(page, list, shown);
}

/**
 * "Showing results for CoCreateInstance; search instead for CoCreateInstnace", the second a link
 * to the exact search (&exact=1: no correction); "Also showing …; search only for …" when some
 * results hold the words as typed (they come first).
 */
function correctionLine(text, alsoExact) {
  const p = Object.assign(document.createElement("p"), { className: "search-fix" });
  const exact = new URLSearchParams(location.search);
  exact.set("exact", "1");
  const link = Object.assign(document.createElement("a"), {
    href: `?${exact}`,
    textContent: query,
  });
  const strong = Object.assign(document.createElement("strong"), { textContent: text });
  if (alsoExact) p.append("Also showing results for ", strong, "; search only for ", link);
  else p.append("Showing results for ", strong, "; search instead for ", link);
  return p;
}

/** What the lists (search-words-list.js, search-names-list.js) need of the page. */
const page = {
  prefix,
  started,
  results,
  request: started.request,
  page: PAGE,
  described: describedQuery,
  say,
  tell,
  correctionLine,
};

run();

walkResults(results);

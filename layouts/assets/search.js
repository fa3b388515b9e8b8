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
/** Phrase candidates read ahead of the page to check them: past it, "Show more" reads on. */
const AHEAD = 100;
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
  if (found && found.missing.length === 0) return showWords(list, shown, found);
  return showNames(list, shown);
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

/**
 * Word results, PAGE at a time, each shown as its record arrives, in rank order, with the
 * passage where it matched; "more" reads the articles past the strong tiers' ("at least" till
 * then). A quoted phrase is checked on each record's text: the records ahead of the page are read
 * in the background (AHEAD at most), and the count is of the checked ones till all are.
 */
async function showWords(list, shown, found) {
  const { query: parsed, ranked, first, records, passage, holds, correction, all } = found;
  const described = correction ? describe(correction.text, filters, fileFilter) : describedQuery;
  if (parsed.words.length === 0 && !Object.keys(filters).length && !fileFilter) {
    say(`“${query}” has only words too common to search for; add a rarer one.`);
    return;
  }
  const listed = new Set(shown); // the file tables' articles, counted apart
  const checked = new Map(); // id → whether its record holds the quoted phrases
  const phrased = parsed.phrases.length > 0;
  let next = 0;
  let target = list;
  let where = passage;
  const mark = (hit, record) => checked.set(hit.id, !record || holds(record));
  const showMore = async (pending = records(next, next + PAGE)) => {
    const batch = ranked.slice(next, next + pending.length);
    next += pending.length;
    for (const [i, hit] of batch.entries()) {
      const record = await pending[i];
      mark(hit, record);
      if (!checked.get(hit.id) || shown.has(hit.id)) continue;
      shown.add(hit.id);
      const at = record ? where(record) : null;
      const anchor = at?.section ? `#${at.section.id}` : "";
      target.append(
        resultItem({
          id: hit.id,
          title: record?.title ?? "",
          url: withPrefix(prefix, articlePath(hit.id)) + anchor,
          meta: record ? meta(record, at?.section?.heading) : "",
          excerpt: at?.pieces,
        }),
      );
    }
    if (phrased && ready) checkAhead();
    recount();
  };
  // The phrase check past the page: candidates [0, checkedTo) are read or being read.
  let checkedTo = 0;
  let checking = false;
  const checkAhead = async () => {
    if (checking) return;
    checking = true;
    while (checkedTo < Math.min(ranked.length, next + AHEAD)) {
      const from = Math.max(checkedTo, next);
      const to = Math.min(from + PAGE, ranked.length);
      checkedTo = to;
      const read = await Promise.all(records(from, to));
      ranked.slice(from, to).forEach((hit, i) => mark(hit, read[i]));
      recount();
    }
    checking = false;
    recount();
  };
  // A correction's results, added at the end below the exact ones, are not counted (a query with
  // a correction has no tails: the end of `ranked` is theirs).
  let corrected = 0;
  let ready = false; // the status line waits for the first page
  const recount = () => {
    if (!ready) return;
    const counted = ranked.slice(0, ranked.length - corrected).filter((hit) => !listed.has(hit.id));
    if (!phrased) return tell(counted.length, all.done ? "" : "at least", described);
    const holding = counted.filter((hit) => checked.get(hit.id)).length;
    const unknown = counted.filter((hit) => !checked.has(hit.id)).length;
    if (!unknown) return tell(holding, "", described);
    const read = counted.length - unknown;
    tell(
      holding,
      checking
        ? `so far; checking ${unknown} more…`
        : `of the first ${read} checked; “Show more results” checks the other ${unknown}`,
      described,
    );
  };
  await showMore(first.slice(0, PAGE)); // a screenful, asked for in the head
  await showMore(records(next, PAGE)); // the rest of the first page
  // A few exact results are shown at once; a correction's come after them, in a list below.
  const more = await found.later?.();
  if (more?.added) {
    corrected = more.added;
    target = Object.assign(document.createElement("ol"), { className: "results" });
    list.after(correctionLine(more.correction.text, true), target);
    where = more.passage;
    await showMore(records(next, next + PAGE));
  }
  ready = true;
  if (phrased) checkAhead();
  recount();
  // More while the tails are unread or a result is left to show (not a phrase's known misses).
  const left = () =>
    all.more(next) &&
    (!all.done ||
      ranked.slice(next).some((hit) => checked.get(hit.id) !== false && !shown.has(hit.id)));
  moreButton(results, all.filled(showMore), left);
}

/**
 * Pagefind's results for the start of a word (cocreatei), from the articles' names, 20 at a
 * time, leaving out articles already listed and any that do not hold the start of every word.
 */
async function showNames(list, shown) {
  say("Searching titles, keywords and file names…");
  let found;
  try {
    found = await started.text();
  } catch (error) {
    say(`The search index could not be loaded (${error.message}).`);
    return 0;
  }
  const { results: rest, hidden } = found;
  // With a file filter: only the articles whose file table lists that very file.
  const listing = fileFilter
    ? new Set((found.listing?.[slug(fileFilter)] ?? []).map((row) => row.id))
    : null;
  let next = 0;
  let added = 0;
  // Pagefind's results are checked as they are shown: the count is of those, "at least" till all are.
  const where = `${described} in its names`;
  const showMore = async () => {
    const batch = rest.slice(next, next + PAGE);
    next += batch.length;
    // All fetched at once, shown in order as each arrives: the first result needs only its own.
    for (const pending of batch.map((r) => r.data())) {
      const data = await pending;
      const hitId = data.meta.id ?? "";
      if (hidden.has(hitId) && data.meta.delta !== "1") continue;
      if (listing && !listing.has(hitId)) continue;
      if (!startsOfWords(data.content ?? "", query)) continue;
      if (shown.has(hitId)) continue;
      shown.add(hitId);
      added++;
      // Pagefind holds the names alone: the start of the text comes from the record, later,
      // into a line kept for it, so the results below move less when it arrives.
      const li = resultItem({
        id: hitId,
        title: data.meta.title ?? "",
        url: data.url,
        excerpt: "\u00a0",
      });
      list.append(li);
      started.record(hitId).then((record) => {
        const held = li.querySelector(".excerpt");
        if (record) held.replaceWith(resultItem.passageNode(started.passage(record, []).pieces));
        else held.remove();
      });
    }
  };
  await showMore();
  while (added === 0 && next < rest.length) await showMore();
  const recounted = async () => (
    await showMore(),
    tell(added, next < rest.length ? "at least" : "", where)
  );
  moreButton(results, recounted, () => next < rest.length);
  tell(added, next < rest.length ? "at least" : "", added ? where : described);
}

run();

walkResults(results);

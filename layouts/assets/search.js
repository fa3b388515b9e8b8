// The search page. The query comes from the address (?q=…&product=…&year=…&file=…), so a search
// can be linked. A KB id goes straight to its article (checked with a HEAD of its index.json);
// a file name puts the articles whose file table lists it first (one small JSON per file stem);
// words and filters are answered from the word index (layouts/search/words.js), and what it
// cannot answer (parts of words, words it lacks) from Pagefind, its shards listed in
// pagefind/shards.json merged into one index. The fetching starts in layouts/search/search-start.js, inline at the top of the
// page's head; this file shows what it brings, as links inside [data-search-results].
import { articlePath, fileStem, slug } from "./kb.js";

const prefix = document.documentElement.dataset.prefix || "/";
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
const narrowed = [...Object.entries(filters), ...(fileFilter ? [["file", fileFilter]] : [])]
  .map(([name, value]) => `${name} ${value}`)
  .join(", ");
const described = !query ? narrowed : narrowed ? `“${query}” with ${narrowed}` : `“${query}”`;

const say = (text) => {
  if (status) status.textContent = text;
};

/** Rows of file tables naming the file: exact name first if the query has an extension. */
function fileHits(q, byName) {
  const exact = slug(q) !== fileStem(q) ? slug(q) : null;
  const names = Object.keys(byName).filter((name) => !exact || name === exact);
  const articles = new Map();
  for (const name of names) {
    for (const row of byName[name]) {
      const entry = articles.get(row.id) ?? {
        id: row.id,
        title: row.title,
        url: prefix + row.url.slice(1),
        rows: [],
      };
      entry.rows.push(row);
      articles.set(row.id, entry);
    }
  }
  return [...articles.values()].sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
}

function describeRows(rows) {
  return rows
    .map((r) => [r.name, r.version, r.platform, r.date].filter(Boolean).join(" · "))
    .filter((line, i, all) => all.indexOf(line) === i)
    .join("; ");
}

/** A word-index excerpt: [text, marked] pieces. */
function piecesNode(pieces) {
  const p = Object.assign(document.createElement("p"), { className: "excerpt" });
  for (const [text, marked] of pieces)
    p.append(marked ? Object.assign(document.createElement("mark"), { textContent: text }) : text);
  return p;
}

function item({ id, title, url, excerpt, badge }) {
  const li = document.createElement("li");
  const a = Object.assign(document.createElement("a"), { className: "result-title", href: url });
  a.append(
    Object.assign(document.createElement("span"), { className: "kb-id", textContent: id }),
    ` ${title}`,
  );
  li.append(a);
  if (badge)
    li.append(
      Object.assign(document.createElement("span"), { className: "badge", textContent: badge }),
    );
  if (typeof excerpt === "string")
    li.append(
      Object.assign(document.createElement("p"), { className: "excerpt", textContent: excerpt }),
    );
  else if (excerpt) li.append(excerpt);
  return li;
}

async function run() {
  if (!query && !Object.keys(filters).length && !fileFilter) {
    say("Type an article id (Q265433), a file name (rpcss.exe) or words.");
    return;
  }
  if (id) {
    if (await started.article) {
      say(`Going to ${id}…`); // search-start.js has called location.replace
      return;
    }
    say(`This site has no article ${id}; searching the text for it.`);
  } else {
    say("Searching…");
  }

  const list = Object.assign(document.createElement("ol"), { className: "results" });
  results.replaceChildren(list);
  const shown = new Set();
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

  // A file name answers from one small JSON: the articles whose file table lists it, those whose
  // title names it first. The text search waits for a click on the button below.
  const byFile = started.files ? fileHits(query, (await started.files) ?? {}) : [];
  if (byFile.length) {
    const stem = fileStem(query);
    const named = (hit) => (hit.title.toLowerCase().includes(stem) ? 0 : 1);
    byFile.sort((a, b) => named(a) - named(b) || Number(a.id.slice(1)) - Number(b.id.slice(1)));
    for (const hit of byFile) {
      shown.add(hit.id);
      list.append(item({ ...hit, excerpt: describeRows(hit.rows), badge: "File table" }));
    }
    const text = Object.assign(document.createElement("button"), {
      type: "button",
      textContent: `Also show articles that mention “${query}”`,
    });
    text.addEventListener("click", () => (text.remove(), searchAll(list, shown)));
    results.append(text);
    say(
      `${plural(byFile.length, "article lists", "articles list")} ${query} in ${byFile.length === 1 ? "its file table" : "their file tables"}.`,
    );
    return;
  }
  await searchAll(list, shown);
  if (shown.size === 0) {
    say(
      id
        ? `This site has no article ${id}, and no article mentions it.`
        : `No articles match ${described}.`,
    );
  }
}

/** Results from the word index, or from Pagefind when it has none. */
async function searchAll(list, shown) {
  const found = await started.words();
  if (found) await searchWords(list, shown, found);
  else await searchText(list, shown);
}

/** A "Show more results" button under the list while `more()` says there are more. */
function moreButton(showMore, more) {
  if (!more()) return;
  const button = Object.assign(document.createElement("button"), {
    type: "button",
    textContent: "Show more results",
  });
  button.addEventListener("click", async () => {
    await showMore();
    if (!more()) button.remove();
  });
  results.append(button);
}

/** Word results, PAGE at a time, each shown as its record arrives, in rank order. */
async function searchWords(list, shown, { ranked, first, records, excerpt }) {
  let next = 0;
  const showMore = async (pending = records(next, next + PAGE)) => {
    const batch = ranked.slice(next, next + pending.length);
    next += pending.length;
    for (const [i, hit] of batch.entries()) {
      if (shown.has(hit.id)) continue;
      shown.add(hit.id);
      const record = await pending[i];
      list.append(
        item({
          id: hit.id,
          title: record?.title ?? "",
          url: prefix + articlePath(hit.id),
          excerpt: record ? piecesNode(excerpt(record)) : null,
        }),
      );
    }
  };
  await showMore(first); // a screenful, asked for in the head
  await showMore(records(next, PAGE)); // the rest of the first page
  moreButton(showMore, () => next < ranked.length);
  const n = ranked.length;
  say(`${n} ${n === 1 ? "article matches" : "articles match"} ${described}.`);
}

/** Results from Pagefind (parts of words), 20 at a time, leaving out articles already listed. */
async function searchText(list, shown) {
  say("Searching titles, keywords and file names…");
  let found;
  try {
    found = await started.text();
  } catch (error) {
    say(`The search index could not be loaded (${error.message}).`);
    return;
  }
  const { results: rest, hidden } = found;
  // With a file filter: only the articles whose file table lists that very file.
  const listing = fileFilter
    ? new Set((found.listing?.[slug(fileFilter)] ?? []).map((row) => row.id))
    : null;
  let next = 0;
  const showMore = async () => {
    const batch = rest.slice(next, next + PAGE);
    next += batch.length;
    // All fetched at once, shown in order as each arrives: the first result needs only its own.
    for (const pending of batch.map((r) => r.data())) {
      const data = await pending;
      const hitId = data.meta.id ?? "";
      if (hidden.has(hitId) && data.meta.delta !== "1") continue;
      if (listing && !listing.has(hitId)) continue;
      if (shown.has(hitId)) continue;
      shown.add(hitId);
      const li = item({ id: hitId, title: data.meta.title ?? "", url: data.url });
      list.append(li);
      // Pagefind holds the names alone: the start of the text comes from the record, later.
      started
        .record(hitId)
        .then((record) => record && li.append(piecesNode(started.excerpt(record, []))));
    }
  };
  await showMore();
  moreButton(showMore, () => next < rest.length);
  say(`${rest.length} ${rest.length === 1 ? "article matches" : "articles match"} ${described}.`);
}

run();

// Arrow keys walk the results: down from the query box to the first result, then from link to
// link; up from the first result back to the box. Other keys keep their usual meaning.
document.addEventListener("keydown", (event) => {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const box = document.getElementById("q");
  const links = [...results.querySelectorAll("a.result-title")];
  const at = links.indexOf(document.activeElement);
  if (!links.length || (at < 0 && document.activeElement !== box)) return;
  const next = at + (event.key === "ArrowDown" ? 1 : -1);
  if (next >= links.length || (at < 0 && next < 0)) return;
  event.preventDefault();
  (next < 0 ? box : links[next]).focus();
});

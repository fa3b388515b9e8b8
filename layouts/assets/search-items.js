// The search page's result items: an article's id and title as a link (to the section where the
// query matched), a line of what it is (product, date, section), and the passage or file rows;
// with the list's "Show more" button, its status line's words and its arrow-key walk. Built as
// DOM nodes with textContent only: article text is data, never markup.
import { fileStem, slug } from "../../src/site/urls.ts";

/** [text, marked] pieces as a paragraph, marked pieces in <mark>. */
function passageNode(pieces) {
  const p = Object.assign(document.createElement("p"), { className: "excerpt" });
  for (const [text, marked] of pieces)
    p.append(marked ? Object.assign(document.createElement("mark"), { textContent: text }) : text);
  return p;
}

const span = (className, textContent) =>
  Object.assign(document.createElement("span"), { className, textContent });

/**
 * One result: `excerpt` is a string (file rows) or passage pieces; `meta` the line under the
 * title; `badge` a label beside it ("File table").
 */
export function resultItem({ id, title, url, excerpt, badge, meta }) {
  const li = document.createElement("li");
  const a = Object.assign(document.createElement("a"), { className: "result-title", href: url });
  a.append(span("kb-id", id), ` ${title}`);
  li.append(a);
  if (badge) li.append(span("badge", badge));
  if (meta)
    li.append(
      Object.assign(document.createElement("p"), { className: "result-meta", textContent: meta }),
    );
  if (typeof excerpt === "string")
    li.append(
      Object.assign(document.createElement("p"), { className: "excerpt", textContent: excerpt }),
    );
  else if (excerpt?.length) li.append(passageNode(excerpt));
  return li;
}
resultItem.passageNode = passageNode;

/** "Microsoft Windows NT · 2002-05-08 · in CAUSE": what the result is, and where it matched. */
export function meta(record, heading) {
  const parts = [record.products?.[0], record.lastModified];
  if (heading) parts.push(`in ${heading}`);
  return parts.filter(Boolean).join(" · ");
}

/** Whether every word of `query` starts a word of `text` (a part of a word matches its word). */
export function startsOfWords(text, query) {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const wanted = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return wanted.length > 0 && wanted.every((w) => words.some((word) => word.startsWith(w)));
}

/**
 * The articles whose file tables name the file (only that very name if the query has an
 * extension), those whose title names it first, then by id.
 */
export function fileHits(prefix, q, byName) {
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
  const stem = fileStem(q);
  const named = (hit) => (hit.title.toLowerCase().includes(stem) ? 0 : 1);
  const byId = (a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1));
  return [...articles.values()].sort((a, b) => named(a) - named(b) || byId(a, b));
}

export function describeRows(rows) {
  return rows
    .map((r) => [r.name, r.version, r.platform, r.date].filter(Boolean).join(" · "))
    .filter((line, i, all) => all.indexOf(line) === i)
    .join("; ");
}

/**
 * A "Show more results" button under the list while `more()` says there are more. The keyboard
 * focus goes to the first result it brought (the button may be gone), so the reader reads on.
 */
export function moreButton(results, showMore, more) {
  if (!more()) return;
  const button = Object.assign(document.createElement("button"), {
    type: "button",
    textContent: "Show more results",
  });
  button.addEventListener("click", async () => {
    const before = results.querySelectorAll("a.result-title").length;
    let first;
    // A page may bring nothing new (a phrase's misses): read on till it does or none are left.
    do {
      await showMore();
      first = results.querySelectorAll("a.result-title")[before];
    } while (!first && more());
    if (!more()) button.remove();
    first?.focus();
  });
  results.append(button);
}

/** The request in words, for the status line: “memory leak” with product …, year 2001. */
export function describe(query, filters, fileFilter) {
  const narrowed = [...Object.entries(filters), ...(fileFilter ? [["file", fileFilter]] : [])]
    .map(([name, value]) => `${name} ${value}`)
    .join(", ");
  // A query in quotes already is shown as it is, not in a second pair.
  const quotedQuery = /^["“].*["”]$/.test(query) ? query : `“${query}”`;
  return !query ? narrowed : narrowed ? `${quotedQuery} with ${narrowed}` : quotedQuery;
}

/**
 * Arrow keys walk the results wherever the focus is on the page: down to the first result (from
 * the query box, the page itself after a submit, a link), then from link to link; up from the
 * first result back to the box. Other form controls keep their arrows, as do modified keys.
 */
export function walkResults(results) {
  document.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    if (event.defaultPrevented) return; // the box's open suggestions took the key
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const box = document.getElementById("q");
    const active = document.activeElement;
    if (active !== box && ownsArrows(active)) return;
    const links = [...results.querySelectorAll("a.result-title")];
    const at = links.indexOf(active);
    if (!links.length) return;
    const next = at + (event.key === "ArrowDown" ? 1 : -1);
    // Outside the results, only down enters them; up scrolls as ever (but from the box).
    if (next >= links.length || (at < 0 && next < 0)) return;
    event.preventDefault();
    (next < 0 ? box : links[next]).focus();
  });
}

/** Whether an element uses the arrow keys itself: a select, a text field, an editable region. */
function ownsArrows(element) {
  return (
    element instanceof HTMLElement &&
    (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName))
  );
}

/**
 * The search form sends only the fields that say something: no "&product=&year=" in the address.
 * Without JavaScript the form is sent as it is, which works the same.
 */
export function cleanSubmit(form) {
  form?.addEventListener("submit", (event) => {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form))
      if (typeof value === "string" && value.trim() !== "") params.append(name, value);
    event.preventDefault();
    const query = params.toString();
    location.assign(`${form.action}${query ? `?${query}` : ""}`);
  });
}

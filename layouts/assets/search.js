// The search page. The query comes from the address (?q=…&product=…&year=…&file=…), so a search
// can be linked. A KB id goes straight to its article (checked with a HEAD of its index.json);
// a file name puts the articles whose file table lists it first (one small JSON per file stem);
// then Pagefind's full-text results, from the shards listed in pagefind/shards.json merged into
// one index. Results are links inside [data-search-results].
import { articlePath, fileStem, fileStemPath, looksLikeFileName, parseKbId, slug } from "./kb.js";

const PAGE = 20;
const prefix = document.documentElement.dataset.prefix || "/";
const results = document.querySelector("[data-search-results]");
const status = document.querySelector("[data-search-status]");
const params = new URLSearchParams(location.search);
const query = (params.get("q") ?? "").trim();
const filters = {};
for (const name of ["product", "year"]) {
  const value = params.get(name);
  if (value) filters[name] = value;
}
// Not a Pagefind filter (thousands of values would make the index a third dearer to build):
// answered from the file's stem JSON.
const fileFilter = (params.get("file") ?? "").trim().toLowerCase();
for (const [name, value] of [["q", query], ["file", fileFilter], ...Object.entries(filters)]) {
  const field = document.getElementById(name);
  if (field) field.value = value;
}

const say = (text) => {
  if (status) status.textContent = text;
};

async function exists(url) {
  try {
    return (await fetch(url, { method: "HEAD" })).ok;
  } catch {
    return false;
  }
}

/** Rows of file tables naming the file: exact name first if the query has an extension. */
async function fileHits(q) {
  if (!looksLikeFileName(q)) return [];
  const response = await fetch(prefix + fileStemPath(q)).catch(() => null);
  if (!response || !response.ok) return [];
  const byName = await response.json();
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

/** Pagefind's excerpt is HTML with <mark>: keep its text and marks, nothing else. */
function excerptNode(excerpt) {
  const template = document.createElement("template");
  template.innerHTML = excerpt;
  const p = Object.assign(document.createElement("p"), { className: "excerpt" });
  for (const node of template.content.childNodes) {
    if (node.nodeName === "MARK")
      p.append(Object.assign(document.createElement("mark"), { textContent: node.textContent }));
    else p.append(document.createTextNode(node.textContent ?? ""));
  }
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

/** The ids of the articles whose file table lists `name` (exactly, by slug). */
async function idsListing(name) {
  const response = await fetch(prefix + fileStemPath(name)).catch(() => null);
  const byName = response && response.ok ? await response.json() : {};
  return new Set((byName[slug(name)] ?? []).map((row) => row.id));
}

/**
 * Pagefind with every shard merged in. `hidden` lists ids whose entries in the full shards are
 * out of date (changed or removed since they were built): only the delta bundle's entry counts.
 */
async function loadPagefind() {
  const [pagefind, shards] = await Promise.all([
    import(`${prefix}pagefind/pagefind.js`),
    fetch(`${prefix}pagefind/shards.json`)
      .then((r) => (r.ok ? r.json() : {}))
      .catch(() => ({})),
  ]);
  await pagefind.options({ baseUrl: prefix, excerptLength: 30, noWorker: true });
  await Promise.all(
    (shards.bundles ?? []).map((bundle) =>
      pagefind.mergeIndex(prefix + bundle, { baseUrl: prefix }),
    ),
  );
  return { pagefind, hidden: new Set(shards.hidden ?? []) };
}

async function run() {
  if (!query && !Object.keys(filters).length && !fileFilter) {
    say("Type an article id (Q265433), a file name (rpcss.exe) or words.");
    return;
  }
  const id = parseKbId(query);
  if (id) {
    const url = prefix + articlePath(id);
    if (await exists(`${url}index.json`)) {
      say(`Going to ${id}…`);
      location.replace(url);
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
  // title names it first. The full-text index (hundreds of kB on a big site) loads only on request.
  const byFile = Object.keys(filters).length || fileFilter ? [] : await fileHits(query);
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
    text.addEventListener("click", () => (text.remove(), searchText(list, shown)));
    results.append(text);
    say(
      `${plural(byFile.length, "article lists", "articles list")} ${query} in ${byFile.length === 1 ? "its file table" : "their file tables"}.`,
    );
    return;
  }
  await searchText(list, shown);
  if (shown.size === 0) {
    say(
      id
        ? `This site has no article ${id}, and no article mentions it.`
        : `No articles match “${query}”.`,
    );
  }
}

/** Full-text results from Pagefind, 20 at a time, leaving out articles already listed. */
async function searchText(list, shown) {
  say("Searching the text…");
  let search;
  let hidden;
  let listing;
  try {
    let pagefind;
    [{ pagefind, hidden }, listing] = await Promise.all([
      loadPagefind(),
      fileFilter ? idsListing(fileFilter) : null,
    ]);
    search = (await pagefind.search(query || null, { filters })) ?? { results: [] };
  } catch (error) {
    say(`The search index could not be loaded (${error.message}).`);
    return;
  }
  const rest = search.results;
  let next = 0;
  const showMore = async () => {
    const batch = rest.slice(next, next + PAGE);
    next += batch.length;
    for (const data of await Promise.all(batch.map((r) => r.data()))) {
      const hitId = data.meta.id ?? "";
      if (hidden.has(hitId) && data.meta.delta !== "1") continue;
      if (listing && !listing.has(hitId)) continue;
      if (shown.has(hitId)) continue;
      shown.add(hitId);
      list.append(
        item({
          id: hitId,
          title: data.meta.title ?? "",
          url: data.url,
          excerpt: excerptNode(data.excerpt),
        }),
      );
    }
  };
  await showMore();
  if (next < rest.length) {
    const more = Object.assign(document.createElement("button"), {
      type: "button",
      textContent: "Show more results",
    });
    more.addEventListener("click", async () => {
      await showMore();
      if (next >= rest.length) more.remove();
    });
    results.append(more);
  }
  say(`${rest.length} ${rest.length === 1 ? "article matches" : "articles match"} “${query}”.`);
}

run();

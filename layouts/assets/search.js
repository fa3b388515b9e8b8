// The search page. The query comes from the address (?q=…&product=…&year=…&file=…), so a search
// can be linked. A KB id goes straight to its article (checked with a HEAD of its index.json);
// a file name puts the articles whose file table lists it first (one small JSON per file stem);
// then Pagefind's full-text results. Results are links inside [data-search-results].
import { articlePath, fileStem, fileStemPath, looksLikeFileName, parseKbId, slug } from "./kb.js";

const PAGE = 20;
const prefix = document.documentElement.dataset.prefix || "/";
const results = document.querySelector("[data-search-results]");
const status = document.querySelector("[data-search-status]");
const params = new URLSearchParams(location.search);
const query = (params.get("q") ?? "").trim();
const filters = {};
for (const name of ["product", "year", "file"]) {
  const value = params.get(name);
  if (value) filters[name] = name === "file" ? value.toLowerCase() : value;
}
for (const [name, value] of [["q", query], ...Object.entries(filters)]) {
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

async function loadPagefind() {
  const pagefind = await import(`${prefix}pagefind/pagefind.js`);
  await pagefind.options({ baseUrl: prefix, excerptLength: 30 });
  return pagefind;
}

async function run() {
  if (!query && !Object.keys(filters).length) {
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
  let search;
  let byFile;
  try {
    const pagefind = await loadPagefind();
    [search, byFile] = await Promise.all([
      pagefind.search(query || null, { filters }).then((s) => s ?? { results: [] }),
      Object.keys(filters).length ? [] : fileHits(query),
    ]);
  } catch (error) {
    say(`The search index could not be loaded (${error.message}).`);
    return;
  }
  const rest = search.results;
  let next = 0;
  const take = async () => {
    const batch = rest.slice(next, next + PAGE);
    next += batch.length;
    return Promise.all(batch.map((r) => r.data()));
  };
  const firstPage = await take();

  // Articles whose file table lists the file come first, in Pagefind's order where it ranks them.
  const rank = new Map(firstPage.map((data, i) => [data.meta.id, i]));
  const at = (id) => rank.get(id) ?? Infinity;
  byFile.sort((a, b) => at(a.id) - at(b.id) || Number(a.id.slice(1)) - Number(b.id.slice(1)));
  const shown = new Set();
  for (const hit of byFile) {
    shown.add(hit.id);
    list.append(item({ ...hit, excerpt: describeRows(hit.rows), badge: "File table" }));
  }
  const show = (page) => {
    for (const data of page) {
      const hitId = data.meta.id ?? "";
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
  show(firstPage);
  if (next < rest.length) {
    const more = Object.assign(document.createElement("button"), {
      type: "button",
      textContent: "Show more results",
    });
    more.addEventListener("click", async () => {
      show(await take());
      if (next >= rest.length) more.remove();
    });
    results.append(more);
  }
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  const parts = [];
  if (byFile.length)
    parts.push(
      `${plural(byFile.length, "article lists", "articles list")} the file in its file table (shown first)`,
    );
  parts.push(`${plural(rest.length, "article matches", "articles match")} the text`);
  if (shown.size > 0) say(`${parts.join("; ")}.`);
  else
    say(
      id
        ? `This site has no article ${id}, and no article mentions it.`
        : `No articles match “${query}”.`,
    );
}

run();

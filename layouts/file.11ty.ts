/**
 * /files/NAME/: every article whose file table lists the file — "which fixes shipped rpcss.exe" —
 * newest version first (then date), the newest row of each platform marked; then the articles
 * that name it only in their text (issue 26), the first MENTIONS_SHOWN by id.
 */
import type { FileEntry, SiteData, SiteShared } from "../src/site/data.ts";
import { formatSize } from "../src/site/file-table.ts";
import { markup } from "../src/site/html.ts";
import { articlePath, filePath } from "../src/site/urls.ts";
import { articleList, count, listed } from "./parts.ts";
import { page, type Shell } from "./shell.ts";

type Data = { kb: SiteData; entry: FileEntry };

/** A file named in a thousand articles' text ("win.ini") would otherwise list them all. */
export const MENTIONS_SHOWN = 100;

export const data = {
  pagination: { data: "pending.file", size: 1, alias: "entry", addAllPagesToCollections: false },
  permalink: (data: Data) => filePath(data.entry.slug),
  eleventyExcludeFromCollections: true,
};

/** Everything the page shows but what every page shares (SiteShared); its hash is the page's key. */
export function model({ kb, entry }: Data) {
  const name = entry.names[0] ?? entry.slug;
  const articles = new Set(entry.uses.map((u) => u.id)).size;
  const shell: Shell = {
    path: filePath(entry.slug),
    title: `File ${name}`,
    description: `The ${count(articles, "fix", "fixes")} that shipped ${name}.`,
  };
  const rows = entry.uses.map((use) => {
    const { version, date, size, platform } = use.row;
    const title = kb.byId.get(use.id)?.title ?? "";
    return { id: use.id, title, version, date, size, platform, newest: entry.newest.has(use) };
  });
  const mentioned = kb.mentions.get(entry.slug) ?? [];
  const mentions = {
    total: mentioned.length,
    listed: listed(kb, mentioned.slice(0, MENTIONS_SHOWN)),
  };
  return { shell, slug: entry.slug, name, names: entry.names, articles, rows, mentions };
}

export const render = (data: Data) => view(model(data), data.kb);

function view(m: ReturnType<typeof model>, kb: SiteShared): string {
  const body = markup`<h1><span class="muted">File</span> ${m.name}</h1>
    <p class="muted">
      Newest version first. ${count(m.rows.length, "row")} in the file tables of
      ${count(m.articles, "article")}${m.names.length > 1 ? markup`; printed as ${m.names.join(", ")}` : ""}.
    </p>
    <div class="table-wrap" tabindex="0">
      <table class="files">
        <thead>
          <tr>
            <th scope="col">Article</th>
            <th scope="col">Title</th>
            <th scope="col">Version</th>
            <th scope="col">Date</th>
            <th scope="col">Size (bytes)</th>
            <th scope="col">Platform</th>
          </tr>
        </thead>
        <tbody>
          ${m.rows.map((row) => {
            const { id, newest } = row;
            return markup`<tr${newest ? markup` class="newest"` : ""}>
              <th scope="row"><a href="${kb.url(articlePath(id))}">${id}</a></th>
              <td class="title" data-label="Title">${row.title}</td>
              <td class="version" data-label="Version">
                ${row.version ?? ""}${newest ? markup`<span class="newest-mark">newest ${row.platform}</span>` : ""}
              </td>
              <td class="date" data-label="Date">${row.date ?? ""}</td>
              <td class="num size" data-label="Size (bytes)">${row.size === undefined ? "" : formatSize(row.size)}</td>
              <td class="platform" data-label="Platform">${row.platform ?? ""}</td>
            </tr>\n`;
          })}
        </tbody>
      </table>
    </div>
    ${mentionsOf(kb, m)}
    <p class="record-link">
      As JSON: <a href="${kb.url(filePath(m.slug) + "index.json")}">index.json</a>
    </p>`;
  return page({ kb, ...m.shell }, body);
}

/** The articles that name the file only in their text, under the table of those that ship it. */
function mentionsOf(kb: SiteShared, { name, mentions }: ReturnType<typeof model>) {
  if (!mentions.total) return markup``;
  const shown = mentions.listed.length;
  return markup`<section aria-labelledby="mentioned_in">
    <h2 id="mentioned_in">Mentioned in</h2>
    <p class="muted">
      ${count(mentions.total, "more article")} ${mentions.total === 1 ? "names" : "name"} ${name} in
      their text${shown < mentions.total ? `; the first ${shown} by id` : ""}.
    </p>
    ${articleList(kb, mentions.listed)}
  </section>`;
}

/**
 * /files/NAME/: every article whose file table lists the file — "which fixes shipped rpcss.exe" —
 * newest version first (then date), the newest row of each platform marked.
 */
import type { FileEntry, SiteData } from "../src/site/data.ts";
import { formatSize } from "../src/site/file-table.ts";
import { markup } from "../src/site/html.ts";
import { articlePath, filePath } from "../src/site/urls.ts";
import { count } from "./parts.ts";
import { page } from "./shell.ts";

type Data = { kb: SiteData; entry: FileEntry };

export const data = {
  pagination: { data: "pending.file", size: 1, alias: "entry", addAllPagesToCollections: false },
  permalink: (data: Data) => filePath(data.entry.slug),
  eleventyExcludeFromCollections: true,
};

/** Everything render shows besides the prefix and the code (the manifest's version covers those). */
export const inputs = ({ kb, entry }: Data) => [
  entry.slug,
  entry.names,
  entry.uses.map((use) => [use.id, kb.byId.get(use.id)?.title, use.row, entry.newest.has(use)]),
];

export function render({ kb, entry }: Data): string {
  const name = entry.names[0] ?? entry.slug;
  const articles = new Set(entry.uses.map((u) => u.id));
  const body = markup`<h1><span class="muted">File</span> ${name}</h1>
    <p class="muted">
      Newest version first. ${count(entry.uses.length, "row")} in the file tables of
      ${count(articles.size, "article")}${entry.names.length > 1 ? markup`; printed as ${entry.names.join(", ")}` : ""}.
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
          ${entry.uses.map((use) => {
            const { id, row } = use;
            const a = kb.byId.get(id);
            const newest = entry.newest.has(use);
            return markup`<tr${newest ? markup` class="newest"` : ""}>
              <th scope="row"><a href="${kb.url(articlePath(id))}">${id}</a></th>
              <td class="title">${a?.title ?? ""}</td>
              <td>
                ${row.version ?? ""}${newest ? markup`<span class="newest-mark">newest ${row.platform}</span>` : ""}
              </td>
              <td>${row.date ?? ""}</td>
              <td class="num">${row.size === undefined ? "" : formatSize(row.size)}</td>
              <td>${row.platform ?? ""}</td>
            </tr>\n`;
          })}
        </tbody>
      </table>
    </div>
    <p class="record-link">
      As JSON: <a href="${kb.url(filePath(entry.slug) + "index.json")}">index.json</a>
    </p>`;
  return page(
    {
      kb,
      path: filePath(entry.slug),
      title: `File ${name}`,
      description: `The ${count(articles.size, "fix", "fixes")} that shipped ${name}.`,
    },
    body,
  );
}

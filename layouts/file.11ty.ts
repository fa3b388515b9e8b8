/** /files/NAME/: every article whose file table lists the file — "which fixes shipped rpcss.exe". */
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
  entry.uses.map(({ id, row }) => [id, kb.byId.get(id)?.title, row]),
];

export function render({ kb, entry }: Data): string {
  const name = entry.names[0] ?? entry.slug;
  const articles = new Set(entry.uses.map((u) => u.id));
  const body = markup`<h1><span class="muted">File</span> ${name}</h1>
    <p class="muted">
      ${count(entry.uses.length, "row")} in the file tables of
      ${count(articles.size, "article")}${entry.names.length > 1 ? markup`; printed as ${entry.names.join(", ")}` : ""}.
    </p>
    <div class="table-wrap">
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
          ${entry.uses.map(({ id, row }) => {
            const a = kb.byId.get(id);
            return markup`<tr>
              <th scope="row"><a href="${kb.url(articlePath(id))}">${id}</a></th>
              <td class="title">${a?.title ?? ""}</td>
              <td>${row.version ?? ""}</td>
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

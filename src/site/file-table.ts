/**
 * Hotfix file tables. The record lists every row of every table in order; the text still holds
 * them as typed. `FileTables` walks the text's preformatted blocks and claims, in order, the
 * blocks made only of a header, a rule and the next rows, so each is shown as a real <table>
 * where it stood. Rows no block claimed are shown after the text. A row whose file another
 * article ships in a newer version (src/site/file-versions.ts) says which, in a column of its own.
 */
import type { FileRow } from "../record.ts";
import type { NewerVersion } from "./file-versions.ts";
import { markup, type Html } from "./html.ts";
import { articlePath, filePath } from "./urls.ts";

/** The newer version of a row's file that another article ships, if one does. */
export type NewerOf = (row: FileRow) => NewerVersion | undefined;

const RULE = /^[\s\-=_]+$/;
const HEADER_WORDS = new Set([
  "date",
  "time",
  "size",
  "version",
  "file",
  "name",
  "filename",
  "platform",
]);

function isHeader(line: string): boolean {
  const words = line.toLowerCase().match(/[a-z]+/g) ?? [];
  return words.length > 0 && words.every((w) => HEADER_WORDS.has(w));
}

export class FileTables {
  private next = 0;
  constructor(
    private readonly rows: readonly FileRow[],
    readonly newer: NewerOf = () => undefined,
  ) {}

  /** The rows this block shows, if it is one of the file tables; the cursor then moves past them. */
  claim(lines: readonly string[]): FileRow[] | undefined {
    let i = this.next;
    const claimed: FileRow[] = [];
    for (const line of lines) {
      if (line.trim() === "" || RULE.test(line) || isHeader(line)) continue;
      const row = this.rows[i];
      if (!row || !line.toLowerCase().includes(row.name.toLowerCase())) return undefined;
      claimed.push(row);
      i++;
    }
    if (claimed.length === 0) return undefined;
    this.next = i;
    return claimed;
  }

  /** The rows no block claimed. */
  rest(): FileRow[] {
    return this.rows.slice(this.next);
  }
}

const COLUMNS: { key: keyof FileRow; label: string }[] = [
  { key: "name", label: "File name" },
  { key: "version", label: "Version" },
  { key: "size", label: "Size (bytes)" },
  { key: "date", label: "Date" },
  { key: "time", label: "Time" },
  { key: "platform", label: "Platform" },
];

export function formatSize(size: number): string {
  return String(size).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A hotfix file table; file names link to their file page and weigh most in search. */
export function fileTable(
  rows: readonly FileRow[],
  url: (path: string) => string,
  newer: NewerOf = () => undefined,
): Html {
  const columns = COLUMNS.filter((c) => rows.some((r) => r[c.key] !== undefined));
  const notes = rows.some((r) => newer(r) !== undefined);
  // Each cell names its column (class, data-label): a row shown as a card below 1280 px labels
  // its values and puts version, date and the newer version first (site.css).
  const note = (row: FileRow) => {
    const n = newer(row);
    return n
      ? markup`<td class="newer" data-label="Newer version">${n.version} in <a href="${url(articlePath(n.id))}">${n.id}</a></td>`
      : markup`<td class="newer" data-label="Newer version"></td>`;
  };
  const cell = (row: FileRow, { key, label }: (typeof COLUMNS)[number]) => {
    if (key === "name") {
      return markup`<th scope="row">
        <a href="${url(filePath(row.name))}">${row.name}</a>
      </th>`;
    }
    const value = row[key];
    if (key === "size" && typeof value === "number")
      return markup`<td class="num size" data-label="${label}">${formatSize(value)}</td>`;
    return markup`<td class="${key}" data-label="${label}">${value ?? ""}</td>`;
  };
  return markup`<div class="table-wrap" tabindex="0">
    <table class="files">
      <thead>
        <tr>
          ${columns.map((c) => markup`<th scope="col">${c.label}</th>`)}
          ${notes ? markup`<th scope="col">Newer version</th>` : ""}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) =>
            markup`<tr>
              ${columns.map((c) => cell(row, c))}${notes ? note(row) : ""}
            </tr>\n`,
        )}
      </tbody>
    </table>
  </div>`;
}

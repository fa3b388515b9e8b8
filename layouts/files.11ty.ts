/** /files/: every file named in a hotfix file table, A–Z, with how many articles list it. */
import type { SiteData } from "../src/site/data.ts";
import { markup } from "../src/site/html.ts";
import { filePath } from "../src/site/urls.ts";
import { byLetter, count, letterAnchor, letterNav } from "./parts.ts";
import { page } from "./shell.ts";

export const data = { permalink: "/files/", eleventyExcludeFromCollections: true };

/** Everything render shows besides the prefix and the code (the manifest's version covers those). */
export const inputs = ({ kb }: { kb: SiteData }) =>
  kb.files.map((f) => [f.slug, f.names[0], f.uses.length]);

export function render({ kb }: { kb: SiteData }): string {
  const groups = byLetter(kb.files, (f) => f.slug);
  const anchor = letterAnchor;
  const body = markup`<h1>Files</h1>
    <p class="muted">
      ${count(kb.files.length, "file")} named in hotfix file tables. Each page lists the fixes that
      shipped the file.
    </p>
    ${letterNav(groups.keys())}
    ${[...groups.entries()].map(
      ([letter, entries]) =>
        markup`<section aria-labelledby="${anchor(letter)}">
          <h2 id="${anchor(letter)}">${letter.toUpperCase()}</h2>
          <ul class="file-list">
            ${entries.map((e) => markup`<li><a href="${kb.url(filePath(e.slug))}">${e.names[0] ?? e.slug}</a> <span class="count">${e.uses.length}</span></li>`)}
          </ul>
        </section>\n`,
    )}`;
  return page(
    {
      kb,
      path: "/files/",
      title: "Files",
      description: `${count(kb.files.length, "file")} shipped in hotfixes, A–Z.`,
    },
    body,
  );
}

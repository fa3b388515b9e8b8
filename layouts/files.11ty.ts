/** /files/: every file named in a hotfix file table, A–Z, with how many articles list it. */
import type { SiteData, SiteShared } from "../src/site/data.ts";
import { markup } from "../src/site/html.ts";
import { filePath } from "../src/site/urls.ts";
import { byLetter, count, letterAnchor, letterNav } from "./parts.ts";
import { page, type Shell } from "./shell.ts";

export const data = { permalink: "/files/", eleventyExcludeFromCollections: true };

/** Everything the page shows but what every page shares (SiteShared); its hash is the page's key. */
export function model({ kb }: { kb: SiteData }) {
  const shell: Shell = {
    path: "/files/",
    title: "Files",
    description: `${count(kb.files.length, "file")} shipped in hotfixes, A–Z.`,
  };
  const groups = byLetter(kb.files, (f) => f.slug);
  const letters = [...groups].map(([letter, files]) => ({
    letter,
    files: files.map((f) => ({ slug: f.slug, name: f.names[0] ?? f.slug, rows: f.uses.length })),
  }));
  return { shell, files: kb.files.length, letters };
}

export const render = (data: { kb: SiteData }) => view(model(data), data.kb);

function view(m: ReturnType<typeof model>, kb: SiteShared): string {
  const anchor = letterAnchor;
  const body = markup`<h1>Files</h1>
    <p class="muted">
      ${count(m.files, "file")} named in hotfix file tables. Each page lists the fixes that
      shipped the file.
    </p>
    ${letterNav(m.letters.map((l) => l.letter))}
    ${m.letters.map(
      ({ letter, files }) =>
        markup`<section aria-labelledby="${anchor(letter)}">
          <h2 id="${anchor(letter)}">${letter.toUpperCase()}</h2>
          <ul class="file-list">
            ${files.map((e) => markup`<li><a href="${kb.url(filePath(e.slug))}">${e.name}</a> <span class="count">${e.rows}</span></li>`)}
          </ul>
        </section>\n`,
    )}`;
  return page({ kb, ...m.shell }, body);
}

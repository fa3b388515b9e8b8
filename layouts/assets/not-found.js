// 404.html: an id-shaped path (/Q265433, /kb/Q265433, /kb/265433/, /KB265433, /kb/265/265433)
// goes on to the article, if the site has it; otherwise the search box is filled in.
import { articlePath, parseKbId, slug, withPrefix } from "../../src/site/urls.ts";

const prefix = document.documentElement.dataset.prefix || "/";
const status = document.querySelector("[data-not-found-status]");
const box = document.querySelector("#q404");

// A malformed escape (/%E0%A4%A) must not stop the page from offering a search.
let path = location.pathname;
try {
  path = decodeURIComponent(path);
} catch {}
if (path.startsWith(prefix)) path = path.slice(prefix.length);
const match = /^(?:kb\/(?:\d{1,3}\/)?)?([a-z]{0,2}\s*\d+)(?:\/(?:index\.html?)?)?$/i.exec(path);
const id = match ? parseKbId(match[1]) : null;

// File pages live at their names' slugs: /files/KERNEL32.DLL/ is /files/kernel32.dll/.
const filePage = /^files\/([^/]+)\/?$/.exec(path);

if (filePage && slug(filePage[1]) !== filePage[1]) {
  location.replace(`${prefix}files/${encodeURIComponent(slug(filePage[1]))}/`);
} else if (id) {
  const target = withPrefix(prefix, articlePath(id));
  const found = await fetch(`${target}index.json`, { method: "HEAD" }).then(
    (r) => r.ok,
    () => false,
  );
  if (found) {
    location.replace(target + location.hash);
  } else {
    if (status)
      status.textContent = `This site has no article ${id}. Search for it by words or a file name instead.`;
    if (box) box.value = id;
  }
} else if (box) {
  box.value =
    path
      .split("/")
      .filter(Boolean)
      .pop()
      ?.replace(/\.html?$/, "") ?? "";
}

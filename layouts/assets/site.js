// On every page: "/" focuses the search box, and the header's box suggests as you type
// (suggest.js, loaded when the box is first used); on articles, buttons that copy the article's
// or a section's link as a plain link, Markdown, MediaWiki or Confluence. Without JavaScript none
// of these buttons exist, so none are dead.
import { formatLink } from "../../src/site/urls.ts";

// The combobox's attributes and its empty listbox are set here, at no cost; suggest.js and the
// index's first bucket load only once the box is focused or typed in.
const suggestBox = document.querySelector("input[data-suggest]");
if (suggestBox) {
  const list = Object.assign(document.createElement("ul"), {
    id: `${suggestBox.id}_list`,
    className: "suggestions",
    hidden: true,
  });
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Suggestions");
  suggestBox.after(list);
  for (const [name, value] of [
    ["role", "combobox"],
    ["aria-autocomplete", "list"],
    ["aria-expanded", "false"],
    ["aria-controls", list.id],
  ])
    suggestBox.setAttribute(name, value);
  let loading;
  // Typed in, not only focused: the search page's box holds its query, which asks for nothing.
  let typed = false;
  suggestBox.addEventListener("input", () => (typed = true), { once: true });
  const load = () => {
    loading ??= import("./suggest.js").then(({ attach }) => {
      attach(suggestBox, list);
      // What was typed while the script loaded gets its suggestions now.
      if (typed && document.activeElement === suggestBox && suggestBox.value.trim().length >= 2)
        suggestBox.dispatchEvent(new Event("input"));
    });
  };
  suggestBox.addEventListener("focus", load, { once: true });
  suggestBox.addEventListener("input", load, { once: true });
}

document.addEventListener("keydown", (event) => {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  )
    return;
  const box = document.querySelector('input[type="search"]');
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});

const toast = document.querySelector(".toast");
let toastTimer;
function tell(message) {
  if (!toast) return;
  toast.textContent = message;
  toast.classList.add("show");
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => toast.classList.remove("show"), 1800);
}

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Plain-http intranet hosts have no clipboard API: fall back to a selected text area.
    const area = Object.assign(document.createElement("textarea"), { value: text });
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
}

const KINDS = [
  ["link", "Link"],
  ["markdown", "Markdown"],
  ["mediawiki", "MediaWiki"],
  ["confluence", "Confluence"],
];

function buttons(container, url, text, what) {
  for (const [kind, label] of KINDS) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.setAttribute(
      "aria-label",
      `Copy ${what} as ${label === "Link" ? "a plain link" : `a ${label} link`}`,
    );
    button.addEventListener("click", async () => {
      await copy(formatLink(kind, url, text));
      tell(`Copied ${label === "Link" ? "link" : `${label} link`}: ${text}`);
    });
    container.append(button);
  }
}

const article = document.querySelector("[data-kb-id]");
if (article) {
  const canonical = document.querySelector('link[rel="canonical"]');
  const url = new URL(
    canonical ? canonical.getAttribute("href") : location.pathname,
    location.href,
  );
  url.hash = "";
  // The title is the page's <h1> (an override may still say it in data-kb-title).
  const title = article.dataset.kbTitle ?? article.querySelector("h1")?.textContent.trim();
  const text = `${article.dataset.kbId}: ${title}`;
  const links = article.querySelector("[data-copy-links]");
  if (links) {
    const label = Object.assign(document.createElement("span"), {
      className: "label",
      textContent: "Copy link:",
    });
    links.append(label);
    buttons(links, url.href, text, "the link to this article");
  }
  for (const heading of article.querySelectorAll("[data-copy-section]")) {
    const group = Object.assign(document.createElement("span"), { className: "section-copy" });
    const name = heading.firstChild ? heading.firstChild.textContent.trim() : heading.id;
    buttons(
      group,
      `${url.href}#${heading.id}`,
      `${text} § ${name}`,
      `the link to the section ${name}`,
    );
    heading.append(group);
  }
}

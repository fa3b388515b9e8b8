// Suggestions as you type in the header's search box, in the ARIA combobox pattern: the input is
// the combobox, a listbox of options opens under it. Arrow keys move through the options, Enter
// opens the one chosen (or searches, when none is), Escape closes the list. Loaded by site.js
// when the box is first used; each bucket of the index (src/generate/search/suggest-index.ts) is fetched
// once, when its prefix is first typed.
import { articlePath, withPrefix } from "../../src/site/urls.ts";
import { correctable } from "../../src/words/fuzzy.ts";

/** One suggestion: what the list shows, and where choosing it goes. */
export interface Suggestion {
  label: string;
  detail?: string;
  href: string;
}

/** A bucket of the suggestion index (its form: src/generate/search/suggest-index.ts). */
interface Bucket {
  s?: 1;
  i: [key: string, target: string][];
  t: Record<string, string>;
  f: Record<string, [name: string, articles: number]>;
}

// The site's prefix ("/" or "/kb-archive/"), read when first needed, so tests can import this
// file in Node.
let prefix: string | undefined;
const sitePrefix = (): string => (prefix ??= document.documentElement.dataset.prefix || "/");
const fetched = new Map<string, Promise<Bucket | null>>();

/** A bucket of the index, or null when there is none for that prefix. */
function bucket(name: string): Promise<Bucket | null> {
  if (!fetched.has(name))
    fetched.set(
      name,
      fetch(`${sitePrefix()}suggest/${name}.json`)
        .then((r) => (r.ok ? (r.json() as Promise<Bucket>) : null))
        .catch(() => null),
    );
  return fetched.get(name)!;
}

const bucketName = (key: string): string => key.replace(/[^a-z0-9]/g, "_");

/** "Q265433", "kb 2654", "2654" → "q2654"; "Rpcss Leaks" → ["rpcss", "leaks"]. */
export function keysOf(query: string): string[] {
  const id = /^\s*(?:q|kb)?\s*0*([1-9][0-9]*)\s*$/i.exec(query);
  if (id) return [`q${id[1]}`];
  return query.toLowerCase().trim().split(/\s+/).filter(Boolean);
}

/** Near words tried for a slip, at most. */
const NEAR = 3;

/**
 * The suggestions for a query: [{ label, detail, href }], best first, at most `limit`. When a
 * word of letters suggests nothing, the archive's words nearest it (or whose start is: it may be
 * half typed) are tried in its place (fuzzy.ts, loaded only then), so a slip is forgiven.
 */
export async function suggest(query: string, limit = 8): Promise<Suggestion[]> {
  const found = await suggestExact(query, limit);
  const [first, ...rest] = keysOf(query);
  if (found.length || !first || !correctable(first)) return found;
  const { nearest } = await import("./fuzzy.js");
  for (const word of (await nearest(sitePrefix(), first, true)).slice(0, NEAR)) {
    const near = await suggestExact([word.toLowerCase(), ...rest].join(" "), limit);
    if (near.length) return near;
  }
  return [];
}

async function suggestExact(query: string, limit: number): Promise<Suggestion[]> {
  const [first, ...rest] = keysOf(query);
  if (!first || first.length < 2) return [];
  // Walk down split buckets while the query is longer than the bucket's prefix.
  let depth = 2;
  let found = await bucket(bucketName(first.slice(0, depth)));
  while (found?.s && first.length > depth) {
    depth++;
    found = await bucket(bucketName(first.slice(0, depth)));
  }
  if (!found) return [];
  const seen = new Set();
  const out: Suggestion[] = [];
  for (const [key, target] of found.i) {
    if (!key.startsWith(first) || seen.has(target)) continue;
    const title = found.t[target];
    // Other words of the query narrow title suggestions: each must start a word of the title.
    if (rest.length) {
      const words = (title ?? "").toLowerCase().split(/[^a-z0-9]+/);
      if (!rest.every((w) => words.some((x) => x.startsWith(w)))) continue;
    }
    seen.add(target);
    if (target.startsWith("Q"))
      out.push({
        label: target,
        detail: title,
        href: withPrefix(sitePrefix(), articlePath(target)),
      });
    else {
      const [name, n] = found.f[target]!;
      out.push({
        label: name,
        detail: `file, in ${n} ${n === 1 ? "article" : "articles"}`,
        href: `${sitePrefix()}files/${target}/`,
      });
    }
    if (out.length === limit) break;
  }
  return out;
}

/** Makes `input` a combobox whose listbox is `list` (an empty <ul>). */
export function attach(input: HTMLInputElement, list: HTMLUListElement): void {
  let options: Suggestion[] = [];
  let active = -1;
  let asked = 0;

  const show = (index: number) => {
    active = index;
    for (const [i, li] of list.querySelectorAll("[role=option]").entries())
      li.setAttribute("aria-selected", String(i === index));
    if (index < 0) input.removeAttribute("aria-activedescendant");
    else {
      const li = document.getElementById(`${list.id}_${index}`)!;
      input.setAttribute("aria-activedescendant", li.id);
      li.scrollIntoView({ block: "nearest" });
    }
  };
  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    show(-1);
  };
  const open = (items: Suggestion[]) => {
    options = items;
    list.replaceChildren(
      ...items.map((item, i) => {
        const li = Object.assign(document.createElement("li"), { id: `${list.id}_${i}` });
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.append(
          Object.assign(document.createElement("span"), {
            className: "suggest-label",
            textContent: item.label,
          }),
          Object.assign(document.createElement("span"), {
            className: "suggest-detail",
            textContent: item.detail ?? "",
          }),
        );
        li.addEventListener("click", () => location.assign(item.href));
        return li;
      }),
    );
    if (!items.length) return close();
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    show(-1);
  };

  input.addEventListener("input", async () => {
    const mine = ++asked;
    const items = await suggest(input.value);
    if (mine === asked) open(items); // a later keystroke's answer wins
  });
  input.addEventListener("keydown", (event) => {
    const expanded = !list.hidden && options.length > 0;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!expanded) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      const n = options.length;
      show(active < 0 ? (step > 0 ? 0 : n - 1) : (active + step + n) % n);
    } else if (event.key === "Enter" && expanded && active >= 0) {
      event.preventDefault();
      location.assign(options[active]!.href);
    } else if (event.key === "Escape" && expanded) {
      event.preventDefault();
      close();
    }
  });
  // A click on an option lands before the blur would close the list.
  list.addEventListener("mousedown", (event) => event.preventDefault());
  input.addEventListener("blur", close);
}

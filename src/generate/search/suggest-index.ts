/**
 * The header search box's suggestions as you type (layouts/assets/suggest.ts): ids, file names
 * and the words of titles, in small JSON files bucketed by prefix under /suggest/. The bucket of
 * a two-character prefix ("rp.json") holds every key that starts with it, or, when that would be
 * more than BUCKET entries, the TOP best of them and `"s": 1`: the browser then asks for the
 * bucket one character longer ("rpc.json") once it is typed. So the first suggestions cost one
 * file of a few kB, and each character typed at most one more. Keys are lower case; in a file's
 * name every character but [a-z0-9] is "_", so a name is always a safe path.
 *
 *   { "s": 1, "i": [["rpcss.exe", "rpcss.exe"], ["rpcss", "Q265433"]],
 *     "t": { "Q265433": "Rpcss Leaks Memory…" }, "f": { "rpcss.exe": ["Rpcss.exe", 2] } }
 *
 * `i` lists [key, target] best first: a target starting with Q is an article (its title in `t`),
 * anything else a file page (its printed name and how many articles ship it in `f`).
 */
import type { SiteData } from "../../site/data.ts";
import type { OutDir } from "../write/out-dir.ts";

export const SUGGEST_DIR = "/suggest/";
/** Entries a bucket holds before it is split by the next character. */
export const BUCKET = 200;
/** Entries a split bucket keeps of its keys: the best. */
export const TOP = 10;
/** Articles one title word suggests at most: "windows" is in thousands of titles. */
const PER_WORD = 20;
const MIN_WORD = 3;
const STOP = new Set(
  "and are but can for from has how not the this that when with you your use using does into".split(
    " ",
  ),
);

type Entry = { key: string; target: string; rank: number };

/** "rpcss.exe" → "rpcss_exe": a prefix as the name of its bucket. */
export function bucketName(prefix: string): string {
  return prefix.replace(/[^a-z0-9]/g, "_");
}

export function suggestEntries(site: SiteData): Entry[] {
  const entries: Entry[] = [];
  const cited = (id: string) => site.citedBy.get(id)?.length ?? 0;
  for (const file of site.files) {
    const ids = new Set(file.uses.map((u) => u.id));
    entries.push({ key: file.slug, target: file.slug, rank: 2 * ids.size + 1 });
  }
  const byWord = new Map<string, Entry[]>();
  for (const article of site.articles) {
    const rank = cited(article.id);
    entries.push({ key: article.id.toLowerCase(), target: article.id, rank });
    const words = new Set(article.title.toLowerCase().split(/[^a-z0-9]+/));
    for (const word of words) {
      if (word.length < MIN_WORD || STOP.has(word) || /^\d+$/.test(word)) continue;
      const list = byWord.get(word) ?? [];
      list.push({ key: word, target: article.id, rank });
      byWord.set(word, list);
    }
  }
  // Newest ids first among equals: the later article on a subject is usually the fix.
  for (const list of byWord.values())
    entries.push(...list.sort((a, b) => b.rank - a.rank || later(a, b)).slice(0, PER_WORD));
  return entries.sort((a, b) => b.rank - a.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const later = (a: Entry, b: Entry) => Number(b.target.slice(1)) - Number(a.target.slice(1));

/** Writes the buckets (only those whose bytes changed); returns how many there are. */
export function writeSuggestIndex(site: SiteData, out: OutDir): number {
  const entries = suggestEntries(site);
  const files = new Map(site.files.map((file) => [file.slug, file]));
  let written = 0;
  const write = (prefix: string, list: Entry[], split: boolean) => {
    // A split bucket keeps its best and the keys that end here ("rpc" in rpc.json), which no
    // longer bucket holds.
    const shown = split ? list.filter((e, i) => i < TOP || bucketName(e.key) === prefix) : list;
    const t: Record<string, string> = {};
    const f: Record<string, [string, number]> = {};
    for (const { target } of shown) {
      if (target.startsWith("Q")) t[target] = site.byId.get(target)?.title ?? target;
      else {
        const file = files.get(target);
        f[target] = [file?.names[0] ?? target, new Set(file?.uses.map((u) => u.id)).size];
      }
    }
    const body = { ...(split ? { s: 1 } : {}), i: shown.map((e) => [e.key, e.target]), t, f };
    out.update(`${SUGGEST_DIR}${bucketName(prefix)}.json`, JSON.stringify(body) + "\n");
    written++;
  };
  // Splits a bucket by the next character until each fits; `list` is best first throughout.
  const place = (prefix: string, list: Entry[]) => {
    const longer = list.filter((e) => e.key.length > prefix.length);
    const split = list.length > BUCKET && longer.length > 0;
    write(prefix, list, split);
    if (!split) return;
    const children = new Map<string, Entry[]>();
    for (const e of longer) {
      const name = bucketName(e.key.slice(0, prefix.length + 1));
      const child = children.get(name) ?? [];
      child.push(e);
      children.set(name, child);
    }
    for (const [name, child] of children) place(name, child);
  };
  const roots = new Map<string, Entry[]>();
  for (const e of entries) {
    if (e.key.length < 2) continue;
    const name = bucketName(e.key.slice(0, 2));
    const list = roots.get(name) ?? [];
    list.push(e);
    roots.set(name, list);
  }
  for (const [name, list] of roots) place(name, list);
  return written;
}

/**
 * check-links: every internal link of a built site points at something that exists.
 *
 *   npm run check-links -- DIR [--prefix /sub/path/]
 *
 * Walks every .html file under DIR, takes the href and src of every element, and checks each
 * internal one (relative, or root-relative under the prefix; anything with a scheme or a host is
 * left alone): the target file must exist (a folder means its index.html; ?query is ignored), and
 * a #fragment must be an id (or an <a name>) in the target page. Prints
 * "checked N links in M pages, K broken", lists the broken ones, and exits 1 when any is broken.
 *
 * Built for 70,000 pages: pages are read a few at a time and dropped once scanned, existence checks
 * are cached, and a fragment into another page is checked by reading that page once at the end.
 */
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { decodeHTMLAttribute } from "entities";

export interface BrokenLink {
  /** The page the link is on, relative to the site folder. */
  page: string;
  /** The href or src as written (entities decoded). */
  link: string;
  reason: string;
}

export interface LinkReport {
  pages: number;
  links: number;
  broken: BrokenLink[];
}

const CONCURRENCY = 16;
const ORIGIN = "http://site.invalid";
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const RAW_TEXT = new Set(["script", "style", "textarea", "title"]);
const NO_FRAGMENT_CHECK = new Set(["", "top"]);

/** Every .html file under `dir`, as paths relative to it, in a stable order. */
async function* htmlFiles(dir: string, sub = ""): AsyncGenerator<string> {
  const entries = await readdir(path.join(dir, sub), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) yield* htmlFiles(dir, rel);
    else if (entry.isFile() && entry.name.endsWith(".html")) yield rel;
  }
}

interface Scan {
  links: string[];
  ids: Set<string>;
}

/**
 * The href/src values and the ids of one page: a small tokenizer that skips comments and the
 * insides of script, style, textarea and title, where "<a href" is text.
 */
export function scanHtml(html: string): Scan {
  const links: string[] = [];
  const ids = new Set<string>();
  let i = 0;
  while ((i = html.indexOf("<", i)) !== -1) {
    if (html.startsWith("<!--", i)) {
      const end = html.indexOf("-->", i + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const next = html.charCodeAt(i + 1);
    const isLetter = (next | 0x20) >= 0x61 && (next | 0x20) <= 0x7a;
    if (!isLetter) {
      i =
        html[i + 1] === "!" || html[i + 1] === "?" || html[i + 1] === "/" ? skipTo(html, i) : i + 1;
      continue;
    }
    const tag = readTag(html, i);
    for (const [name, value] of tag.attributes) {
      if (name === "href" || name === "src") links.push(value);
      else if (name === "id" || (name === "name" && tag.name === "a")) ids.add(value);
    }
    i = tag.end;
    if (RAW_TEXT.has(tag.name)) {
      const close = new RegExp(`</${tag.name}`, "gi");
      close.lastIndex = i;
      i = close.exec(html)?.index ?? html.length;
    }
  }
  return { links, ids };
}

function skipTo(html: string, i: number): number {
  const end = html.indexOf(">", i);
  return end === -1 ? html.length : end + 1;
}

const TAG_NAME = /[^\s/>]*/y;
const ATTRIBUTE = /[\s/]*([^\s/>=]+)(?:\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s>]*)))?/y;
const SKIP_SPACE = /[\s/]*/y;
const WANTED = new Set(["href", "src", "id", "name"]);

/** One start tag at `i`: its lower-cased name, the attributes links need, and where it ends. */
function readTag(html: string, i: number) {
  TAG_NAME.lastIndex = i + 1;
  TAG_NAME.exec(html);
  const name = html.slice(i + 1, TAG_NAME.lastIndex).toLowerCase();
  const attributes: [string, string][] = [];
  let j = TAG_NAME.lastIndex;
  while (j < html.length) {
    ATTRIBUTE.lastIndex = j;
    const m = ATTRIBUTE.exec(html);
    if (!m) {
      SKIP_SPACE.lastIndex = j;
      SKIP_SPACE.exec(html);
      j = SKIP_SPACE.lastIndex;
      if (j >= html.length || html[j] === ">") break;
      j++; // a stray "=": not an attribute
      continue;
    }
    j = ATTRIBUTE.lastIndex;
    const key = m[1]!.toLowerCase();
    if (WANTED.has(key)) attributes.push([key, decodeHTMLAttribute(m[2] ?? m[3] ?? m[4] ?? "")]);
  }
  return { name, attributes, end: Math.min(html.length, j + 1) };
}

type Target = { file: string; html: boolean } | { missing: string };

/** Checks the links of a built site. `prefix` is the path the site is served under, "/" by default. */
export async function checkLinks(
  dir: string,
  options: { prefix?: string } = {},
): Promise<LinkReport> {
  const root = path.resolve(dir);
  const prefix = normalizePrefix(options.prefix ?? "/");
  const targets = new Map<string, Promise<Target>>();
  /** Fragments into other pages, checked at the end: target file → fragment → the links there. */
  const fragments = new Map<string, Map<string, BrokenLink[]>>();
  const report: LinkReport = { pages: 0, links: 0, broken: [] };

  const resolveTarget = (rel: string): Promise<Target> => {
    let found = targets.get(rel);
    if (!found) {
      found = locate(root, rel);
      targets.set(rel, found);
    }
    return found;
  };

  const checkPage = async (page: string) => {
    const { links, ids } = scanHtml(await readFile(path.join(root, page), "utf8"));
    report.pages++;
    const base = new URL(prefix + page.split("/").map(encodeURIComponent).join("/"), ORIGIN);
    for (const link of links) {
      const href = link.trim();
      if (SCHEME.test(href) || href.startsWith("//")) continue;
      report.links++;
      const broken = (reason: string) => report.broken.push({ page, link, reason });
      let url: URL;
      try {
        url = new URL(href, base);
      } catch {
        broken("not a valid URL");
        continue;
      }
      if (url.origin !== ORIGIN) continue;
      if (!url.pathname.startsWith(prefix)) {
        broken(`outside the site's prefix ${prefix}`);
        continue;
      }
      let rel: string;
      let fragment: string;
      try {
        rel = decodeURIComponent(url.pathname.slice(prefix.length));
        fragment = decodeURIComponent(url.hash.slice(1));
      } catch {
        broken("bad percent-encoding");
        continue;
      }
      const target = await resolveTarget(rel);
      if ("missing" in target) {
        broken(`no file ${target.missing}`);
        continue;
      }
      if (NO_FRAGMENT_CHECK.has(fragment) || !target.html) continue;
      if (target.file === page) {
        if (!ids.has(fragment)) broken(`no id "${fragment}" in this page`);
        continue;
      }
      const wanted = fragments.get(target.file) ?? new Map<string, BrokenLink[]>();
      fragments.set(target.file, wanted);
      const from = wanted.get(fragment) ?? [];
      wanted.set(fragment, from);
      from.push({ page, link, reason: "" });
    }
  };

  const running = new Set<Promise<void>>();
  for await (const page of htmlFiles(root)) {
    const job = checkPage(page).finally(() => running.delete(job));
    running.add(job);
    if (running.size >= CONCURRENCY) await Promise.race(running);
  }
  await Promise.all(running);

  for (const [file, wanted] of fragments) {
    const { ids } = scanHtml(await readFile(path.join(root, file), "utf8"));
    for (const [fragment, from] of wanted) {
      if (ids.has(fragment)) continue;
      for (const link of from)
        report.broken.push({ ...link, reason: `no id "${fragment}" in ${file}` });
    }
  }
  report.broken.sort((a, b) => (a.page + a.link < b.page + b.link ? -1 : 1));
  return report;
}

function normalizePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/*|\/*$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

/** The file a site-relative path serves: itself, or index.html for a folder. */
async function locate(root: string, rel: string): Promise<Target> {
  const candidate = path.join(root, rel);
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return { missing: rel };
  const asIndex = rel === "" || rel.endsWith("/");
  const file = asIndex ? path.join(candidate, "index.html") : candidate;
  const info = await stat(file).catch(() => undefined);
  if (info?.isFile()) return found(root, file);
  if (!asIndex && info?.isDirectory()) {
    const index = path.join(file, "index.html");
    if ((await stat(index).catch(() => undefined))?.isFile()) return found(root, index);
  }
  return { missing: path.relative(root, file).split(path.sep).join("/") || rel };
}

function found(root: string, file: string): Target {
  return {
    file: path.relative(root, file).split(path.sep).join("/"),
    html: file.endsWith(".html"),
  };
}

async function main(args: string[]): Promise<number> {
  let dir: string | undefined;
  let prefix = "/";
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--prefix") prefix = args[++i] ?? "";
    else if (args[i]!.startsWith("--prefix=")) prefix = args[i]!.slice("--prefix=".length);
    else if (!dir) dir = args[i];
    else dir = undefined;
  }
  if (!dir || !prefix || !(await stat(dir).catch(() => undefined))?.isDirectory()) {
    console.error("usage: check-links DIR [--prefix /sub/path/]  (DIR: a built site folder)");
    return 2;
  }
  const started = Date.now();
  const report = await checkLinks(dir, { prefix });
  for (const b of report.broken)
    console.log(`  ${b.page}: ${JSON.stringify(b.link)} → ${b.reason}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `checked ${report.links} links in ${report.pages} pages, ${report.broken.length} broken (${seconds} s)`,
  );
  return report.broken.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}

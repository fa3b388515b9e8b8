/**
 * check-links: every internal link of a built site points at something that exists.
 *
 *   npm run check-links -- DIR [--prefix /sub/path/]
 *
 * Walks every .html file under DIR, takes the href and src of every element (parse5 reads the
 * pages: scripts/check-links-html.ts), and checks each internal one (relative, or root-relative
 * under the prefix; anything with a scheme or a host is left alone): the target file must exist
 * (a folder means its index.html; ?query is ignored), and a #fragment must be an id (or an
 * <a name>) in the target page. Prints
 * "checked N links in M pages, K broken", lists the broken ones, and exits 1 when any is broken.
 *
 * Built for 70,000 pages: the site's files are listed once (a target is looked up there, not
 * stat'ed), pages are read a few at a time and dropped once scanned, and a fragment into another
 * page is checked by reading that page once at the end.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { locate, siteFiles, type Target } from "./check-links-files.ts";
import { scanHtml } from "./check-links-html.ts";

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
const NO_FRAGMENT_CHECK = new Set(["", "top"]);

/** Checks the links of a built site. `prefix` is the path the site is served under, "/" by default. */
export async function checkLinks(
  dir: string,
  options: { prefix?: string } = {},
): Promise<LinkReport> {
  const root = path.resolve(dir);
  const prefix = normalizePrefix(options.prefix ?? "/");
  const listing = await siteFiles(root);
  const files = new Set(listing);
  const targets = new Map<string, Promise<Target>>();
  /** Fragments into other pages, checked at the end: target file → fragment → the links there. */
  const fragments = new Map<string, Map<string, BrokenLink[]>>();
  const report: LinkReport = { pages: 0, links: 0, broken: [] };

  const resolveTarget = (rel: string): Promise<Target> => {
    let found = targets.get(rel);
    if (!found) {
      found = locate(root, files, rel);
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
  for (const page of listing.filter((file) => file.endsWith(".html"))) {
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

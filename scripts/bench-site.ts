/**
 * `npm run bench:site -- DIR`: what a built site weighs (issue 24): its bytes (MiB and MB),
 * entries (files and folders), the median article page, where the bytes go by part of the
 * site, and the site against each host's limits (src/generate/hosts.ts). `npm run bench` prints
 * the same after its build. Sizes and counts only: no timing, so it holds on a loaded machine.
 */
import { existsSync } from "node:fs";
import { resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import {
  count,
  hostChecks,
  hostLine,
  mb,
  measureSite,
  mib,
  type SiteSize,
} from "../src/generate/hosts.ts";
import { kb, table } from "./bench-format.ts";

interface Part {
  bytes: number;
  files: number;
}

/** The part of the site a file belongs to, by its path: "article pages", "search/words", … */
function partOf(path: string): string {
  const parts = path.split(sep);
  if (parts[0] === "kb" && parts.length === 4)
    return parts[3] === "index.html" ? "article pages" : `article ${parts[3]}`;
  if (parts.length === 1) return parts[0]!;
  if (parts[0] === "search" || parts[0] === "pagefind")
    return parts.length === 2 ? `${parts[0]}/ (its own files)` : `${parts[0]}/${parts[1]}`;
  return parts[0]!;
}

export interface SiteFigures {
  size: SiteSize;
  parts: Map<string, Part>;
  /** The median byte length of the article pages (kb/NNN/QNNNNNN/index.html). */
  articleMedian: number;
  articles: number;
}

export function siteFigures(dir: string): SiteFigures {
  const parts = new Map<string, Part>();
  const articlePages: number[] = [];
  const size = measureSite(dir, (path, bytes) => {
    const name = partOf(path);
    const part = parts.get(name) ?? { bytes: 0, files: 0 };
    part.bytes += bytes;
    part.files++;
    parts.set(name, part);
    if (name === "article pages") articlePages.push(bytes);
  });
  articlePages.sort((a, b) => a - b);
  const mid = articlePages.length >> 1;
  const articleMedian = articlePages.length
    ? articlePages.length % 2
      ? articlePages[mid]!
      : (articlePages[mid - 1]! + articlePages[mid]!) / 2
    : 0;
  return { size, parts, articleMedian, articles: articlePages.length };
}

export function printSite(dir: string): void {
  const { size, parts, articleMedian, articles } = siteFigures(dir);
  console.log(`\nsite ${dir}`);
  console.log(
    `  ${count(size.bytes)} bytes: ${mib(size.bytes)} MiB (${mb(size.bytes)} MB); ${count(size.files + size.folders)} entries (${count(size.files)} files, ${count(size.folders)} folders)`,
  );
  console.log(`  article pages: ${count(articles)}, median ${kb(articleMedian)}`);
  console.log("\nwhere the bytes go");
  const rows = [...parts].sort(([, a], [, b]) => b.bytes - a.bytes).filter(([, p]) => p.bytes);
  table(
    ["part", "MB", "files"],
    rows.map(([name, p]) => [name, mb(p.bytes), count(p.files)]),
  );
  console.log("\nhosts");
  table(
    ["host", "limit", "this site", ""],
    hostChecks(size).map((c) => [c.host, c.limit, c.used, c.passes ? "fits" : "EXCEEDS"]),
  );
  console.log(`\n${hostLine(size)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const dir = process.argv.slice(2).find((arg) => arg !== "--");
  if (!dir || !existsSync(dir)) {
    console.error(
      `usage: npm run bench:site -- DIR (a built site's folder${dir ? `; ${dir} is not there` : ""})`,
    );
    process.exit(2);
  }
  printSite(resolve(dir));
}

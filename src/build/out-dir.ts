/**
 * The output folder: checked before a build, guarded so that nothing derived from article data is
 * ever written outside it, and cleaned after it. A rebuild writes over the earlier build and then
 * deletes only what this build did not write (removed articles' pages go) rather than emptying
 * the folder first: deleting 100k+ files costs minutes on some file systems.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { shortHash } from "./short-hash.ts";

/** Written into every built site: marks the folder as ours, and tells `serve` the prefix. */
export const MARKER = "kbsite.json";

/**
 * Pagefind writes its bundle itself, with content-hashed names, and skips files that already
 * exist; it is left alone here. Chunks a rebuild no longer refers to stay until a clean build, but
 * nothing fetches them.
 */
export const SEARCH_BUNDLE = "pagefind";

/** Written last, after the search index: kept by the sweep that runs before it. */
export const REPORT = "build-report.json";

export class OutDirError extends Error {
  override name = "OutDirError";
}

/**
 * Makes sure `out` can be built into: new, empty, or an earlier kbsite build — never someone's
 * other folder.
 */
export function prepareOut(out: string): void {
  if (!existsSync(out)) return void mkdirSync(out, { recursive: true });
  const entries = readdirSync(out);
  if (entries.length > 0 && !entries.includes(MARKER)) {
    throw new OutDirError(
      `${out}: the folder is not empty and holds no ${MARKER}, so it is not an earlier kbsite build; choose an empty or new folder for --out`,
    );
  }
}

/** The absolute path of `path` (relative to `out`, or absolute), after checking it stays inside `out`. */
export function insideOut(out: string, path: string): string {
  const root = resolve(out);
  const target =
    isAbsolute(path) && path.startsWith(root)
      ? resolve(path)
      : resolve(root, path.replace(/^\/+/, ""));
  const rel = relative(root, target);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) {
    throw new OutDirError(
      `${path}: would be written outside the output folder ${root}; this is a bug in the URL rules`,
    );
  }
  return target;
}

/** One build's view of the output folder: what it wrote, so the rest can go afterwards. */
export class OutDir {
  readonly root: string;
  /** Files this build wrote or kept, as paths inside the folder ("kb/265/Q265433/index.html"). */
  private readonly written = new Set<string>();
  /** Content hashes of the files written by `update`, for the next build's manifest. */
  readonly hashes: Record<string, string> = {};

  /** `previousHashes`: the last build's `hashes`, so `update` can leave unchanged files alone. */
  constructor(
    root: string,
    private readonly previousHashes: Record<string, string> = {},
  ) {
    this.root = resolve(root);
    prepareOut(this.root);
  }

  /** Folders this build has made or found, so a page and its JSON make theirs once. */
  private readonly made = new Set<string>();

  /** Writes a file at a site path ("/kb/265/Q265433/index.json"). */
  write(sitePath: string, content: string | Uint8Array): void {
    const target = insideOut(this.root, sitePath);
    const dir = dirname(target);
    if (!this.made.has(dir)) (mkdirSync(dir, { recursive: true }), this.made.add(dir));
    writeFileSync(target, content);
    this.written.add(relative(this.root, target));
  }

  /**
   * Writes a file unless the last build wrote the same bytes there and it is still there: a
   * rebuild leaves the ~2,300 file and stem JSON files and the sitemap alone when they are the same.
   */
  update(sitePath: string, content: string): void {
    const path = relative(this.root, insideOut(this.root, sitePath));
    const hash = shortHash(content);
    this.hashes[path] = hash;
    if (this.previousHashes[path] === hash && this.has(path)) this.written.add(path);
    else this.write(path, content);
  }

  /** Whether a file is there from an earlier build (a site path or an absolute path inside). */
  has(path: string): boolean {
    return existsSync(this.resolve(path));
  }

  /** Folder (absolute) → its entries, read once by `listed`. */
  private readonly listings = new Map<string, Set<string>>();

  /**
   * Whether a file or folder was there before this build wrote next to it: answered from one
   * listing of its folder, so checking the ~60k article folders costs ~300 folder reads instead
   * of 60k lookups. Only for checks made before this build writes into that folder.
   */
  listed(sitePath: string): boolean {
    const target = this.resolve(sitePath).replace(/\/+$/, "");
    const dir = dirname(target);
    let entries = this.listings.get(dir);
    if (!entries) {
      entries = new Set(existsSync(dir) ? readdirSync(dir) : []);
      this.listings.set(dir, entries);
    }
    return entries.has(target.slice(dir.length + 1));
  }

  /**
   * Records a file kept from an earlier build or written by Eleventy; returns its path inside. A
   * file the last build wrote with `update` keeps its hash, so the next build can keep it too.
   */
  keep(path: string): string {
    // A plain site path ("/kb/265/Q265433/index.html", ~120k a rebuild) is named as it is:
    // resolving and checking each cost ~1 s. Eleventy's output paths are resolved.
    const inside =
      PLAIN_SITE_PATH.test(path) && !path.startsWith(`${this.root}/`)
        ? path.slice(1)
        : isAbsolute(path)
          ? relative(this.root, insideOut(this.root, path))
          : trim(path);
    this.written.add(inside);
    const hash = this.previousHashes[inside];
    if (hash !== undefined) this.hashes[inside] = hash;
    return inside;
  }

  /** The files written or kept so far, as paths inside the folder. */
  files(): string[] {
    return [...this.written];
  }

  /**
   * Deletes every file this build did not write, and folders left empty, except the search bundle
   * and the report. With `previous` (the files the last build wrote, from its manifest) only those
   * are looked at; without, the whole folder is walked. Returns how many files went.
   */
  removeStale(previous?: Iterable<string>): number {
    return previous ? this.removeListed(previous) : this.sweep();
  }

  /** Site path or absolute path → absolute path; site paths are not checked (nothing is written). */
  private resolve(path: string): string {
    return isAbsolute(path) && path.startsWith(this.root) ? path : `${this.root}/${trim(path)}`;
  }

  private removeListed(previous: Iterable<string>): number {
    let removed = 0;
    for (const path of previous) {
      if (this.written.has(path) || path === REPORT || path.startsWith(`${SEARCH_BUNDLE}/`))
        continue;
      const target = insideOut(this.root, path);
      if (!existsSync(target)) continue;
      unlinkSync(target);
      removed++;
      // Folders left empty go too, up to the root.
      for (let dir = dirname(target); dir !== this.root; dir = dirname(dir)) {
        if (readdirSync(dir).length > 0) break;
        rmdirSync(dir);
      }
    }
    return removed;
  }

  private sweep(): number {
    const bundle = join(this.root, SEARCH_BUNDLE);
    const report = join(this.root, REPORT);
    let removed = 0;
    const sweep = (dir: string): boolean => {
      let empty = true;
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (path === bundle || path === report) {
          empty = false;
        } else if (entry.isDirectory()) {
          if (sweep(path)) rmdirSync(path);
          else empty = false;
        } else if (this.written.has(relative(this.root, path))) {
          empty = false;
        } else {
          unlinkSync(path);
          removed++;
        }
      }
      return empty;
    };
    sweep(this.root);
    return removed;
  }
}

/** "/kb/265/Q265433/index.html": no empty, "." or ".." segment, nothing to resolve. */
const PLAIN_SITE_PATH = /^(?:\/[^/.][^/]*)+$/;

/** "/kb/265/" → "kb/265/". */
const trim = (path: string) => (path.startsWith("/") ? path.replace(/^\/+/, "") : path);

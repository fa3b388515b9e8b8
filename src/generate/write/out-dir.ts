/**
 * The output folder as one build sees it: the site as it is (--out, read to keep what did not
 * change) and the staging folder the build writes into (commit.ts moves it into --out at the
 * end). Nothing derived from article data is ever written outside it. The build records every
 * file it writes or keeps, so that the commit deletes only files of the last build that this one
 * no longer makes: a file kbsite did not write is never removed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { shortHash } from "../incremental/short-hash.ts";
import { UserError } from "../../user-error.ts";

/** Written into every built site: marks the folder as ours, and tells `serve` the prefix. */
export const MARKER = "kbsite.json";

/**
 * Pagefind writes its bundle itself, with content-hashed names, into the staging folder, where
 * nothing exists yet (Pagefind skips files that exist); the commit moves them over the old ones.
 * Chunks a rebuild no longer refers to stay until a clean build, but nothing fetches them.
 */
export const SEARCH_BUNDLE = "pagefind";

export class OutDirError extends UserError {
  override name = "OutDirError";
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
  /** Where this build's files go until the commit: the same paths under another root. */
  readonly stage: string;
  /** Files this build wrote or kept, as paths inside the folder ("kb/265/Q265433/index.html"). */
  private readonly written = new Set<string>();
  /** Content hashes of the files written by `update`, for the next build's manifest. */
  readonly hashes: Record<string, string> = {};

  /**
   * `stage`: where to write (default `root` itself, for tests that write a folder directly);
   * `previousHashes`: the last build's `hashes`, so `update` can leave unchanged files alone.
   */
  constructor(
    root: string,
    stage: string = root,
    private readonly previousHashes: Record<string, string> = {},
  ) {
    this.root = resolve(root);
    this.stage = resolve(stage);
    mkdirSync(this.stage, { recursive: true });
  }

  /** Folders this build has made or found, so a page and its JSON make theirs once. */
  private readonly made = new Set<string>();

  /** Writes a file at a site path ("/kb/265/Q265433/index.json"), into the staging folder. */
  write(sitePath: string, content: string | Uint8Array): void {
    const path = relative(this.root, insideOut(this.root, sitePath));
    const target = `${this.stage}/${path}`;
    const dir = dirname(target);
    if (!this.made.has(dir)) (mkdirSync(dir, { recursive: true }), this.made.add(dir));
    writeFileSync(target, content);
    this.written.add(path);
  }

  /**
   * Writes a file unless the last build wrote the same bytes there and they are still there
   * whole: a rebuild leaves the ~2,300 file and stem JSON files and the sitemap alone when they
   * are the same, and repairs one that was truncated or emptied since.
   */
  update(sitePath: string, content: string | Uint8Array): void {
    const path = relative(this.root, insideOut(this.root, sitePath));
    const hash = shortHash(content);
    this.hashes[path] = hash;
    // Something staged there this build (Eleventy's copy of an asset an override shadows) would
    // go into the site over the kept file: write over it.
    const staged = this.written.has(path) && existsSync(`${this.stage}/${path}`);
    if (this.previousHashes[path] === hash && !staged && this.same(path, content))
      this.written.add(path);
    else this.write(path, content);
  }

  /** Whether the site's file at `path` (inside) holds `content`. */
  private same(path: string, content: string | Uint8Array): boolean {
    if (typeof content === "string") return this.read(path) === content;
    try {
      return Buffer.from(content).equals(readFileSync(`${this.root}/${path}`));
    } catch {
      return false;
    }
  }

  /** Whether a file `update` wrote in the last build is still there with the bytes it wrote. */
  intact(sitePath: string): boolean {
    const path = trim(sitePath);
    const text = this.read(path);
    return text !== undefined && shortHash(text) === this.previousHashes[path];
  }

  private read(path: string): string | undefined {
    try {
      return readFileSync(`${this.root}/${path}`, "utf8");
    } catch {
      return undefined;
    }
  }

  /** Whether a file is there from an earlier build (a site path or an absolute path inside). */
  has(path: string): boolean {
    return existsSync(this.resolve(path));
  }

  /** Folder (absolute) → its entries, read once by `listed`. */
  private readonly listings = new Map<string, Set<string>>();

  /**
   * Whether a file or folder is there from an earlier build: answered from one listing of its
   * folder, so checking the ~60k article folders costs ~300 folder reads instead of 60k lookups.
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
   * Records a file kept from an earlier build or written by Eleventy (into the staging folder);
   * returns its path inside. A file the last build wrote with `update` keeps its hash, so the
   * next build can keep it too.
   */
  keep(path: string): string {
    // A plain site path ("/kb/265/Q265433/index.html", ~120k a rebuild) is named as it is:
    // resolving and checking each cost ~1 s. Eleventy's output paths are resolved.
    const staged = path.startsWith(`${this.stage}/`);
    const inside =
      PLAIN_SITE_PATH.test(path) && !path.startsWith(`${this.root}/`) && !staged
        ? path.slice(1)
        : staged
          ? relative(this.root, insideOut(this.root, this.root + path.slice(this.stage.length)))
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
   * The files among `previous` (what the last build wrote, from its manifest) that this build
   * does not make, for the commit to delete; the search bundle's files stay (see SEARCH_BUNDLE).
   */
  stale(previous: Iterable<string>): string[] {
    const gone: string[] = [];
    for (const path of previous)
      if (!this.written.has(path) && !path.startsWith(`${SEARCH_BUNDLE}/`)) gone.push(path);
    return gone;
  }

  /** Site path or absolute path → absolute path; site paths are not checked (nothing is written). */
  private resolve(path: string): string {
    return isAbsolute(path) && path.startsWith(this.root) ? path : `${this.root}/${trim(path)}`;
  }
}

/** "/kb/265/Q265433/index.html": no empty, "." or ".." segment, nothing to resolve. */
const PLAIN_SITE_PATH = /^(?:\/[^/.][^/]*)+$/;

/** "/kb/265/" → "kb/265/". */
const trim = (path: string) => (path.startsWith("/") ? path.replace(/^\/+/, "") : path);

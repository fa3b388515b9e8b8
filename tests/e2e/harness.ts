/**
 * The end-to-end harness: builds the sample with the real CLI, serves it with the real
 * `kbsite serve` on 127.0.0.1, and drives Debian's Chromium through playwright-core.
 *
 *   const site = useSite("/kb-archive/");   // inside a describe: registers before/after hooks
 *   const page = await site.page();          // a fresh browser context per call
 *   await page.goto(site.url("kb/246/Q246691/"));
 *
 * Node runs each test file in its own process, so a build is cached in the temp folder under a
 * hash of everything the build reads: the first file builds, the others reuse it, and any change
 * to the sources, the sample or the lock file makes a new build.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rename, rm, stat, utimes } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { after, afterEach, before } from "node:test";
import { promisify } from "node:util";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
} from "playwright-core";
import type { Page } from "playwright-core";
import { SECURITY_HEADERS } from "../../src/serve/headers.ts";
import { cliPath, repoRoot, sampleContentDir } from "../helpers/repo.ts";

export type { Page };

export const CHROMIUM = "/usr/bin/chromium";

/** False when the browser is there, else why every e2e suite is skipped. */
export const noBrowser: string | false = existsSync(CHROMIUM)
  ? false
  : `${CHROMIUM} is missing, so the browser tests are skipped (apt-get install chromium; CI installs it)`;

/** The sub-paths the site is built for and served under: the host root and a sub-folder. */
export const PREFIXES = ["/", "/kb-archive/"] as const;

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export type Site = {
  /** "/" or "/kb-archive/": where the site lives on the server. */
  prefix: string;
  /** "http://127.0.0.1:PORT" */
  origin: string;
  /** The built site on disk (the --out folder). */
  dir: string;
  /** The path of a page of the site on the server: path("kb/") is "/kb-archive/kb/". */
  path(inSite: string): string;
  /** The full URL of a page of the site: url("search/?q=x"). */
  url(inSite: string): string;
  /** A page in a new browser context, closed after the test. */
  page(options?: BrowserContextOptions): Promise<Page>;
};

/** Builds (or reuses) the sample site for `prefix`, serves it and opens the browser, per suite. */
export function useSite(prefix: string = "/"): Site {
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  const violations: string[] = [];
  const site: Site = {
    prefix,
    origin: "",
    dir: "",
    path: (inSite) => prefix + inSite.replace(/^\//, ""),
    url: (inSite) => site.origin + site.path(inSite),
    async page(options = {}) {
      if (!browser) throw new Error("useSite: the browser is not up; call page() inside a test");
      const context = await browser.newContext(options);
      contexts.push(context);
      context.setDefaultTimeout(15_000);
      // `kbsite serve` sends the production Content-Security-Policy: a test fails on any
      // violation of it (not of a policy a test sets itself), so the site is known to work under it.
      await context.addInitScript(
        (policy) =>
          document.addEventListener("securitypolicyviolation", (event) => {
            if (event.originalPolicy === policy)
              console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
          }),
        SECURITY_HEADERS["Content-Security-Policy"],
      );
      const page = await context.newPage();
      page.on("pageerror", (error) => console.error(`  page error on ${page.url()}: ${error}`));
      page.on("console", (message) => {
        if (message.text().startsWith("CSP violation:"))
          violations.push(`${page.url()}: ${message.text()}`);
      });
      return page;
    },
  };

  before(async () => {
    site.dir = await buildSample(prefix);
    const served = await serve(site.dir, prefix);
    server = served.child;
    site.origin = served.origin;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
    const seen = violations.splice(0);
    if (seen.length) throw new Error(`Content-Security-Policy violated:\n${seen.join("\n")}`);
  });
  after(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
  });
  return site;
}

/** Builds the sample site for `prefix` with the real CLI, or returns the cached build. */
export async function buildSample(prefix: string = "/"): Promise<string> {
  const root = path.join(os.tmpdir(), `${CACHE}${inputsHash()}`);
  if (existsSync(path.join(siteDir(root, prefix), "index.html"))) {
    await utimes(root, new Date(), new Date()); // in use: not to be pruned
    return siteDir(root, prefix);
  }

  await pruneOldBuilds();
  const tmp = await mkdtemp(path.join(os.tmpdir(), "kbsite-e2e-tmp-"));
  const args = ["build", "--content", sampleContentDir, "--out", siteDir(tmp, prefix)];
  if (prefix !== "/") args.push("--prefix", prefix);
  try {
    await promisify(execFile)(process.execPath, [cliPath, ...args], {
      cwd: repoRoot,
      timeout: 300_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    await mkdir(root, { recursive: true });
    // Another test process may have finished the same build first: then keep theirs.
    await rename(siteDir(tmp, prefix), siteDir(root, prefix)).catch(() => undefined);
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`kbsite ${args.join(" ")} failed:\n${stdout}${stderr}`, { cause: error });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return siteDir(root, prefix);
}

const CACHE = "kbsite-e2e-";

/** Removes cached builds of older sources, once nobody can still be using them (an hour on). */
async function pruneOldBuilds(): Promise<void> {
  for (const name of await readdir(os.tmpdir())) {
    const dir = path.join(os.tmpdir(), name);
    if (!name.startsWith(CACHE)) continue;
    const { mtimeMs } = await stat(dir).catch(() => ({ mtimeMs: Date.now() }));
    if (Date.now() - mtimeMs > 3_600_000) await rm(dir, { recursive: true, force: true });
  }
}

/** Where the build for `prefix` goes under `root`: "root" for "/", "kb-archive" for "/kb-archive/". */
function siteDir(root: string, prefix: string): string {
  return path.join(root, prefix.replace(/\//g, "") || "root");
}

/**
 * Starts the real `kbsite serve` on a free port of 127.0.0.1 and waits until it answers. It
 * serves a prefixed build under its prefix, as a static host serves a site deployed there.
 */
async function serve(
  dir: string,
  prefix: string,
): Promise<{ child: ChildProcess; origin: string }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const args = [cliPath, "serve", dir, "--port", String(port)];
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));

  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`kbsite serve exited with ${child.exitCode} before answering:\n${output}`);
    }
    const answered = await fetch(origin + prefix).then(
      () => true,
      () => false,
    );
    if (answered) return { child, origin };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill("SIGTERM");
  throw new Error(`kbsite serve did not answer on ${origin} within 30 s:\n${output}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(),
      );
    });
  });
}

/** Files whose change can change the built site; tests/ and generated folders are left out. */
const SKIPPED = new Set(["node_modules", "tests", "_site", "tmp", ".git", ".cache", ".ci"]);

function inputsHash(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (SKIPPED.has(entry.name)) continue;
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.isFile())
        hash.update(path.relative(repoRoot, file)).update(readFileSync(file));
    }
  };
  walk(repoRoot);
  return hash.digest("hex").slice(0, 16);
}

/** The path part of a URL, for comparing where a page landed: "/kb/246/Q246691/". */
export function pathOf(url: string): string {
  return new URL(url).pathname;
}

/** The links in the page's search results, in order, as paths; waits for the first to appear. */
export async function resultPaths(page: Page): Promise<string[]> {
  const links = page.locator("[data-search-results] a[href]");
  await links.first().waitFor();
  const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  return hrefs.map(pathOf);
}

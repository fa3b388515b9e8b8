/**
 * workerUrl: the parse worker as one prebuilt ES module. A worker started through tsx spends
 * about 0.6 s of CPU resolving and transpiling each source through the loader's own thread; the
 * bundle starts in a third of that, which matters with a worker per core and a 10 s budget.
 * The bundle is kept in node_modules/.cache/kbsite (there its imports of zod, gray-matter and
 * entities resolve as usual) under a name keyed by the sources' sizes and times, so it is made
 * once per change of the code. When it cannot be made, the worker boots through tsx instead.
 */
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync, existsSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ENTRY = join(ROOT, "src/corpus/worker.ts");
const SOURCES = ["src/corpus", "src/parser", "src/record.ts"];
const CACHE = join(ROOT, "node_modules/.cache/kbsite");
const TSX_BOOT = new URL("./worker-boot.mjs", import.meta.url);

let cached: URL | undefined;

export async function workerUrl(): Promise<URL> {
  cached ??= await bundled().catch(() => TSX_BOOT);
  return cached;
}

async function bundled(): Promise<URL> {
  const file = join(CACHE, `parse-worker-${sourcesKey()}.mjs`);
  if (!existsSync(file)) {
    const { build } = await import("esbuild");
    const result = await build({
      entryPoints: [ENTRY],
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      packages: "external",
      write: false,
      logLevel: "silent",
    });
    mkdirSync(CACHE, { recursive: true });
    // Written aside and renamed: builds running side by side never load a half-written file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, result.outputFiles[0]!.contents);
    renameSync(partial, file);
  }
  return pathToFileURL(file);
}

/** Paths, sizes and modification times of every source the worker is built from. */
function sourcesKey(): string {
  const hash = createHash("sha1");
  const add = (path: string) => {
    const stats = statSync(join(ROOT, path));
    if (!stats.isDirectory()) return void hash.update(`${path} ${stats.size} ${stats.mtimeMs}\n`);
    for (const name of readdirSync(join(ROOT, path)).sort()) add(`${path}/${name}`);
  };
  SOURCES.forEach(add);
  return hash.digest("hex").slice(0, 16);
}

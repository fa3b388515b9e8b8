/**
 * workerUrl: the parse worker as one prebuilt ES module. A worker started through tsx spends
 * about 0.6 s of CPU resolving and transpiling each source through the loader's own thread; the
 * bundle starts in a third of that, which matters with a worker per core and a 10 s budget.
 * The bundle is kept in node_modules/.cache/kbsite (there its imports of zod, gray-matter and
 * entities resolve as usual) under a name keyed by a hash of its sources, so it is made
 * once per change of the code. When it cannot be made, the worker boots through tsx instead.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PARSING_SOURCES, sourceHash } from "../source-hash.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ENTRY = join(ROOT, "src/corpus/worker.ts");
const CACHE = join(ROOT, "node_modules/.cache/kbsite");
const TSX_BOOT = new URL("./worker-boot.mjs", import.meta.url);

let cached: URL | undefined;

export async function workerUrl(): Promise<URL> {
  cached ??= await bundled().catch(() => TSX_BOOT);
  return cached;
}

async function bundled(): Promise<URL> {
  const file = join(CACHE, `parse-worker-${sourceHash(PARSING_SOURCES).slice(0, 16)}.mjs`);
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

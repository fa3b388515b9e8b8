/**
 * sourceHash: a hash of the project's own files under the given paths (relative to the project
 * root; folders walked in sorted order), for every key that must change when the code that made
 * something changes: the build manifest, the parse cache, the parse worker's bundle. A listed path
 * that is not there is an error, not a skip: after a move, a skipped path would let a change to
 * kbsite's code stop invalidating earlier builds without a word.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** The code that turns a file into a record: the parse cache and the parse worker depend on it. */
export const PARSING_SOURCES = ["src/parser", "src/corpus", "src/record.ts"] as const;

/** The code that turns records into the site: the build manifest's version depends on it. */
export const SITE_SOURCES = [
  "src/generate",
  "src/site",
  "src/words",
  "layouts",
  "src/record.ts",
  ".eleventy.ts",
] as const;

/** `seed` joins what else the key depends on (options, for the manifest). */
export function sourceHash(paths: readonly string[], seed = ""): string {
  const h = createHash("sha1").update(seed);
  const add = (path: string) => {
    const full = join(ROOT, path);
    if (!existsSync(full))
      throw new Error(`sourceHash: ${path} is not there; update the lists in src/source-hash.ts`);
    if (!statSync(full).isDirectory()) return void h.update(path).update(readFileSync(full));
    for (const name of readdirSync(full).sort()) add(`${path}/${name}`);
  };
  for (const path of paths) add(path);
  return h.digest("base64url");
}

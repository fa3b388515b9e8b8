/**
 * Where the real corpus is for the corpus tests: $KB_CORPUS_DIR if set (e.g. an unpacked
 * /tmp/corpus), else ../shared/corpus's tarballs unpacked once into the OS temp folder; undefined
 * (with the reason) when ../shared/corpus is absent, so the tests skip rather than fail.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const shared = resolve(repoRoot, "../shared/corpus");
const TARBALLS = ["kbarchive-txt.tar.gz", "kbarchive-md.tar.gz"];

export function corpusDir(): { dir?: string; skip?: string } {
  const given = process.env.KB_CORPUS_DIR;
  if (given)
    return existsSync(given) ? { dir: given } : { skip: `KB_CORPUS_DIR=${given} does not exist` };
  if (!existsSync(shared)) return { skip: `no corpus at ${shared}; skipping the corpus tests` };
  const dir = join(tmpdir(), "kbsite-corpus");
  const done = join(dir, ".unpacked");
  if (!existsSync(done)) {
    mkdirSync(dir, { recursive: true });
    for (const tarball of TARBALLS) execFileSync("tar", ["-xzf", join(shared, tarball), "-C", dir]);
    writeFileSync(done, new Date().toISOString());
  }
  return { dir };
}

/**
 * Where things are, for every test: the repository, the sample site content, and the shared corpus
 * that sits beside the checkout (`../shared`) on developers' machines and in CI.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (this file is tests/helpers/repo.ts). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The built-in sample: the five seed articles. */
export const sampleContentDir = path.join(repoRoot, "content");

/** The command-line entry point, run as `node bin/kbsite.js COMMAND ...`. */
export const cliPath = path.join(repoRoot, "bin", "kbsite.js");

/** `../shared/corpus`: the tarballs of the real archive (see its README.md). */
export const corpusArchiveDir = path.resolve(repoRoot, "..", "shared", "corpus");

/**
 * The unpacked corpus, when someone unpacked it: `KB_CORPUS_DIR` (set by .ci/run), holding
 * `txt/NNN/QNNNNNN.TXT` and `kb/NNN/QNNNNNN/README.md`. Undefined when unset or missing.
 */
export function unpackedCorpusDir(): string | undefined {
  const dir = process.env.KB_CORPUS_DIR;
  return dir && existsSync(dir) ? dir : undefined;
}

/**
 * A reason to skip a corpus test, or false when the corpus is there. Use as
 * `describe("...", { skip: corpusSkipReason() }, ...)` so the skip says why.
 */
export function corpusSkipReason(): string | false {
  return existsSync(corpusArchiveDir) ? false : `no corpus at ${corpusArchiveDir}`;
}

/** The build report of a site built into `out` with the default state folder (src/generate/publish/state.ts). */
export function reportPath(out: string): string {
  return path.join(
    path.dirname(path.resolve(out)),
    ".kbsite-state",
    path.basename(path.resolve(out)),
    "build-report.json",
  );
}

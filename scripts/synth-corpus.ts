/**
 * `tsx scripts/synth-corpus.ts SRC DEST N`: writes the corpus in SRC N times over into DEST, for
 * the growth runs of issue 4 (60k → 120k → 240k articles). Copy 0 is SRC as it is; copy k adds
 * k × 1,000,000 to every KB id, in the file content (the article's own id, the ids it cites, the
 * Jekyll permalink's bucket) and in the path (txt/BBB/QNNN.TXT, kb/BBB/QNNN/README.md), so each
 * copy is a set of new articles in both forms. Bytes other than ids are kept as they are (the text
 * form is cp1252, so files are handled as latin1). DEST must not exist or be empty; write it
 * under /tmp, never in the repository.
 */
import { existsSync, readdirSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { walk } from "../src/corpus/walk.ts";

const STEP = 1_000_000;
/** A KB id as printed: Q and 1–7 digits (the corpus's ids are below a million). */
const ID = /\bQ([1-9][0-9]{0,6})\b/g;
/** The Jekyll permalink, "/kb/219/Q219324/": its bucket follows the id. */
const PERMALINK = /\/kb\/\d{3,}\/Q([1-9][0-9]*)\//g;
/** A path segment that is a bucket folder, "219". */
const BUCKET = /^\d{3,}$/;

export function shiftId(id: string, k: number): string {
  return `Q${Number(id.slice(1)) + k * STEP}`;
}

function bucketOf(number: number): string {
  return String(Math.floor(number / 1000)).padStart(3, "0");
}

/** The content of copy k: every id shifted, the permalink's bucket recomputed. */
export function shiftContent(text: string, k: number): string {
  if (k === 0) return text;
  return text
    .replace(ID, (_, n: string) => `Q${Number(n) + k * STEP}`)
    .replace(PERMALINK, (_, n: string) => `/kb/${bucketOf(Number(n))}/Q${n}/`);
}

/** The path of copy k: the id segment (or file stem) shifted, its bucket folder recomputed. */
export function shiftPath(path: string, k: number): string {
  if (k === 0) return path;
  const parts = path.split("/");
  let number: number | undefined;
  for (let i = parts.length - 1; i >= 0; i--) {
    const match = /^Q([1-9][0-9]*)(\.[A-Za-z]+)?$/.exec(parts[i]!);
    if (!match) continue;
    number = Number(match[1]) + k * STEP;
    parts[i] = `Q${number}${match[2] ?? ""}`;
    if (i > 0 && BUCKET.test(parts[i - 1]!)) parts[i - 1] = bucketOf(number);
    break;
  }
  // A file not named after its id keeps its name, under a folder of its own per copy.
  return number === undefined ? `copy-${k}/${path}` : parts.join("/");
}

async function main(): Promise<void> {
  const [src, dest, n] = process.argv.slice(2).filter((a) => a !== "--");
  const copies = Number(n);
  if (!src || !dest || !Number.isInteger(copies) || copies < 1) {
    console.error(
      "usage: tsx scripts/synth-corpus.ts SRC DEST N   (e.g. /tmp/corpus /tmp/corpus-x4 4)",
    );
    process.exit(2);
  }
  const root = resolve(dest);
  if (root.startsWith(resolve(import.meta.dirname, ".."))) {
    console.error(`${dest}: inside the repository; write synthetic corpora under /tmp`);
    process.exit(2);
  }
  if (existsSync(root) && readdirSync(root).length > 0) {
    console.error(`${dest}: not empty; choose a new folder`);
    process.exit(2);
  }
  const { files } = await walk([resolve(src)]);
  let written = 0;
  const queue = [...files];
  const worker = async () => {
    for (let path = queue.pop(); path; path = queue.pop()) {
      const text = await readFile(path, "latin1");
      const rel = relative(resolve(src), path);
      for (let k = 0; k < copies; k++) {
        const target = join(root, shiftPath(rel, k));
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, shiftContent(text, k), "latin1");
        written++;
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  console.log(`${written} files written to ${root} (${files.length} × ${copies})`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

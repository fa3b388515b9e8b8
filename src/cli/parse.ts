/**
 * `kbsite parse PATH...`: one JSON record per line on stdout, in path order; a file that cannot
 * be parsed is `PATH: reason` on stderr and the rest go on. Exit status 1 when any failed.
 */
import { parseFiles } from "../corpus/pool.ts";
import { walkFiles } from "../corpus/walk.ts";
import { progress } from "../progress.ts";
import { UsageError } from "./usage.ts";

export async function run(args: string[]): Promise<number> {
  const paths = args.filter((arg) => arg !== "--");
  const unknown = paths.find((arg) => arg.startsWith("-"));
  if (unknown) throw new UsageError(`unknown option "${unknown}"`);
  if (paths.length === 0) throw new UsageError("give at least one file or folder to parse");
  let failed = 0;
  const files = walkFiles(paths, (error) => {
    failed++;
    console.error(`${error.path}: ${error.reason}`);
  });
  const bar = progress("parse");
  const out: string[] = [];
  await parseFiles(files, {
    onProgress: (done, total) => total > 1000 && bar.update(done, total),
    onResult: (result) => {
      if (result.ok) out.push(JSON.stringify(result.record));
      else (failed++, console.error(`${result.path}: ${result.reason}`));
      if (out.length >= 256) flush(out);
    },
  });
  flush(out);
  bar.stop();
  await new Promise<void>((resolve) => process.stdout.write("", () => resolve()));
  return failed > 0 ? 1 : 0;
}

/** Writes buffered lines in one call: 117k separate writes would dominate the run. */
function flush(lines: string[]): void {
  if (lines.length > 0) process.stdout.write(lines.join("\n") + "\n");
  lines.length = 0;
}

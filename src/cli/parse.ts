/**
 * `kbsite parse PATH...`: one JSON record per line on stdout, in path order; a file that cannot
 * be parsed is `PATH: reason` on stderr and the rest go on. Exit status 1 when any failed.
 */
import { parseFiles } from "../corpus/pool.ts";
import { walkFiles } from "../corpus/walk.ts";
import { progress } from "../progress.ts";
import { helpText, parseOptions, type CommandHelp } from "./options.ts";
import { UsageError } from "./usage.ts";
import { printable } from "../printable.ts";

export const HELP: CommandHelp = {
  usage: "parse PATH...",
  about:
    'Parses files or folders (walked recursively, dotfiles skipped) and prints one JSON record per\nline on stdout; a file that cannot be parsed is "PATH: reason" on stderr, and the rest go on.',
  options: [],
  notes: ["Exit status: 0 all parsed, 1 some file failed, 2 bad usage."],
};

export async function run(args: string[]): Promise<number> {
  const { positionals: paths, help } = parseOptions(HELP, args, true);
  if (help) return (console.log(helpText(HELP)), 0);
  if (paths.length === 0) throw new UsageError("give at least one file or folder to parse");
  let failed = 0;
  const files = walkFiles(paths, (error) => {
    failed++;
    console.error(`${printable(error.path)}: ${printable(error.reason)}`);
  });
  const bar = progress("parse", "files parsed");
  const out: string[] = [];
  await parseFiles(files, {
    onProgress: (done, total) => total > 1000 && bar.update(done, total),
    onResult: (result) => {
      if (result.ok) out.push(JSON.stringify(result.record));
      else (failed++, console.error(`${printable(result.path)}: ${printable(result.reason)}`));
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

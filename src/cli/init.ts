/**
 * `kbsite init`: writes a starter config file (kbsite.config.json here, or the --config file)
 * with every key at its default, to edit from there. It never overwrites a file: an existing
 * config is the user's work. The starter leaves out `overrides`: a folder the file names must
 * exist (a typo should fail), and an empty one would not survive a git clone, so the starter
 * builds as it is and overrides/ is picked up once the user makes it.
 */
import { existsSync, writeFileSync } from "node:fs";
import { CONFIG_FILE, STARTER } from "../config/schema.ts";
import { helpText, parseOptions, type CommandHelp } from "./options.ts";

export const HELP: CommandHelp = {
  usage: "init [options]",
  about:
    "Writes a starter config file with every key at its default but overrides (README:\nConfiguration lists them); refuses to overwrite one that is there.",
  options: [{ name: "config", value: "FILE", default: CONFIG_FILE, about: "the file to write" }],
  notes: ["Exit status: 0 written, 1 the file is already there, 2 bad usage."],
};

export async function run(args: string[]): Promise<number> {
  const { values, help } = parseOptions(HELP, args);
  if (help) return (console.log(helpText(HELP)), 0);
  const file = values.config as string;
  if (existsSync(file)) {
    console.error(`kbsite init: ${file} is already there; edit it, or move it away to start anew`);
    return 1;
  }
  try {
    writeFileSync(file, JSON.stringify(STARTER, null, 2) + "\n", { flag: "wx" });
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    console.error(`kbsite init: ${file}: could not write it (${code ?? String(error)})`);
    return 1;
  }
  console.log(
    `wrote ${file}; put your articles in ${STARTER.content}/ (or edit "content"), then run kbsite build`,
  );
  return 0;
}

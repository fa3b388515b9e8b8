/**
 * Each command's options as one table: what parses the command line (node:util parseArgs, with
 * the defaults) and what `kbsite help CMD` and `CMD --help` print, so the help cannot drift from
 * what the command accepts.
 */
import { parseArgs } from "node:util";
import { UsageError } from "./usage.ts";

export interface Option {
  name: string;
  /** A value's placeholder ("DIR"); none for a flag. */
  value?: string;
  /** The default as parseArgs gets it; a flag's is false. */
  default?: string;
  /** The default as the help says it, when that is not the value itself. */
  shown?: string;
  about: string;
}

export interface CommandHelp {
  usage: string;
  about: string;
  options: Option[];
  /** Lines after the options: exit statuses, notes. */
  notes?: string[];
}

const HELP: Option = { name: "help", about: "print this help and exit" };

/** The command's help, as `kbsite help CMD` prints it. */
export function helpText(help: CommandHelp): string {
  const options = [...help.options, HELP];
  const left = options.map((o) => `  --${o.name}${o.value ? ` ${o.value}` : ""}`);
  const width = Math.max(...left.map((l) => l.length)) + 2;
  const lines = options.map((o, i) => {
    const fallback = o.shown ?? (o.value ? o.default : undefined);
    const suffix = fallback !== undefined ? ` (default: ${fallback || '""'})` : "";
    return `${left[i]!.padEnd(width)}${o.about}${suffix}`;
  });
  return [
    `Usage: kbsite ${help.usage}`,
    "",
    help.about,
    "",
    "Options:",
    ...lines,
    ...(help.notes ? ["", ...help.notes] : []),
  ].join("\n");
}

export type Parsed = {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  /** --help was given: the caller prints the help and exits 0. */
  help: boolean;
};

/** Parses `args` against the table; a word it does not know is a UsageError. */
export function parseOptions(help: CommandHelp, args: string[], positionals = false): Parsed {
  const options: Record<string, { type: "string" | "boolean"; default?: string | boolean }> = {
    help: { type: "boolean", default: false },
  };
  for (const o of help.options)
    options[o.name] = o.value
      ? { type: "string", ...(o.default !== undefined && { default: o.default }) }
      : { type: "boolean", default: false };
  try {
    const parsed = parseArgs({ args, options, allowPositionals: positionals, strict: true });
    return {
      values: parsed.values,
      positionals: parsed.positionals,
      help: parsed.values.help === true,
    };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * `kbsite COMMAND ...`: a table of commands, each in its own file with its options' table
 * (options.ts). A command returns its exit status; bad usage is one line and the usage, exit
 * status 2; bad input is reported as one line, never as a stack trace.
 */
import { readFileSync } from "node:fs";
import { helpText, type CommandHelp } from "./options.ts";
import { UsageError } from "./usage.ts";
import { UserError } from "../user-error.ts";

type Command = {
  summary: string;
  load: () => Promise<{ run: (args: string[]) => Promise<number>; HELP: CommandHelp }>;
};

const COMMANDS: Record<string, Command> = {
  parse: {
    summary: "parse PATH...     print one JSON record per article",
    load: () => import("./parse.ts"),
  },
  check: {
    summary: "check PATH...     summarize forms, duplicates and failures",
    load: () => import("./check.ts"),
  },
  build: {
    summary: "build [options]   build the site (--content DIR --out DIR ...)",
    load: () => import("./build.ts"),
  },
  init: {
    summary: "init              write a starter kbsite.config.json",
    load: () => import("./init.ts"),
  },
  serve: {
    summary: "serve [DIR]       serve a built site as a static host would",
    load: () => import("./serve.ts"),
  },
};

export function help(): string {
  const lines = Object.values(COMMANDS).map((c) => `  kbsite ${c.summary}`);
  return [
    "Usage:",
    ...lines,
    "  kbsite help CMD   every option of a command, with its default (also CMD --help)",
    "  kbsite --version  print the version",
  ].join("\n");
}

export function version(): string {
  const url = new URL("../../package.json", import.meta.url);
  return (JSON.parse(readFileSync(url, "utf8")) as { version: string }).version;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === "--version" || name === "-V") return (console.log(`kbsite ${version()}`), 0);
  const asked = name === "help" && args[0] ? COMMANDS[args[0]] : undefined;
  if (asked) return (console.log(helpText((await asked.load()).HELP)), 0);
  if (!name || name === "--help" || name === "-h" || name === "help") {
    if (name === "help" && args[0]) {
      console.error(`kbsite: unknown command "${args[0]}".\n${help()}`);
      return 2;
    }
    (name ? console.log : console.error)(help());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`kbsite: unknown command "${name}".\n${help()}`);
    return 2;
  }
  const module = await command.load();
  try {
    return await module.run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      const usage = `Usage: kbsite ${module.HELP.usage} (\`kbsite help ${name}\` lists every option)`;
      console.error(`kbsite ${name}: ${error.message}\n${usage}`);
      return 2;
    }
    // A condition the user can fix, from any command: its line, never a stack.
    if (error instanceof UserError) return (console.error(`kbsite ${name}: ${error.message}`), 1);
    throw error;
  }
}

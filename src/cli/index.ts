/**
 * `kbsite COMMAND ...`: a table of commands, each in its own file. A command returns its exit
 * status; bad usage and bad input are reported as one line, never as a stack trace.
 */
import { UsageError } from "./usage.ts";

type Command = { summary: string; run: (args: string[]) => Promise<number> };

const COMMANDS: Record<string, Command> = {
  parse: {
    summary: "parse PATH...            print one JSON record per article",
    run: async (args) => (await import("./parse.ts")).run(args),
  },
  check: {
    summary: "check PATH...            summarize forms, duplicates and failures",
    run: async (args) => (await import("./check.ts")).run(args),
  },
  build: {
    summary:
      "build [--content DIR] [--out DIR] [--prefix /p/] [--site-url URL] [--strict]   build the site",
    run: async (args) => (await import("./build.ts")).run(args),
  },
  serve: {
    summary: "serve [DIR] [--port N]   serve a built site as a static host would",
    run: async (args) => (await import("./serve.ts")).run(args),
  },
};

export function help(): string {
  const lines = Object.values(COMMANDS).map((c) => `  kbsite ${c.summary}`);
  return ["Usage:", ...lines].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(help());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`kbsite: unknown command "${name}".\n${help()}`);
    return 2;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`kbsite ${name}: ${error.message}\n${help()}`);
      return 2;
    }
    throw error;
  }
}

/**
 * `kbsite build`: builds the site. Exit status 0 when the site is built, 1 when the build failed
 * (the site is then left as it was), 2 for bad usage, 130 when stopped by Ctrl-C (143 by
 * SIGTERM). Errors in single articles fail the build only with --strict; they are always in the
 * build report, in the state folder.
 */
import { hasCommitted } from "../generate/publish/commit.ts";
import { buildAndServe } from "./build-serve.ts";
import { buildOnce } from "./build-once.ts";
import { LISTEN_OPTIONS } from "./listen.ts";
import { runInterruptSteps } from "../interrupt.ts";
import { ConfigError } from "../config/load.ts";
import { buildSettings, type BuildSettings } from "./build-options.ts";
import { describeFailure } from "./failure.ts";
import { helpText, parseOptions, type CommandHelp } from "./options.ts";
import { printable } from "../printable.ts";

export const HELP: CommandHelp = {
  usage: "build [options]",
  about:
    "Builds the site from a folder of articles (both forms, mixed) into --out. A rebuild into the\nsame folder rewrites only what changed, and deletes only files an earlier build wrote.",
  options: [
    {
      name: "config",
      value: "FILE",
      shown: "kbsite.config.json, if there",
      about: "the config file (README: Configuration); the flags override its keys",
    },
    { name: "content", value: "DIR", default: "content", about: "the folder of article files" },
    { name: "out", value: "DIR", default: "_site", about: "the folder the site is written to" },
    {
      name: "state",
      value: "DIR",
      shown: "OUT/../.kbsite-state/NAME",
      about: "where the build keeps its manifest, report and lock, outside the site",
    },
    { name: "prefix", value: "PATH", default: "/", about: "the path the site is served under" },
    {
      name: "site-url",
      value: "URL",
      shown: "none: relative links",
      about: "the site's origin (https://kb.example.com): absolute sitemap and canonical URLs",
    },
    {
      name: "strict",
      about: "fail the build (and leave the site as it was) if any file has an error",
    },
    {
      name: "wait",
      about: "if another build of the same --out is running, wait for it to end (else: refuse)",
    },
    {
      name: "serve",
      about:
        "then serve the site (as kbsite serve), rebuild on every change and reload the open pages",
    },
    ...LISTEN_OPTIONS,
  ],
  notes: [
    "With a config file, a key it sets is the default of its flag (content, out, prefix, siteUrl).",
    "With --serve: watches --content, the config file and the overrides folder; Ctrl-C stops.",
    "Exit status: 0 built, 1 failed (the site is left as it was, unless the error says otherwise),\n2 bad usage, 130 stopped by Ctrl-C.",
  ],
};

export async function run(args: string[]): Promise<number> {
  // Parsed without defaults, to tell a flag given from one left to the config file.
  const bare = { ...HELP, options: HELP.options.map((o) => ({ ...o, default: undefined })) };
  const { values, help } = parseOptions(bare, args);
  if (help) return (console.log(helpText(HELP)), 0);
  let settings: BuildSettings;
  try {
    settings = buildSettings(values);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`kbsite build: ${error.message}`);
    return 2;
  }
  if (values.serve === true) return buildAndServe(values, settings);
  const { out } = settings;
  const stop = stopped(out);
  const crash = crashed(out);
  process.once("SIGINT", stop).once("SIGTERM", stop);
  process.on("uncaughtException", crash).on("unhandledRejection", crash);
  try {
    const built = await buildOnce({
      ...settings,
      strict: values.strict === true,
      wait: values.wait === true,
    });
    if ("failed" in built) {
      console.error(`kbsite build: ${built.failed}`);
      reported = true; // what fails after this (Eleventy's copies still running) is the same failure
      return 1;
    }
    process.off("uncaughtException", crash).off("unhandledRejection", crash);
    return 0;
  } finally {
    process.off("SIGINT", stop).off("SIGTERM", stop);
  }
}

let reported = false;

/**
 * An error thrown where the build cannot catch it (Eleventy copies its assets on its own, and
 * a full disk fails that copy outside the promise the build awaits): said in one line like any
 * other failure, after letting go of the staging folder and the lock; a bug keeps its stack.
 */
function crashed(out: string) {
  return (error: unknown) => {
    runInterruptSteps();
    if (reported) process.exit(1);
    const line = describeFailure(error, out);
    console.error(line === undefined ? error : `kbsite build: ${line}`);
    process.exit(1);
  };
}

/**
 * Ctrl-C or SIGTERM: let go of everything (bars, indexers, staging folder, lock), say so in one
 * line and exit. The commit is synchronous, so this runs before it (the site is unchanged) or
 * after it (the build is done but for its last lines), never during it.
 */
function stopped(out: string) {
  return (signal: NodeJS.Signals) => {
    runInterruptSteps();
    if (process.stderr.isTTY) process.stderr.write("\x1b[?25h\n"); // the cursor, shown again
    const site = hasCommitted() ? "was already updated" : "is unchanged";
    console.error(`kbsite build: stopped (${signal}); the site in ${printable(out)} ${site}`);
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
}

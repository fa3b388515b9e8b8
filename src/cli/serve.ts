/**
 * `kbsite serve [DIR] [--port N] [--host H]`: serves a built site as a static host does
 * (src/serve/handler.ts), on 127.0.0.1 unless --host says otherwise, under the prefix the site was
 * built with (read from DIR/kbsite.json), and prints the address it really listens on.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { MARKER } from "../generate/write/out-dir.ts";
import { LISTEN_OPTIONS, listen, portOf } from "./listen.ts";
import { helpText, parseOptions, type CommandHelp } from "./options.ts";
import { handler } from "../serve/handler.ts";
import { siteServer } from "../serve/server.ts";
import { UsageError } from "./usage.ts";

export { handler } from "../serve/handler.ts";

export const HELP: CommandHelp = {
  usage: "serve [DIR] [options]",
  about:
    "Serves the site built in DIR (default _site) as a static host does: index.html for folders,\nthe site's 404.html for anything missing, no dotfiles or symbolic links, GET and HEAD only,\nHTML, JSON, JS and CSS compressed, the security headers of deploy/nginx.conf on every answer.",
  options: LISTEN_OPTIONS,
  notes: ["Stops on Ctrl-C. Exit status: 0 stopped, 1 could not listen, 2 bad usage."],
};

export function readPrefix(dir: string): string {
  const marker = join(dir, MARKER);
  if (!existsSync(marker)) {
    throw new UsageError(
      `${dir} holds no ${MARKER}, so it is not a built site; run \`kbsite build --out ${dir}\` first`,
    );
  }
  try {
    const prefix = (JSON.parse(readFileSync(marker, "utf8")) as { prefix?: unknown }).prefix;
    return typeof prefix === "string" && prefix.startsWith("/") ? prefix : "/";
  } catch {
    return "/"; // a marker a stopped first build left half-written: the site is not built yet
  }
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals, help } = parseOptions(HELP, args, true);
  if (help) return (console.log(helpText(HELP)), 0);
  if (positionals.length > 1) throw new UsageError("serve takes one folder");
  const dir = resolve(positionals[0] ?? "_site");
  const port = portOf(values.port as string | undefined);
  const host = values.host as string;
  const prefix = readPrefix(dir);
  const server = siteServer(handler(dir, prefix));
  const listening = await listen(server, port, host);
  if ("failed" in listening) return (console.error(`kbsite serve: ${listening.failed}`), 1);
  console.log(`Serving ${dir} at ${listening.origin}${prefix} (Ctrl-C to stop)`);
  await new Promise<void>((done) => process.once("SIGINT", done).once("SIGTERM", done));
  server.close();
  return 0;
}

/**
 * `kbsite serve [DIR] [--port N] [--host H]`: serves a built site as a static host does
 * (src/serve/handler.ts), on 127.0.0.1 unless --host says otherwise, under the prefix the site was
 * built with (read from DIR/kbsite.json), and prints the address it really listens on.
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { MARKER } from "../generate/write/out-dir.ts";
import { helpText, parseOptions, type CommandHelp } from "./options.ts";
import { handler } from "../serve/handler.ts";
import { refuseTunnel } from "../serve/headers.ts";
import { UsageError } from "./usage.ts";

export { handler } from "../serve/handler.ts";

export const HELP: CommandHelp = {
  usage: "serve [DIR] [options]",
  about:
    "Serves the site built in DIR (default _site) as a static host does: index.html for folders,\nthe site's 404.html for anything missing, no dotfiles or symbolic links, GET and HEAD only,\nHTML, JSON, JS and CSS compressed, the security headers of deploy/nginx.conf on every answer.",
  options: [
    {
      name: "port",
      value: "N",
      shown: "$PORT, else 8080",
      about: "the port to listen on; 0 takes a free one (the address printed says which)",
    },
    {
      name: "host",
      value: "HOST",
      default: "127.0.0.1",
      about: "the address to listen on: 0.0.0.0 (or ::) serves other machines too",
    },
  ],
  notes: ["Stops on Ctrl-C. Exit status: 0 stopped, 1 could not listen, 2 bad usage."],
};

function readPrefix(dir: string): string {
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
  const given = (values.port as string | undefined) ?? process.env.PORT ?? "8080";
  const port = /^\d+$/.test(given.trim()) ? Number(given) : NaN;
  if (!Number.isInteger(port) || port > 65535)
    throw new UsageError(`--port "${given}" is not a port number (0–65535; 0 takes a free one)`);
  const host = values.host as string;
  const prefix = readPrefix(dir);
  const server = createServer(handler(dir, prefix)).on("connect", (_, socket) =>
    refuseTunnel(socket),
  );
  try {
    await new Promise<void>((done, fail) => server.once("error", fail).listen(port, host, done));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why: Record<string, string> = {
      EADDRINUSE: `port ${port} is in use; pass another with --port N (0 takes a free one)`,
      EACCES: `port ${port} needs more rights; pass one above 1023 with --port N`,
      EADDRNOTAVAIL: `${host} is not an address of this machine; pass another with --host`,
      ENOTFOUND: `${host} is not a known host name; pass an address with --host`,
      EAI_AGAIN: `${host} could not be looked up; pass an address with --host`,
    };
    if (!code || !why[code]) throw error;
    console.error(`kbsite serve: ${why[code]}`);
    return 1;
  }
  const address = server.address() as AddressInfo;
  const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
  console.log(`Serving ${dir} at http://${shown}:${address.port}${prefix} (Ctrl-C to stop)`);
  await new Promise<void>((done) => process.once("SIGINT", done).once("SIGTERM", done));
  server.close();
  return 0;
}

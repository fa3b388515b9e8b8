/**
 * Where `kbsite serve` and `kbsite build --serve` listen: --port and --host read and checked,
 * the server started, and the address it really took (port 0 takes a free one), or one line
 * saying why it could not listen and what to pass instead.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { UsageError } from "./usage.ts";

export const LISTEN_OPTIONS = [
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
];

/** --port's value (or $PORT, or 8080) as a port number; a UsageError when it is not one. */
export function portOf(given = process.env.PORT ?? "8080"): number {
  const port = /^\d+$/.test(given.trim()) ? Number(given) : NaN;
  if (!Number.isInteger(port) || port > 65535)
    throw new UsageError(`--port "${given}" is not a port number (0–65535; 0 takes a free one)`);
  return port;
}

/** Listens; returns the address as a URL origin, or a line saying why not (a known cause). */
export async function listen(
  server: Server,
  port: number,
  host: string,
): Promise<{ origin: string } | { failed: string }> {
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
    return { failed: why[code] };
  }
  const address = server.address() as AddressInfo;
  const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return { origin: `http://${shown}:${address.port}` };
}

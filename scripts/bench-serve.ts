/**
 * What the browser benches stand on: `kbsite serve` started on a free port, a counting reverse
 * proxy in front of it that logs every response's bytes (server-side, so what Pagefind fetches
 * from a Web Worker is counted too), and the Chromium the benches launch.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export const CHROMIUM = "/usr/bin/chromium";
export const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

/** One response the proxy passed on: when its request arrived (epoch ms), its path and bytes. */
export interface Served {
  at: number;
  method: string;
  path: string;
  /** Body bytes, as sent (the server does not compress; Pagefind's files are gzip already). */
  bytes: number;
}

/** A reverse proxy to `target` that logs every response's body size. */
export function countingProxy(
  target: number,
): Promise<{ server: Server; port: number; log: Served[] }> {
  const log: Served[] = [];
  const server = createServer((req, res) => {
    const at = Date.now();
    const upstream = request(
      {
        host: "127.0.0.1",
        port: target,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        const entry: Served = { at, method: req.method ?? "GET", path: req.url ?? "", bytes: 0 };
        log.push(entry);
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.on("data", (chunk: Buffer) => (entry.bytes += chunk.length));
        answer.pipe(res);
      },
    );
    upstream.on("error", () => (res.writeHead(502), res.end()));
    req.pipe(upstream);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, port: (server.address() as AddressInfo).port, log }),
    ),
  );
}

export async function startServe(dir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["bin/kbsite.js", "serve", dir, "--port", String(port)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`kbsite serve ${dir} exited with ${child.exitCode}`);
    if (
      await fetch(`http://127.0.0.1:${port}/`).then(
        () => true,
        () => false,
      )
    )
      return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGTERM");
  throw new Error(`kbsite serve ${dir} did not answer within 30 s`);
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

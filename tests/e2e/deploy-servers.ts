/**
 * The deploy recipes run as a user runs them: deploy/nginx.conf and deploy/Caddyfile, with only
 * the lines the recipe says to set replaced (the address, the root and, under a prefix, the 404
 * page), served by Debian's nginx or Caddy on a free port of 127.0.0.1. A site built with a prefix
 * is served as the recipes say: its folder named for the prefix, the root one level up.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "../helpers/repo.ts";

/** The headers a recipe must send: those `kbsite serve` sends, so both stay one policy. */
export { SECURITY_HEADERS } from "../../src/serve/headers.ts";

export type Recipe = "nginx" | "caddy";

export interface Running {
  /** "http://127.0.0.1:PORT" */
  origin: string;
  stop(): Promise<void>;
}

/** Debian's nginx is in /usr/sbin, which a user's PATH may lack. */
export const nginxCommand = existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
const COMMAND: Record<Recipe, string> = { nginx: nginxCommand, caddy: "caddy" };

/** False when the server's program is installed, else why the suite is skipped. */
export function noServer(recipe: Recipe): string | false {
  const probe = spawnSync(COMMAND[recipe], [recipe === "nginx" ? "-v" : "version"]);
  return probe.error
    ? `${COMMAND[recipe]} is not installed, so deploy/${recipe === "nginx" ? "nginx.conf" : "Caddyfile"} is not tested (apt-get install ${recipe}; CI installs it)`
    : false;
}

/** Replaces the one line `from` matches in `text`, or throws: the recipe must keep that line. */
function setLine(text: string, from: RegExp, to: string, recipe: string): string {
  const lines = text.split("\n");
  const at = lines.flatMap((line, i) => (from.test(line) ? [i] : []));
  if (at.length !== 1) {
    throw new Error(`${recipe} has ${at.length} lines matching ${from}, the test sets exactly one`);
  }
  const indent = /^\s*/.exec(lines[at[0]!]!)![0];
  lines[at[0]!] = indent + to;
  return lines.join("\n");
}

/** Starts `recipe` serving the built site in `dir` under `prefix`; resolves once it answers. */
export async function startRecipe(recipe: Recipe, dir: string, prefix: string): Promise<Running> {
  const temp = mkdtempSync(path.join(os.tmpdir(), `kbsite-deploy-${recipe}-`));
  chmodSync(temp, 0o755); // nginx's workers may run as another user
  let root = dir;
  if (prefix !== "/") {
    root = path.join(temp, "www");
    mkdirSync(path.join(root, path.dirname(prefix.slice(1, -1))), { recursive: true });
    symlinkSync(dir, path.join(root, prefix.slice(1, -1)));
  }
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const config =
    recipe === "nginx" ? nginxConfig(temp, root, port, prefix) : caddyConfig(root, port, prefix);
  const file = path.join(temp, recipe === "nginx" ? "nginx.conf" : "Caddyfile");
  writeFileSync(file, config);
  const args =
    recipe === "nginx"
      ? ["-p", temp, "-c", file]
      : ["run", "--config", file, "--adapter", "caddyfile"];
  const env = { ...process.env, XDG_DATA_HOME: temp, XDG_CONFIG_HOME: temp, HOME: temp };
  const child = spawn(COMMAND[recipe], args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(temp, { recursive: true, force: true });
  };
  try {
    await answering(child, origin + prefix, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, stop };
}

/** deploy/nginx.conf inside the smallest top-level config that runs it in the foreground. */
function nginxConfig(temp: string, root: string, port: number, prefix: string): string {
  const where = "deploy/nginx.conf";
  let server = readFileSync(path.join(repoRoot, where), "utf8");
  server = setLine(server, /^\s*listen 8080;$/, `listen 127.0.0.1:${port};`, where);
  server = setLine(server, /^\s*root \/srv\/kbsite;$/, `root ${root};`, where);
  server = setLine(
    server,
    /^\s*error_page 404 \/404\.html;$/,
    `error_page 404 ${prefix}404.html;`,
    where,
  );
  const temps = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((name) => `${name}_temp_path ${path.join(temp, name)};`)
    .join("\n");
  return [
    "daemon off;",
    // As root, nginx's workers would run as nobody; the test's files are root's own.
    process.getuid?.() === 0 ? "user root;" : "",
    `pid ${path.join(temp, "nginx.pid")};`,
    `error_log ${path.join(temp, "error.log")};`,
    "events {}",
    "http {",
    "include /etc/nginx/mime.types;",
    "default_type application/octet-stream;",
    "access_log off;",
    temps,
    server,
    "}",
  ].join("\n");
}

/** deploy/Caddyfile with no admin endpoint, so it runs beside a system Caddy. */
function caddyConfig(root: string, port: number, prefix: string): string {
  const where = "deploy/Caddyfile";
  let site = readFileSync(path.join(repoRoot, where), "utf8");
  site = setLine(site, /^:8080 \{$/, `http://127.0.0.1:${port} {`, where);
  site = setLine(site, /^\s*root \* \/srv\/kbsite$/, `root * ${root}`, where);
  site = setLine(site, /^\s*rewrite \* \/404\.html$/, `rewrite * ${prefix}404.html`, where);
  return `{\n\tadmin off\n}\n\n${site}`;
}

async function answering(child: ChildProcess, url: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `${child.spawnfile} exited with ${child.exitCode} before answering:\n${output()}`,
      );
    }
    if (
      await fetch(url).then(
        () => true,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${child.spawnfile} did not answer on ${url} within 30 s:\n${output()}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(),
      );
    });
  });
}

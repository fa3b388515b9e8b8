/**
 * What the safety tests of issue 13 share: running `kbsite` as a user does (its own process
 * group, so the test sees every process it started, and can stop it or wait for all of them),
 * a copy of a few thousand real articles, and a site's content as a map to compare with a clean
 * build's, with the checks that its Pagefind index is whole.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gunzipSync } from "node:zlib";
import { corpusDir } from "../corpus/corpus-dir.ts";
import { cliPath, repoRoot } from "../helpers/repo.ts";

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Started {
  pid: number;
  /** Resolves when the build's process and every process it started have ended. */
  done: Promise<Run>;
  /** Resolves with the first stdout line that matches. */
  line(pattern: RegExp): Promise<string>;
}

/** Starts `kbsite ARGS` in a process group of its own. */
export function start(args: string[], env: Record<string, string> = {}): Started {
  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd: repoRoot,
    detached: true,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const waiting: [RegExp, (line: string) => void][] = [];
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    for (const [pattern, resolve] of waiting) {
      const found = stdout.split("\n").find((l) => pattern.test(l));
      if (found !== undefined) resolve(found);
    }
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<Run>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  const pid = child.pid!;
  return {
    pid,
    done: exited.then(async (run) => (await groupGone(pid), run)),
    line: (pattern) => new Promise((resolve) => waiting.push([pattern, resolve])),
  };
}

export const kbsite = (args: string[], env?: Record<string, string>) => start(args, env).done;

/** The pids of the live processes of group `pgid` (from /proc). */
export function group(pgid: number): number[] {
  const pids: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid && fields[0] !== "Z") pids.push(Number(name));
    } catch {
      // ended while we looked
    }
  }
  return pids;
}

/** Waits up to 10 s for every process of the group to end; throws naming those left. */
async function groupGone(pgid: number): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 100) {
    if (group(pgid).length === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  const left = group(pgid);
  for (const pid of left) process.kill(pid, "SIGKILL");
  throw new Error(`processes left running after the build ended: ${left.join(", ")}`);
}

/**
 * A content folder of `folders` of the corpus's id folders (kb/NNN/ and txt/NNN/, ~220 articles
 * in both forms each), or the reason to skip.
 */
export function realArticles(into: string, folders: string[]): { dir?: string; skip?: string } {
  const corpus = corpusDir();
  if (!corpus.dir) return { skip: corpus.skip };
  for (const form of ["kb", "txt"])
    for (const folder of folders) {
      const from = join(corpus.dir, form, folder);
      if (existsSync(from)) cpSync(from, join(into, form, folder), { recursive: true });
    }
  return { dir: into };
}

/** Every file of a site but the search bundles, path → bytes as text. */
export function siteContent(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(root, join(entry.parentPath, entry.name));
    if (!path.startsWith("pagefind/") || path === "pagefind/shards.json")
      files.set(path, readFileSync(join(root, path), "latin1"));
  }
  return files;
}

/**
 * What is wrong with a site's Pagefind bundles: an empty file, an index file that does not
 * inflate, or a file named by a bundle's entry that is not there. [] when whole.
 */
export function pagefindProblems(root: string): string[] {
  const problems: string[] = [];
  const dir = join(root, "pagefind");
  if (!existsSync(dir)) return ["no pagefind/ folder"];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = readFileSync(path);
    const name = relative(root, path);
    if (bytes.length === 0) problems.push(`${name} is empty`);
    else if (/\.(pf_meta|pf_index|pf_fragment|pf_filter)$/.test(entry.name))
      try {
        gunzipSync(bytes);
      } catch (error) {
        problems.push(`${name}: ${(error as Error).message}`);
      }
  }
  const shards = JSON.parse(readFileSync(join(dir, "shards.json"), "utf8")) as {
    bundles: string[];
  };
  for (const bundle of ["pagefind/", ...shards.bundles.map((b) => `${b}`)]) {
    const entry = join(root, bundle, "pagefind-entry.json");
    if (!existsSync(entry)) {
      problems.push(`${bundle}pagefind-entry.json is missing`);
      continue;
    }
    const { languages } = JSON.parse(readFileSync(entry, "utf8")) as {
      languages: Record<string, { hash: string }>;
    };
    for (const { hash } of Object.values(languages))
      if (!existsSync(join(root, bundle, `pagefind.${hash}.pf_meta`)))
        problems.push(`${bundle}pagefind.${hash}.pf_meta is missing`);
  }
  return problems;
}

/** The paths whose content differs between two sites, and those only one has. */
export function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((path) => a.get(path) !== b.get(path)).sort();
}

/** A run's stderr without its progress lines ("collect: 1/1 files parsed (100%), …"). */
export const saidOnStderr = (stderr: string): string[] =>
  stderr.split("\n").filter((line) => line.trim() && !/^[\w ]+: \d+\/\d+ /.test(line));

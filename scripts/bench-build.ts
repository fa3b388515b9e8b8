/**
 * The build half of scripts/bench.ts: runs `kbsite build` as a child process, samples its process
 * tree (scripts/bench-proc.ts) and prints wall, CPU and peak RSS per phase, from the "name  N.N s"
 * line the build prints as each phase ends, and how busy the cores were.
 */
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { mb, load, s, table } from "./bench-format.ts";
import { machineTime, sampleTree, stolen, window, type Sample } from "./bench-proc.ts";

/** The search indexers' processes (and their Pagefind services) are told apart by this. */
const INDEXER = "search-worker";
const BUSY_STEP = 5000;

interface Phase {
  name: string;
  /** ms since the build started. */
  start: number;
  end: number;
}

export async function runBuild(content: string, out: string): Promise<void> {
  const loadBefore = load();
  const machineBefore = machineTime();
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ["bin/kbsite.js", "build", "--content", resolve(content), "--out", out],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const sampler = sampleTree(child.pid!, 100, INDEXER);
  const phases: Phase[] = [];
  let last = 0;
  let output = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
    for (const line of chunk.split("\n")) {
      // "pages  158.2 s", or with its span: "search index  41.2 s (3.0–44.2 s since the build started)".
      const match = /^(\S.*?)\s+(\d+\.\d) s(?: \((\d+\.\d)–(\d+\.\d) s[^)]*\))?$/.exec(line);
      if (!match) continue;
      const now = performance.now() - started;
      if (match[3] && match[4]) {
        phases.push({
          name: match[1]!,
          start: Number(match[3]) * 1000,
          end: Number(match[4]) * 1000,
        });
      } else phases.push({ name: match[1]!, start: last, end: now });
      last = now;
    }
  });
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => process.stderr.write(chunk));
  const code = await new Promise<number | null>((r) => child.on("exit", r));
  const samples = sampler.stop();
  const wall = performance.now() - started;
  if (code !== 0) {
    console.error(output);
    throw new Error(`kbsite build exited with ${code}`);
  }
  console.log(
    output
      .trim()
      .split("\n")
      .filter((l) => !/^\S.*?\s+\d+\.\d s/.test(l))
      .join("\n"),
  );
  printBuild(
    phases,
    samples,
    wall,
    `load average before: ${loadBefore}; after: ${load()}; taken by the host (steal): ${stolen(machineBefore, machineTime())}`,
  );
}

/** `machine`: the load and the host's steal around the build, printed with the figures. */
function printBuild(phases: Phase[], samples: Sample[], wall: number, machine: string): void {
  const total = window(samples, 0, Infinity);
  // The search index runs in its own processes beside the other phases: its CPU and memory are
  // those processes'; the other phases' are the rest of the tree's.
  const indexing = samples.some((x) => x.markedCpu > 0);
  const rows = phases.map((p) => {
    const part = !indexing ? "all" : p.name === "search index" ? "marked" : "unmarked";
    const w = window(samples, p.start, p.end, part);
    return [p.name, s(p.end - p.start), `${w.cpu.toFixed(1)} s`, mb(w.peak)];
  });
  rows.push(["total", s(wall), `${total.cpu.toFixed(1)} s`, mb(total.peak)]);
  console.log(`\nbuild (${machine})`);
  table(["phase", "wall", "CPU", "peak RSS (tree)"], rows);
  console.log(`targets: ≤ 75 s wall, ≤ 4096 MB peak`);
  // Where the cores sat idle: the build is CPU-bound on 2 cores, so a gap here is time to win.
  const busy = (part: "all" | "marked") => {
    const cells: string[] = [];
    for (let at = 0; at < wall; at += BUSY_STEP) {
      const to = Math.min(at + BUSY_STEP, wall);
      cells.push((window(samples, at, to, part).cpu / ((to - at) / 1000)).toFixed(1));
    }
    return cells.join(" ");
  };
  console.log(`cores busy, per ${BUSY_STEP / 1000} s: ${busy("all")}`);
  if (indexing) console.log(`  of which search index: ${busy("marked")}`);
}

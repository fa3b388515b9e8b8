/**
 * A sampler of a process tree, for the benchmark: every 100 ms it walks /proc from a root pid and
 * records the RSS summed over the tree (node, its worker threads, pagefind's service, any child
 * builds) and the CPU seconds the tree has used. Linux only; CPU time of a process is its last
 * sample, so at most 100 ms per short-lived process is missed.
 */
import { readdirSync, readFileSync } from "node:fs";

export interface Sample {
  /** ms since the sampler started. */
  at: number;
  /** Resident memory summed over the tree, bytes. */
  rss: number;
  /** CPU seconds (user + system) used by the tree so far. */
  cpu: number;
  /** The same two for the part of the tree under processes whose command line has the marker. */
  markedRss: number;
  markedCpu: number;
}

const TICK = 100; // USER_HZ on Linux; /proc/PID/stat counts clock ticks
const PAGE = 4096;

interface Stat {
  ppid: number;
  ticks: number;
  rssPages: number;
}

function readStat(pid: number): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "latin1");
    // Fields after "comm", which may itself hold spaces and parentheses.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return {
      ppid: Number(fields[1]),
      ticks: Number(fields[11]) + Number(fields[12]),
      rssPages: Number(fields[21]),
    };
  } catch {
    return undefined; // the process ended between readdir and read
  }
}

/** Every live pid in the tree under `root`, with its stat. */
function tree(root: number, marker?: string): Map<number, Stat & { marked: boolean }> {
  const all = new Map<number, Stat>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat) all.set(Number(name), stat);
  }
  const found = new Map<number, Stat & { marked: boolean }>();
  const rootStat = all.get(root);
  if (!rootStat) return found;
  const isMarked = (pid: number) => {
    if (!marker) return false;
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "latin1").includes(marker);
    } catch {
      return false;
    }
  };
  found.set(root, { ...rootStat, marked: isMarked(root) });
  let frontier = [root];
  while (frontier.length) {
    const next: number[] = [];
    for (const [pid, stat] of all) {
      const parent = found.get(stat.ppid);
      if (parent && frontier.includes(stat.ppid) && !found.has(pid)) {
        found.set(pid, { ...stat, marked: parent.marked || isMarked(pid) });
        next.push(pid);
      }
    }
    frontier = next;
  }
  return found;
}

export interface Sampler {
  samples: Sample[];
  /** Takes a last sample and stops. */
  stop(): Sample[];
}

/** Samples the tree under `root`; `marker` picks out a part of it (e.g. the search indexers). */
export function sampleTree(root: number, everyMs = 100, marker?: string): Sampler {
  const started = performance.now();
  const ticksByPid = new Map<number, { ticks: number; marked: boolean }>();
  const samples: Sample[] = [];
  const take = () => {
    let rss = 0;
    let markedRss = 0;
    for (const [pid, stat] of tree(root, marker)) {
      rss += stat.rssPages * PAGE;
      if (stat.marked) markedRss += stat.rssPages * PAGE;
      const seen = ticksByPid.get(pid);
      // Once marked, always: an exited indexer is a zombie with no command line for a moment.
      ticksByPid.set(pid, {
        ticks: Math.max(seen?.ticks ?? 0, stat.ticks),
        marked: stat.marked || (seen?.marked ?? false),
      });
    }
    let ticks = 0;
    let markedTicks = 0;
    for (const t of ticksByPid.values()) {
      ticks += t.ticks;
      if (t.marked) markedTicks += t.ticks;
    }
    samples.push({
      at: performance.now() - started,
      rss,
      cpu: ticks / TICK,
      markedRss,
      markedCpu: markedTicks / TICK,
    });
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    samples,
    stop() {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}

/**
 * Peak RSS and CPU seconds used between two times (ms since the sampler started), of the whole
 * tree, or of its marked or unmarked part.
 */
export function window(
  samples: Sample[],
  from: number,
  to: number,
  part: "all" | "marked" | "unmarked" = "all",
): { peak: number; cpu: number } {
  const rss = (s: Sample) =>
    part === "all" ? s.rss : part === "marked" ? s.markedRss : s.rss - s.markedRss;
  const cpu = (s: Sample | undefined) =>
    !s ? 0 : part === "all" ? s.cpu : part === "marked" ? s.markedCpu : s.cpu - s.markedCpu;
  const before = samples.filter((s) => s.at <= from).at(-1) ?? samples[0];
  // A phase shorter than the sampling interval still gets the sample taken just after it.
  const after = samples.find((s) => s.at >= to);
  const inside = samples.filter((s) => s.at >= from && s.at <= to);
  if (after) inside.push(after);
  const last = inside.at(-1) ?? before;
  return { peak: Math.max(0, ...inside.map(rss)), cpu: cpu(last) - cpu(before) };
}

/** The machine's CPU time so far, all cores, in clock ticks: in all, and taken by the host. */
export interface MachineTime {
  total: number;
  steal: number;
}

/**
 * From /proc/stat's "cpu" line. On a VM, "steal" is time a core was ready to run but the host ran
 * something else: on this workplace's VM it ranged from ~0 to 25 % over a 3-minute build, and
 * every phase slows with it, so the benchmark prints it beside its times.
 */
export function machineTime(): MachineTime | undefined {
  try {
    const fields = readFileSync("/proc/stat", "latin1").split("\n")[0]!.trim().split(/\s+/);
    const ticks = fields.slice(1, 9).map(Number); // user nice system idle iowait irq softirq steal
    return { total: ticks.reduce((a, b) => a + b, 0), steal: ticks[7] ?? 0 };
  } catch {
    return undefined;
  }
}

/** The share of the machine's time the host took between two readings: "12 %". */
export function stolen(from?: MachineTime, to?: MachineTime): string {
  if (!from || !to || to.total === from.total) return "unknown";
  return `${Math.round((100 * (to.steal - from.steal)) / (to.total - from.total))} %`;
}

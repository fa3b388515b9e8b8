/**
 * `npm run bench:parse -- DIR`: parse a folder as `kbsite build` will (walk, worker threads,
 * merge) and print files, MB, seconds, MB/s and peak memory. A benchmark, not a test: the
 * target is the whole corpus (430 MB, 117k files) in ≤ 10 s with peak RSS ≤ 1 GB on 2 cores.
 */
import { statSync } from "node:fs";
import { loadavg } from "node:os";
import { collect } from "../src/corpus/collect.ts";
import { walk } from "../src/corpus/walk.ts";

const dirs = process.argv.slice(2).filter((arg) => arg !== "--");
if (dirs.length === 0) {
  console.error("usage: npm run bench:parse -- DIR...");
  process.exit(2);
}
const started = performance.now();
const cpuBefore = process.cpuUsage();
const collection = await collect(dirs);
const seconds = (performance.now() - started) / 1000;
// CPU of all threads (workers included): the figure to compare when other jobs share the machine.
const cpu = process.cpuUsage(cpuBefore);
// Worker threads live in this process, so its peak RSS covers them too.
const peakMb = process.resourceUsage().maxRSS / 1024;
const { files } = await walk(dirs); // sizes measured after the timed run, outside it
const mb = files.reduce((sum, path) => sum + statSync(path).size, 0) / 1e6;
console.log(
  [
    `files      ${collection.inputs}`,
    `articles   ${collection.articles.length} (${collection.duplicates.length} merged, ${collection.errors.length} failed)`,
    `MB         ${mb.toFixed(1)}`,
    `seconds    ${seconds.toFixed(2)}`,
    `MB/s       ${(mb / seconds).toFixed(1)}`,
    `CPU s      ${((cpu.user + cpu.system) / 1e6).toFixed(2)} (user ${(cpu.user / 1e6).toFixed(2)}, system ${(cpu.system / 1e6).toFixed(2)})`,
    `load       ${loadavg()[0]!.toFixed(1)} (1-minute load average at the end)`,
    `peak RSS   ${peakMb.toFixed(0)} MB`,
  ].join("\n"),
);

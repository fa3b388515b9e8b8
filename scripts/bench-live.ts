/**
 * `npm run bench:live -- DIR [--edits N]`: the live loop of issue 22, on a copy of DIR (the
 * archive is never edited). Starts `kbsite build --serve` on the copy, then N times changes one
 * article's title and times save → the open pages told to reload (the event stream) → the new
 * title served; then stops the server and times a one-shot `kbsite build` after one more edit.
 * Prints the medians and the server's peak memory (its whole process tree). A benchmark, not a
 * test: it prints figures. Targets at 60k: save to page ≤ 3 s, one-shot rebuild ≤ 4 s, ≤ 3 GB.
 */
import { execFileSync, spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { load, mb, s } from "./bench-format.ts";
import { sampleTree } from "./bench-proc.ts";

const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  allowPositionals: true,
  options: {
    edits: { type: "string", default: "5" },
    work: { type: "string", default: "/tmp/kbsite-bench-live" },
  },
});
if (!positionals[0]) {
  console.error("usage: npm run bench:live -- DIR [--edits N] [--work TMP]");
  process.exit(2);
}
const work = resolve(values.work);
const content = join(work, "content");
const out = join(work, "site");
const state = join(work, "state");
const cli = resolve("bin/kbsite.js");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

rmSync(work, { recursive: true, force: true });
execFileSync("mkdir", ["-p", work]);
execFileSync("cp", ["-r", resolve(positionals[0]), content]);

/** Article files in either form whose title line can be edited, with the page they make. */
function editable(count: number): { file: string; page: string }[] {
  const found: { file: string; page: string }[] = [];
  const txt = join(content, "txt");
  for (const bucket of readdirSync(txt).slice(5)) {
    for (const name of readdirSync(join(txt, bucket)).slice(0, 1)) {
      const id = /^Q(\d+)/i.exec(name)?.[1];
      if (id) found.push({ file: join(txt, bucket, name), page: `/kb/${id.slice(0, 3)}/Q${id}/` });
    }
    if (found.length === count) break;
  }
  return found;
}

function retitle(file: string, mark: string): void {
  const text = readFileSync(file, "latin1");
  writeFileSync(file, text.replace(/^(\s*TITLE\s*:\s*)/m, `$1${mark} `), "latin1");
}

console.log(`live loop on a copy of ${positionals[0]}, ${load()}`);
const child = spawn(
  process.execPath,
  [cli, "build", "--serve", "--content", content, "--out", out, "--state", state, "--port", "0"],
  {
    stdio: ["ignore", "pipe", "pipe"],
  },
);
const sampler = sampleTree(child.pid!, 200);
let output = "";
child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
const started = performance.now();
while (!/Serving \S+ at (http:\/\/\S+?)\//.test(output)) {
  if (child.exitCode !== null) throw new Error(`kbsite build --serve exited:\n${output}`);
  await new Promise((done) => setTimeout(done, 100));
}
const origin = /Serving \S+ at (http:\/\/[^/\s]+)/.exec(output)![1]!;
console.log(`cold build and serve: ${s(performance.now() - started)}`);

const events = await fetch(`${origin}/_.kbsite-live`);
const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
const nextReload = async () => {
  for (let seen = ""; !/event: (reload|broken)/.test(seen);)
    seen += (await reader.read()).value ?? "";
};

const times: number[] = [];
const targets = editable(Number(values.edits) + 1);
for (const [i, { file, page }] of targets.slice(0, -1).entries()) {
  const mark = `Live${i}`;
  const saved = performance.now();
  retitle(file, mark);
  await nextReload();
  const html = await fetch(origin + page).then((r) => r.text());
  if (!html.includes(mark)) throw new Error(`${page} does not show ${mark} after its rebuild`);
  times.push(performance.now() - saved);
  console.log(`edit ${i + 1}: ${page} shown ${s(times.at(-1)!)} after the save`);
}
child.kill("SIGINT");
await new Promise((done) => child.once("exit", done));
const peak = Math.max(...sampler.stop().map((sample) => sample.rss));
const held = /holds (\d+) MiB/g;
const said = [...output.matchAll(held)].map((m) => Number(m[1]));

const last = targets.at(-1)!;
retitle(last.file, "OneShot");
const oneShot = performance.now();
execFileSync(
  process.execPath,
  [cli, "build", "--content", content, "--out", out, "--state", state],
  { stdio: "ignore" },
);
const rebuilt = performance.now() - oneShot;

console.log(
  `save → page shown, median of ${times.length}: ${s(median(times))} (target ≤ 3 s at 60k, ≤ 1 s on the sample)`,
);
console.log(`one-shot kbsite build after one edit: ${s(rebuilt)} (target ≤ 4 s at 60k)`);
console.log(
  `live server's process tree, peak: ${mb(peak)}; it said it held ${said.at(-1) ?? "?"} MiB (target ≤ 3 GB)`,
);
rmSync(work, { recursive: true, force: true });

/**
 * Helpers for the tests that build a site with the real CLI and read what it wrote: run a build,
 * list a folder, parse a page with a real HTML parser (html-validate's) and take its text.
 */
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { decodeHTML } from "entities";
import { HtmlElement, Parser, StaticConfigLoader } from "html-validate";
import { cliPath, repoRoot } from "../helpers/repo.ts";

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** `node bin/kbsite.js ARGS`, from the repository root. */
export function kbsite(args: string[], timeoutMs = 300_000): Promise<RunResult> {
  return run(process.execPath, [cliPath, ...args], timeoutMs);
}

/** Any command, collecting its output; killed (exit code null) after `timeoutMs`. */
export function run(command: string, args: string[], timeoutMs = 300_000): Promise<RunResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** Every file under `dir`, as sorted "/"-separated paths relative to it (symlinks included). */
export function listFiles(dir: string, sub = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}

let parser: Parser | undefined;

/** The document tree of a page, as a browser-like parser builds it. */
export async function parseHtml(html: string): Promise<HtmlElement> {
  if (!parser) {
    const config = await new StaticConfigLoader().getConfigFor("page.html");
    parser = new Parser(config);
  }
  return parser.parseHtml(html);
}

/** The text a reader sees: entities decoded, script and style left out, white space collapsed. */
export function visibleText(root: HtmlElement): string {
  const parts: string[] = [];
  const walk = (element: HtmlElement) => {
    if (element.tagName === "script" || element.tagName === "style") return;
    for (const node of element.childNodes) {
      if (node instanceof HtmlElement) walk(node);
      else parts.push(node.textContent);
    }
  };
  walk(root);
  return squash(decodeHTML(parts.join("")));
}

export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Helpers for the tests that build a site with the real CLI and read what it wrote: run a build,
 * list a folder, parse a page with a spec-conformant HTML parser (parse5) and take its text.
 */
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { parse, type DefaultTreeAdapterMap } from "parse5";
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

/** A parsed element: parse5's tree, as browsers build it. */
export type Element = DefaultTreeAdapterMap["element"];
type Node = DefaultTreeAdapterMap["childNode"] | DefaultTreeAdapterMap["document"];

/** The document tree of a page, built by a spec-conformant HTML parser. */
export function parseHtml(html: string): DefaultTreeAdapterMap["document"] {
  return parse(html);
}

/** Every element of a tree, in document order (template contents included). */
export function* elements(node: Node): Generator<Element> {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if ("tagName" in current) yield current;
    const children: Node[] = [];
    if ("childNodes" in current) children.push(...(current.childNodes as Node[]));
    if ("content" in current && current.content) children.push(current.content as unknown as Node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

export function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

/** The text a reader sees: script and style left out, white space collapsed. */
export function visibleText(node: Node): string {
  const parts: string[] = [];
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.nodeName === "#text")
      parts.push((current as DefaultTreeAdapterMap["textNode"]).value);
    if (current.nodeName === "script" || current.nodeName === "style") continue;
    if ("childNodes" in current)
      for (let i = current.childNodes.length - 1; i >= 0; i--)
        stack.push(current.childNodes[i] as Node);
  }
  return squash(parts.join(""));
}

/** The text inside an element (for script contents). */
export function textOf(element: Element): string {
  return element.childNodes
    .map((n) => (n.nodeName === "#text" ? (n as DefaultTreeAdapterMap["textNode"]).value : ""))
    .join("");
}

export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * The project's own import graph, read from the sources: every relative `import … from`,
 * `export … from` and `import("…")` of the TypeScript and JavaScript files under the given roots.
 * For the tests that keep the house in order (no loops, layouts/ imports src/, never the reverse)
 * and that check the code a build runs is all in the hashes that invalidate earlier builds.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { repoRoot } from "./repo.ts";

const CODE = /\.(ts|js|mjs)$/;
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s*)["'](\.\.?\/[^"']+)["']/gm;

/** Repo-relative paths of the code files (not .d.ts) under `roots`, files or folders, sorted. */
export function codeFiles(...roots: string[]): string[] {
  const found: string[] = [];
  for (const root of roots) {
    const full = join(repoRoot, root);
    if (!existsSync(full)) continue;
    if (statSync(full).isFile()) found.push(root);
    else
      for (const name of readdirSync(full, { recursive: true }) as string[])
        found.push(`${root}/${name}`);
  }
  return found.filter((f) => CODE.test(f) && !f.endsWith(".d.ts")).sort();
}

/** File → the project files it imports (repo-relative), in the order written. */
export function importsOf(file: string): string[] {
  const text = readFileSync(join(repoRoot, file), "utf8");
  const out: string[] = [];
  for (const match of text.matchAll(SPECIFIER)) {
    const target = relative(repoRoot, resolve(dirname(join(repoRoot, file)), match[1]!));
    if (!target.endsWith(".d.ts")) out.push(target);
  }
  return out;
}

/** Every file reachable from `entries` through imports, sorted. */
export function reachable(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(join(repoRoot, file))) return;
    seen.add(file);
    for (const target of importsOf(file)) visit(target);
  };
  for (const entry of entries) visit(entry);
  return [...seen].sort();
}

/** The import loops among `files`, each as the files around it (empty when there is none). */
export function importLoops(files: readonly string[]): string[][] {
  const graph = new Map(files.map((f) => [f, importsOf(f).filter((t) => files.includes(t))]));
  const loops: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") loops.push(stack.slice(stack.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return loops;
}

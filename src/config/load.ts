/**
 * Reads the config file: the one --config names, else kbsite.config.json in the folder kbsite
 * runs in, else none (every key at its default). Checked against the schema at this boundary; a
 * file that is not JSON, an unknown key or a wrong type is a ConfigError of one line naming the
 * file, the key and what is expected. Keys left out take their defaults.
 */
import { existsSync, readFileSync } from "node:fs";
import { printable } from "../printable.ts";
import { dirname, resolve } from "node:path";
import type { z } from "zod";
import { CONFIG_FILE, ConfigSchema, DEFAULTS, type Config } from "./schema.ts";
import { UserError } from "../user-error.ts";

export class ConfigError extends UserError {
  override name = "ConfigError";
}

export interface LoadedConfig {
  /** Every key, the file's values over the defaults. */
  config: Config;
  /** The keys the file sets (flags override them; the rest take the defaults). */
  given: Set<keyof Config>;
  /** The config file's path, or undefined when there is none. */
  file?: string;
  /** The folder paths in the config are relative to: the file's, else the working folder. */
  dir: string;
}

export function loadConfig(explicit?: string, cwd = process.cwd()): LoadedConfig {
  const file = explicit !== undefined ? resolve(cwd, explicit) : resolve(cwd, CONFIG_FILE);
  if (!existsSync(file)) {
    if (explicit !== undefined)
      throw new ConfigError(`${printable(explicit)}: no such config file; check --config`);
    return { config: { ...DEFAULTS }, given: new Set(), dir: cwd };
  }
  let json: unknown;
  try {
    // An editor on Windows may start the file with a byte-order mark, which JSON.parse refuses.
    json = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new ConfigError(
      `${printable(file)}: not JSON (${(error as Error).message}); fix the file`,
    );
  }
  const parsed = ConfigSchema.partial().safeParse(json, { reportInput: true });
  if (!parsed.success) throw new ConfigError(`${printable(file)}: ${describeIssue(parsed.error)}`);
  const given = new Set(Object.keys(parsed.data) as (keyof Config)[]);
  return { config: { ...DEFAULTS, ...parsed.data }, given, file, dir: dirname(file) };
}

/** The first issue as "key: expected …": the key as a path (`links[0].href`). */
function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  if (issue.code === "unrecognized_keys") {
    const where = keyPath(issue.path);
    const keys = issue.keys.map((k) => `"${k}"`).join(", ");
    const known = where ? "" : `; the keys are ${Object.keys(DEFAULTS).join(", ")}`;
    return `unknown key ${keys}${where ? ` in ${where}` : ""}${known}`;
  }
  if (issue.path.length === 0) return `expected an object of settings, ${received(issue)}`;
  return `${keyPath(issue.path)}: ${expected(issue)}`;
}

function expected(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type") {
    if (issue.input === undefined) return `missing: expected ${article(issue.expected)}`;
    // The keys whose default is null take null too, and the message says so.
    const orNull = issue.path.length === 1 && DEFAULTS[issue.path[0] as keyof Config] === null;
    return `expected ${article(issue.expected)}${orNull ? " or null" : ""}, ${received(issue)}`;
  }
  if (issue.code === "too_small") return "expected a non-empty value";
  if (issue.code === "invalid_format") return `expected ${issue.message}`;
  return issue.message;
}

function received(issue: z.core.$ZodIssue): string {
  const input = issue.input;
  const kind = input === null ? "null" : Array.isArray(input) ? "an array" : typeof input;
  return `got ${kind === "null" || kind === "an array" ? kind : article(kind)}`;
}

const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

function keyPath(path: PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`))
    .join("");
}

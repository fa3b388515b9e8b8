/**
 * `kbsite build`'s settings: the flags over the config file (src/config/) over the defaults.
 * A flag's path is relative to the working folder, a config file's to the file's folder. Turns
 * the config's site keys into the brand the pages show and the files copied into the site (the
 * logo, overridden styles).
 */
import { existsSync, statSync } from "node:fs";
import { extname, resolve } from "node:path";
import { loadConfig, ConfigError } from "../config/load.ts";
import { findOverrides, type Overrides } from "../config/overrides.ts";
import type { Config } from "../config/schema.ts";
import type { Brand } from "../site/brand.ts";
import { normalizePrefix } from "../site/urls.ts";
import { UsageError } from "./usage.ts";

/** The image types a browser shows in an <img>. */
const LOGO_TYPES = [".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"];

export interface BuildSettings {
  content: string;
  out: string;
  stateDir?: string;
  prefix: string;
  siteUrl?: string;
  brand: Brand;
  assets: Record<string, string>;
  overrides?: Overrides;
}

type Flags = Record<string, string | boolean | undefined>;

export function buildSettings(flags: Flags): BuildSettings {
  const { config, given, file, dir } = loadConfig(flags.config as string | undefined);
  // A flag names a path from here, as given (messages quote it so); the file, from its folder.
  const path = (flag: string, key: keyof Config & ("content" | "out")) =>
    typeof flags[flag] === "string"
      ? (flags[flag] as string)
      : file
        ? resolve(dir, config[key])
        : config[key];
  const where = file ?? "the defaults";

  let prefix: string;
  const prefixGiven = typeof flags.prefix === "string";
  try {
    prefix = normalizePrefix(prefixGiven ? (flags.prefix as string) : config.prefix);
  } catch (error) {
    const message = (error as Error).message;
    if (prefixGiven) throw new UsageError(message);
    throw new ConfigError(`${where}: prefix: ${message}`);
  }
  const siteUrl = (flags["site-url"] as string | undefined) ?? config.siteUrl ?? undefined;
  if (siteUrl !== undefined && !/^https?:\/\/[^/\s]+\/?$/.test(siteUrl)) {
    const expected = `should be an origin such as https://kb.example.com`;
    if (flags["site-url"] !== undefined)
      throw new UsageError(`--site-url "${siteUrl}" ${expected}`);
    throw new ConfigError(`${where}: siteUrl: "${siteUrl}" ${expected}`);
  }

  const assets: Record<string, string> = {};
  const brand: Brand = { name: config.name, links: config.links, language: config.language };
  if (config.description !== null) brand.description = config.description;
  if (config.logo !== null) {
    const logo = resolve(dir, config.logo);
    const type = extname(logo).toLowerCase();
    if (!existsSync(logo) || !statSync(logo).isFile())
      throw new ConfigError(
        `${where}: logo: no file ${logo}; fix the path (relative to the config file)`,
      );
    if (!LOGO_TYPES.includes(type))
      throw new ConfigError(
        `${where}: logo: ${logo} should be an image (${LOGO_TYPES.join(", ")})`,
      );
    brand.logo = `/assets/logo${type}`;
    assets[brand.logo] = logo;
  }
  const overrides = findOverrides(
    resolve(dir, config.overrides),
    given.has("overrides") ? file : undefined,
  );
  Object.assign(assets, overrides?.assets);
  return {
    content: path("content", "content"),
    out: path("out", "out"),
    stateDir: flags.state as string | undefined,
    prefix,
    siteUrl,
    brand,
    assets,
    overrides,
  };
}

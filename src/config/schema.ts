/**
 * The config file's schema (kbsite.config.json): every key, its type and its default. The
 * defaults are the built-in sample's, so a build with no config file builds exactly what the
 * flags alone did; `kbsite init` writes STARTER (DEFAULTS less overrides). Paths (content, out, logo,
 * overrides) are read relative to the config file's folder.
 */
import { z } from "zod";
import { DEFAULT_BRAND } from "../site/brand.ts";

const link = z.strictObject({
  text: z.string().min(1),
  href: z.string().min(1),
});

export const ConfigSchema = z.strictObject({
  /** The site's name: the header, the home page's heading, every page's title. */
  name: z.string().min(1),
  /** The home page's text under its heading and its meta description; null: kbsite's own. */
  description: z.string().min(1).nullable(),
  /** An image file shown in the header, copied to /assets/logo.EXT; null: the "KB" mark. */
  logo: z.string().min(1).nullable(),
  /** Footer links, in order. */
  links: z.array(link),
  /** The pages' `lang` (a BCP 47 tag such as "en" or "de-CH"). */
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, 'a language tag such as "en" or "de-CH"'),
  /** The path the site is served under (--prefix). */
  prefix: z.string().min(1),
  /** The site's origin (--site-url); null: relative links. */
  siteUrl: z.string().min(1).nullable(),
  /** The folder of article files (--content). */
  content: z.string().min(1),
  /** The folder the site is written to (--out). */
  out: z.string().min(1),
  /** The folder whose files shadow kbsite's templates and styles (README: Configuration). */
  overrides: z.string().min(1),
});

export type Config = z.infer<typeof ConfigSchema>;

export const DEFAULTS: Config = {
  name: DEFAULT_BRAND.name,
  description: null,
  logo: null,
  links: [],
  language: DEFAULT_BRAND.language,
  prefix: "/",
  siteUrl: null,
  content: "content",
  out: "_site",
  overrides: "overrides",
};

/**
 * What `kbsite init` writes: DEFAULTS less `overrides`, which, once named in a file, must exist;
 * left out, overrides/ beside the config is used when it is there.
 */
export const STARTER: Omit<Config, "overrides"> = (({ overrides: _, ...rest }) => rest)(DEFAULTS);

/** The file kbsite looks for in the folder it runs in. */
export const CONFIG_FILE = "kbsite.config.json";

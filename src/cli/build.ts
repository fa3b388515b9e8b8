/**
 * `kbsite build [--content DIR] [--out DIR] [--prefix /p/] [--site-url URL] [--strict]`: builds
 * the site. Exits 1 on input errors only with --strict; they are always in OUT/build-report.json.
 */
import { parseArgs } from "node:util";
import { build } from "../build/index.ts";
import { OutDirError } from "../build/out-dir.ts";
import { SearchIndexError } from "../build/search-index.ts";
import { normalizePrefix } from "../site/urls.ts";
import { UsageError } from "./usage.ts";

export async function run(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        content: { type: "string", default: "content" },
        out: { type: "string", default: "_site" },
        prefix: { type: "string", default: "/" },
        "site-url": { type: "string" },
        strict: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  let prefix: string;
  try {
    prefix = normalizePrefix(values.prefix);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const siteUrl = values["site-url"];
  if (siteUrl !== undefined && !/^https?:\/\/[^/\s]+\/?$/.test(siteUrl)) {
    throw new UsageError(
      `--site-url "${siteUrl}" should be an origin such as https://kb.example.com`,
    );
  }
  try {
    const report = await build({
      content: values.content,
      out: values.out,
      prefix,
      siteUrl,
      log: (line) => console.log(line),
    });
    return values.strict && report.errors.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof OutDirError || error instanceof SearchIndexError) {
      console.error(`kbsite build: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

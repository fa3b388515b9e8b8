/**
 * One build, as `kbsite build` and each rebuild of `kbsite build --serve` run it: the report, or
 * the one line that says why it failed (an error that is a bug is thrown, with its stack).
 */
import { build } from "../generate/index.ts";
import type { BuildReport } from "../generate/report.ts";
import type { BuildSettings } from "./build-options.ts";
import { describeFailure } from "./failure.ts";

export async function buildOnce(
  options: BuildSettings & { strict: boolean; wait?: boolean; tolerated?: ReadonlySet<string> },
): Promise<{ report: BuildReport } | { failed: string }> {
  try {
    return { report: await build({ ...options, log: (line) => console.log(line) }) };
  } catch (error) {
    const line = describeFailure(error, options.out);
    if (line === undefined) throw error;
    return { failed: line };
  }
}

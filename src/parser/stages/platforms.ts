/** platforms: every file row's platform in its one name (x86, Alpha, MIPS, PowerPC, Itanium, x64). */
import { platformName } from "../text/platform.ts";
import type { Stage } from "../types.ts";

export const platforms: Stage = (article) =>
  article.files.some((row) => row.platform !== undefined)
    ? {
        ...article,
        files: article.files.map((row) =>
          row.platform === undefined ? row : { ...row, platform: platformName(row.platform) },
        ),
      }
    : article;

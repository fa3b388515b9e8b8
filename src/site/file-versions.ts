/**
 * Versions of one file across articles: the order of a file page (newest version first, then
 * newest date), the newest row per platform, and for each row of an article's file table the
 * newer version another article ships for the same platform and product line. A fix's successor
 * is what an admin patching a server needs. Computed once for the whole site: one pass over
 * each file's rows.
 */
import type { FileRow } from "../record.ts";

/** One file-table row of one article. */
export interface FileUse {
  id: string;
  row: FileRow;
}

/** The newer version of a row's file, and the article that ships it. */
export interface NewerVersion {
  id: string;
  version: string;
}

/** "4.0.1381.33478" vs "4.0.1381.7": numerically, part by part; a letter suffix counts after. */
export function compareVersions(a: string, b: string): number {
  const pa = a.replace(/^v/i, "").split(".");
  const pb = b.replace(/^v/i, "").split(".");
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const [, na = "0", sa = ""] = /^(\d*)(.*)$/.exec(pa[i] ?? "0") ?? [];
    const [, nb = "0", sb = ""] = /^(\d*)(.*)$/.exec(pb[i] ?? "0") ?? [];
    const diff = Number(na || 0) - Number(nb || 0) || (sa < sb ? -1 : sa > sb ? 1 : 0);
    if (diff) return Math.sign(diff);
  }
  return 0;
}

/** Newest first: by version, then date; rows without a version after those with one. */
export function newestFirst(a: FileUse, b: FileUse): number {
  const va = a.row.version;
  const vb = b.row.version;
  if (va !== undefined && vb !== undefined) {
    const byVersion = compareVersions(vb, va);
    if (byVersion) return byVersion;
  } else if (va !== vb) return va === undefined ? 1 : -1;
  const da = a.row.date ?? "";
  const db = b.row.date ?? "";
  return da < db ? 1 : da > db ? -1 : Number(a.id.slice(1)) - Number(b.id.slice(1));
}

/**
 * The rows, in newestFirst order, that are the newest of their platform; none for a lone row,
 * and none among rows that name no platform (they may be of any).
 */
export function newestPerPlatform(sorted: readonly FileUse[]): Set<FileUse> {
  const seen = new Set<string>();
  const newest = new Set<FileUse>();
  if (sorted.length < 2) return newest;
  for (const use of sorted) {
    const platform = use.row.platform;
    if (platform === undefined || seen.has(platform)) continue;
    seen.add(platform);
    newest.add(use);
  }
  return newest;
}

/** "4.0.1381.33478" → "4.0": the line a version belongs to (NT 4.0 and Windows 2000 differ). */
function line(version: string): string {
  return version.replace(/^v/i, "").split(".").slice(0, 2).join(".");
}

/**
 * For each row of `uses` (one file's rows across the site) whose file another article ships in
 * a newer version for the same platform, product (`productOf(id)`) and version line: that row.
 */
export function newerVersions(
  uses: readonly FileUse[],
  productOf: (id: string) => string,
  into: Map<FileRow, NewerVersion>,
): void {
  const newest = new Map<string, FileUse>();
  const group = (u: FileUse) =>
    `${u.row.platform ?? ""}\n${productOf(u.id)}\n${line(u.row.version ?? "")}`;
  for (const use of uses) {
    if (use.row.version === undefined) continue;
    const best = newest.get(group(use));
    if (!best || compareVersions(use.row.version, best.row.version!) > 0)
      newest.set(group(use), use);
  }
  for (const use of uses) {
    if (use.row.version === undefined) continue;
    const best = newest.get(group(use))!;
    if (best.id !== use.id && compareVersions(best.row.version!, use.row.version) > 0)
      into.set(use.row, { id: best.id, version: best.row.version! });
  }
}

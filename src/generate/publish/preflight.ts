/**
 * What a build checks before it reads a single article: the content folder is there, and the
 * output folder is new, empty or a kbsite site, never someone's other folder. Then it marks a new
 * folder as kbsite's, first of all, so that a first build stopped halfway left a folder the next
 * build may go on with.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MARKER, OutDirError } from "../write/out-dir.ts";
import { printable } from "../../printable.ts";
import { UserError } from "../../user-error.ts";

/** What a site's kbsite.json holds. */
export interface Marker {
  generator: "kbsite";
  prefix: string;
  /** The id of the build that wrote the site (manifest.ts); none while the first build runs. */
  build?: string;
}

/** A bad --content: a failed build (exit status 1) with the reason, before anything is touched. */
export class ContentError extends UserError {
  override name = "ContentError";
}

export function checkContent(content: string): void {
  if (!existsSync(content))
    throw new ContentError(`--content ${printable(content)}: no such folder; check the path`);
}

/** Refuses an --out that is a file, or a folder with things in it and no marker. */
export function checkOut(out: string): void {
  let entries: string[];
  try {
    if (!statSync(out).isDirectory())
      throw new OutDirError(
        `--out ${printable(out)} is a file, not a folder; give a folder for --out`,
      );
    entries = readdirSync(out);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  if (entries.length > 0 && !entries.includes(MARKER))
    throw new OutDirError(
      `${printable(out)}: the folder is not empty and holds no ${MARKER}, so it is not a kbsite site; choose an empty or new folder for --out (nothing was changed)`,
    );
}

/** The marker of the site in `out`, if it has one that reads. */
export function readMarker(out: string): Marker | undefined {
  try {
    const marker = JSON.parse(readFileSync(join(out, MARKER), "utf8")) as Marker;
    return marker && marker.generator === "kbsite" ? marker : undefined;
  } catch {
    return undefined;
  }
}

/** Makes `out` and marks it as kbsite's, unless it is marked. */
export function markOut(out: string, prefix: string): void {
  mkdirSync(out, { recursive: true });
  if (existsSync(join(out, MARKER))) return;
  writeFileSync(join(out, MARKER), markerText({ generator: "kbsite", prefix }));
}

export const markerText = (marker: Marker) => JSON.stringify(marker, null, 2) + "\n";

/**
 * OUT/build-report.json: what the build read and what became of every input file (article,
 * duplicate merged into another, or error with its reason), and a one-screen summary of it.
 */
import type { Collection } from "../corpus/collect.ts";
import { REPORT, type OutDir } from "./out-dir.ts";

export interface BuildReport {
  inputs: number;
  articles: number;
  formats: Collection["formats"];
  duplicates: Collection["duplicates"];
  errors: Collection["errors"];
  pages: number;
  indexed: number;
}

export function makeReport(collection: Collection, pages: number, indexed: number): BuildReport {
  return {
    inputs: collection.inputs,
    articles: collection.articles.length,
    formats: collection.formats,
    duplicates: collection.duplicates,
    errors: collection.errors,
    pages,
    indexed,
  };
}

export function writeReport(out: OutDir, report: BuildReport): void {
  out.update(`/${REPORT}`, JSON.stringify(report, null, 2) + "\n");
}

export function summarize(report: BuildReport, out: string): string {
  const lines = [
    `${report.inputs} files read: ${report.articles} articles, ${report.duplicates.length} duplicates merged, ${report.errors.length} errors.`,
    `${report.pages} pages written, ${report.indexed} indexed for search, in ${out}`,
  ];
  const shown = report.errors.slice(0, 10).map((e) => `  ${e.path}: ${e.reason}`);
  if (report.errors.length > shown.length)
    shown.push(`  … and ${report.errors.length - shown.length} more in build-report.json`);
  return [...lines, ...shown].join("\n");
}

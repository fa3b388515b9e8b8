/**
 * The build report, build-report.json in the state folder (state.ts), not in the site: what the
 * build read and what became of every input file (article, duplicate merged into another, or
 * error with its reason), and a one-screen summary of it.
 */
import type { Collection } from "../corpus/collect.ts";
import { printable } from "../printable.ts";
import { UserError } from "../user-error.ts";

/** A build that cannot go on, for a reason the user can fix: one line, exit status 1. */
export class BuildFailed extends UserError {
  override name = "BuildFailed";
}

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

/** The lines that end a build: what it made, where the report is, what --site-url would add. */
export function summarize(
  report: BuildReport,
  out: string,
  reportPath: string,
  siteUrl?: string,
): string {
  const lines = [
    `${report.inputs} files read: ${report.articles} articles, ${report.duplicates.length} duplicates merged, ${report.errors.length} errors.`,
    `${report.pages} pages in ${printable(out)}, ${report.indexed} ${report.indexed === 1 ? "article" : "articles"} indexed for search this build; report: ${reportPath}`,
  ];
  const shown = report.errors
    .slice(0, 10)
    .map((e) => `  ${printable(e.path)}: ${printable(e.reason)}`);
  if (report.errors.length > shown.length)
    shown.push(`  … and ${report.errors.length - shown.length} more in the report`);
  if (!siteUrl)
    shown.push(
      "No --site-url: the sitemap, canonical, og:url and OpenSearch links are relative, which crawlers, the sitemap protocol and browsers' search engines reject; pass --site-url https://your.host to make them absolute.",
    );
  return [...lines, ...shown].join("\n");
}

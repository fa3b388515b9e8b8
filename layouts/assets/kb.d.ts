// Types of kb.js: the browser's URL rules, which src/site/urls.ts also builds the site with.
export function parseKbId(text: string): string | null;
export function articlePath(id: string): string;
export function slug(name: string): string;
export function fileStem(name: string): string;
export function fileStemPath(name: string): string;
export function looksLikeFileName(query: string): boolean;
export function formatLink(
  kind: "link" | "markdown" | "mediawiki" | "confluence",
  url: string,
  text: string,
): string;

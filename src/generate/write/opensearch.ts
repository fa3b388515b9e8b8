/**
 * /opensearch.xml: the OpenSearch 1.1 description every page's head links (rel="search"), so a
 * browser offers the site as a search engine and what is typed in its address bar opens the
 * search page with it, an id going straight to its article as from the search box. The spec
 * wants absolute URLs, and browsers ignore a description without them: with no --site-url the
 * file is still written, with the site's paths alone, and the build's report says it needs one.
 */
import type { SiteShared } from "../../site/data.ts";
import { escapeHtml } from "../../site/html.ts";
import type { OutDir } from "./out-dir.ts";

export const OPENSEARCH_PATH = "/opensearch.xml";

/** OpenSearch's limits on ShortName and LongName, in characters. */
const SHORT = 16;
const LONG = 48;

/** A name cut to `max` characters at a word's end when one is near ("Knowledge Base"). */
export function cutName(name: string, max: number): string {
  if (name.length <= max) return name;
  const cut = name.slice(0, max + 1);
  const space = cut.lastIndexOf(" ");
  return (space >= max / 2 ? cut.slice(0, space) : name.slice(0, max)).trim();
}

export function openSearchXml(site: SiteShared): string {
  const { name } = site.brand;
  const text = (value: string) => escapeHtml(value);
  const search = `${site.absoluteUrl("/search/")}?q={searchTerms}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
  <ShortName>${text(cutName(name, SHORT))}</ShortName>
  <LongName>${text(cutName(name, LONG))}</LongName>
  <Description>${text(`Search ${name} by KB id, file name or words.`)}</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <OutputEncoding>UTF-8</OutputEncoding>
  <Image type="image/svg+xml">${text(site.absoluteUrl("/assets/favicon.svg"))}</Image>
  <Url type="text/html" method="get" template="${text(search)}"/>
  <Url type="application/opensearchdescription+xml" rel="self" template="${text(site.absoluteUrl(OPENSEARCH_PATH))}"/>
  <Query role="example" searchTerms="Q265433"/>
</OpenSearchDescription>
`;
}

/** Writes /opensearch.xml (when its bytes change); returns the files written, 1. */
export function writeOpenSearch(site: SiteShared, out: OutDir): number {
  out.update(OPENSEARCH_PATH, openSearchXml(site));
  return 1;
}

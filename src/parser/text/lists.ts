/** Header list fields: versions, operating systems and keywords, as the archive prints them. */

const GROUP = /\s*[|,]\s*/;
// "4.0 SP4", "3.1 OSR2": a service-pack word belongs to the version before it.
const SUFFIX = /^(SP|SR|OSR)\d*[a-z]?$/i;

/** "4.0,4.0 SP4" | "2.00 2.5x | 2.60" | "winnt:4.0" | ":4.0" -> one entry per version. */
export function splitVersions(value: string): string[] {
  const out: string[] = [];
  for (const group of value.split("|")) {
    const items = group.includes(",") ? group.split(",") : joinSuffixes(group.trim().split(/\s+/));
    for (const item of items) add(out, item.trim().replace(/^:+/, ""));
  }
  return out;
}

/** "MS-DOS | WINDOWS", "WINNT, WIN95" -> ["MS-DOS", "WINDOWS"]. */
export function splitList(value: string): string[] {
  const out: string[] = [];
  for (const item of value.split(GROUP)) add(out, item.trim());
  return out;
}

/** Keywords are separated by spaces or "|". */
export function splitKeywords(value: string): string[] {
  const out: string[] = [];
  for (const item of value.split(/[\s|]+/)) add(out, item);
  return out;
}

function joinSuffixes(words: string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    if (SUFFIX.test(word) && out.length > 0) out[out.length - 1] += ` ${word}`;
    else out.push(word);
  }
  return out;
}

function add(list: string[], item: string): void {
  if (item !== "" && !list.includes(item)) list.push(item);
}

/** The product line names one product, commas and all. */
export function single(value: string | undefined): string[] {
  const item = value?.trim() ?? "";
  return item === "" ? [] : [item];
}

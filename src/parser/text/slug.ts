/** Section ids: a slug of the heading, unique within the article ("cause", "cause-2"). */

const NOT_ALNUM = /[^a-z0-9]+/g;
const EDGES = /^-+|-+$/g;
const MARKS = /[\u0300-\u036f]/g;
const NON_ASCII = /[^\x00-\x7f]/;

export function slug(heading: string): string {
  // Only a non-ASCII heading can hold accents to strip; normalizing every heading cost 2 %.
  const plain = NON_ASCII.test(heading) ? heading.normalize("NFKD").replace(MARKS, "") : heading;
  const base = plain.toLowerCase();
  return base.replace(NOT_ALNUM, "-").replace(EDGES, "") || "section";
}

/** Slugs for headings in order; a repeated slug gets "-2", "-3", … */
export function uniqueSlugs(headings: string[]): string[] {
  const seen = new Map<string, number>();
  const taken = new Set<string>();
  return headings.map((heading) => {
    const base = slug(heading);
    let n = seen.get(base) ?? 0;
    let id = n === 0 ? base : `${base}-${n + 1}`;
    while (taken.has(id)) id = `${base}-${++n + 1}`;
    seen.set(base, n + 1);
    taken.add(id);
    return id;
  });
}

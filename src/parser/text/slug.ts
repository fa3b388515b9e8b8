/** Section ids: a slug of the heading, unique within the article ("cause", "cause-2"). */

const NOT_ALNUM = /[^a-z0-9]+/g;
const EDGES = /^-+|-+$/g;
const MARKS = /[\u0300-\u036f]/g;

export function slug(heading: string): string {
  const base = heading.normalize("NFKD").replace(MARKS, "").toLowerCase();
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

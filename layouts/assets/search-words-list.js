// The search page's word results (search.js shows them): the word index's ranked articles, a
// page at a time, each with the passage where it matched; a quoted phrase checked on each record.
import { articlePath, withPrefix } from "../../src/site/urls.ts";
import { describe, meta, moreButton, resultItem } from "./search-items.js";

/** Phrase candidates read ahead of the page to check them: past it, "Show more" reads on. */
const AHEAD = 100;

/**
 * Word results, PAGE at a time, each shown as its record arrives, in rank order, with the
 * passage where it matched; "more" reads the articles past the strong tiers' ("at least" till
 * then). A quoted phrase is checked on each record's text: the records ahead of the page are read
 * in the background (AHEAD at most), and the count is of the checked ones till all are.
 */
export async function showWords(page, list, shown, found) {
  const { prefix, results, say, tell, correctionLine, page: PAGE } = page;
  const { query, filters, fileFilter } = page.request;
  const describedQuery = page.described;
  const { query: parsed, ranked, first, records, passage, holds, correction, all } = found;
  const described = correction ? describe(correction.text, filters, fileFilter) : describedQuery;
  if (parsed.words.length === 0 && !Object.keys(filters).length && !fileFilter) {
    say(`“${query}” has only words too common to search for; add a rarer one.`);
    return;
  }
  const listed = new Set(shown); // the file tables' articles, counted apart
  const checked = new Map(); // id → whether its record holds the quoted phrases
  const phrased = parsed.phrases.length > 0;
  let next = 0;
  let target = list;
  let where = passage;
  const mark = (hit, record) => checked.set(hit.id, !record || holds(record));
  const showMore = async (pending = records(next, next + PAGE)) => {
    const batch = ranked.slice(next, next + pending.length);
    next += pending.length;
    for (const [i, hit] of batch.entries()) {
      const record = await pending[i];
      mark(hit, record);
      if (!checked.get(hit.id) || shown.has(hit.id)) continue;
      shown.add(hit.id);
      const at = record ? where(record) : null;
      const anchor = at?.section ? `#${at.section.id}` : "";
      target.append(
        resultItem({
          id: hit.id,
          title: record?.title ?? "",
          url: withPrefix(prefix, articlePath(hit.id)) + anchor,
          meta: record ? meta(record, at?.section?.heading) : "",
          excerpt: at?.pieces,
        }),
      );
    }
    if (phrased && ready) checkAhead();
    recount();
  };
  // The phrase check past the page: candidates [0, checkedTo) are read or being read.
  let checkedTo = 0;
  let checking = false;
  const checkAhead = async () => {
    if (checking) return;
    checking = true;
    while (checkedTo < Math.min(ranked.length, next + AHEAD)) {
      const from = Math.max(checkedTo, next);
      const to = Math.min(from + PAGE, ranked.length);
      checkedTo = to;
      const read = await Promise.all(records(from, to));
      ranked.slice(from, to).forEach((hit, i) => mark(hit, read[i]));
      recount();
    }
    checking = false;
    recount();
  };
  // A correction's results, added at the end below the exact ones, are not counted (a query with
  // a correction has no tails: the end of `ranked` is theirs).
  let corrected = 0;
  let ready = false; // the status line waits for the first page
  const recount = () => {
    if (!ready) return;
    const counted = ranked.slice(0, ranked.length - corrected).filter((hit) => !listed.has(hit.id));
    if (!phrased) return tell(counted.length, all.done ? "" : "at least", described);
    const holding = counted.filter((hit) => checked.get(hit.id)).length;
    const unknown = counted.filter((hit) => !checked.has(hit.id)).length;
    if (!unknown) return tell(holding, "", described);
    const read = counted.length - unknown;
    tell(
      holding,
      checking
        ? `so far; checking ${unknown} more…`
        : `of the first ${read} checked; “Show more results” checks the other ${unknown}`,
      described,
    );
  };
  await showMore(first.slice(0, PAGE)); // a screenful, asked for in the head
  await showMore(records(next, PAGE)); // the rest of the first page
  // A few exact results are shown at once; a correction's come after them, in a list below.
  const more = await found.later?.();
  if (more?.added) {
    corrected = more.added;
    target = Object.assign(document.createElement("ol"), { className: "results" });
    list.after(correctionLine(more.correction.text, true), target);
    where = more.passage;
    await showMore(records(next, next + PAGE));
  }
  ready = true;
  if (phrased) checkAhead();
  recount();
  // More while the tails are unread or a result is left to show (not a phrase's known misses).
  const left = () =>
    all.more(next) &&
    (!all.done ||
      ranked.slice(next).some((hit) => checked.get(hit.id) !== false && !shown.has(hit.id)));
  moreButton(results, all.filled(showMore), left);
}

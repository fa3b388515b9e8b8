// The search page's word search (search-start.js starts it): the word index's ranked articles
// passing the filters, the first records asked for at once, a slip's correction when needed.
import { articlePath, slug, withPrefix } from "../../src/site/urls.ts";
import {
  decodeIds,
  filterPath,
  findArticles,
  holdsPhrases,
  passage,
  termFile,
} from "../../src/words/index.ts";
import { FEW } from "../../src/words/correct.ts";
import { json, stemFile } from "./search-fetch.js";

/**
 * Records asked for as soon as the ranking is known: a screenful. Asking for a whole page at once
 * delayed the first on this 2-core machine (median first result 351 → ~300 ms with 6–10).
 */
const FIRST = 6;

/**
 * The id numbers the request's filters let through (each filter's list from the word index, the
 * file filter's from its stem JSON), or null when it has no filter.
 */
async function allowedIds(prefix, { filters, fileFilter }) {
  const lists = Object.entries(filters).map(async ([name, value]) =>
    decodeIds((await json(prefix + filterPath(name, value)))?.[value] ?? ""),
  );
  if (fileFilter)
    lists.push(
      stemFile(prefix, fileFilter).then((byName) =>
        (byName?.[slug(fileFilter)] ?? []).map((row) => Number(row.id.slice(1))),
      ),
    );
  if (lists.length === 0) return null;
  const [first, ...rest] = await Promise.all(lists);
  let allowed = new Set(first);
  for (const ids of rest) allowed = new Set(ids.filter((n) => allowed.has(n)));
  return allowed;
}

/**
 * Word results from the word index (src/words/): every article holding all the query's words and
 * passing its filters, ranked, and the records of the first FIRST already asked for; with filters
 * and no words, every article passing them, in id order. `missing` lists the query's words no
 * article holds (the page asks Pagefind then, which also matches the start of a word).
 */
export async function searchWords(prefix, request) {
  const allowing = allowedIds(prefix, request);
  allowing.catch(() => {}); // awaited below, once the buckets are in
  const buckets = new Map();
  const bucket = (key) => {
    const path = prefix + termFile(key);
    if (!buckets.has(path)) buckets.set(path, json(path));
    return buckets.get(path);
  };
  const text = request.id ? request.id : request.query;
  // Filtered, every article is needed at once; else the tails wait for "more" (engine.ts rest).
  const complete = Object.keys(request.filters).length > 0 || Boolean(request.fileFilter);
  const find = (again) => findArticles(again, bucket, { complete });
  const exact = await find(text);
  const asIs = request.exact || request.id;
  // A word that matches nothing waits for its correction; a few results are shown at once, and
  // their correction (`later`) is added below them when it comes.
  const found = exact.missing.length ? await corrected(prefix, text, exact, find, asIs) : exact;
  const { query } = found;
  const allowed = await allowing;
  let ranked = found.ranked;
  if (query.words.length) {
    if (allowed) ranked = ranked.filter(({ id }) => allowed.has(Number(id.slice(1))));
  } else if (allowed) {
    ranked = [...allowed].sort((a, b) => a - b).map((n) => ({ id: `Q${n}`, score: 0 }));
  }
  const few =
    !asIs && !exact.missing.length && !found.rest && query.words.length && ranked.length < FEW;
  let asked = null;
  const later = () =>
    (asked ??= !few
      ? Promise.resolve(null)
      : corrected(prefix, text, exact, find, false)
          .then((more) => {
            if (!more.correction) return null;
            const held = new Set(ranked.map((r) => r.id));
            const added = more.ranked.filter(
              (r) => !held.has(r.id) && (!allowed || allowed.has(Number(r.id.slice(1)))),
            );
            ranked.push(...added);
            const words = more.query.words;
            return {
              correction: more.correction,
              added: added.length,
              passage: (r) => passage(r, words),
            };
          })
          .catch(() => null));
  // Kept, as the page and a quoted phrase's check ahead of it ask for the same records.
  const fetched = new Map();
  const record = (id) => {
    if (!fetched.has(id)) fetched.set(id, json(`${withPrefix(prefix, articlePath(id))}index.json`));
    return fetched.get(id);
  };
  const records = (from, to) => ranked.slice(from, to).map(({ id }) => record(id));
  // Past the strong tiers' articles (engine.ts rest): read when "more" has shown the rest.
  const all = { done: !found.rest, next: 0 };
  all.more = (next) => ((all.next = next), next < ranked.length || !all.done);
  all.filled = (show) => async () => {
    if (!all.done && all.next >= ranked.length)
      (ranked.push(...(await found.rest()).slice(ranked.length)), (all.done = true));
    return show();
  };
  return {
    query,
    ranked,
    all,
    missing: found.missing,
    correction: found.correction,
    /**
     * With a few results, asked for once they are shown: their correction's, added to `ranked`
     * (resolves to { correction, added, passage } or null).
     */
    later,
    first: records(0, FIRST),
    records,
    /** Where the query matched in a record: its section and the passage, words marked. */
    passage: (record) => passage(record, query.words),
    /** Whether a record holds the query's quoted phrases word for word. */
    holds: (record) => holdsPhrases(record, query.phrases),
  };
}

/**
 * The exact results, or when a word matches nothing (or the query almost nothing) those of the
 * closest words the archive holds, below the exact ones, with `correction` saying what was
 * searched instead (layouts/assets/fuzzy.ts, loaded only then).
 */
async function corrected(prefix, text, found, find, exact) {
  if (exact || (!found.missing.length && found.ranked.length >= FEW)) return found;
  const fuzzy = await import(`${prefix}assets/fuzzy.js`).catch(() => null);
  if (!fuzzy) return found;
  return fuzzy.corrected(prefix, text, found, find);
}

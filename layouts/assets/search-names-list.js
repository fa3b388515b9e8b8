// The search page's name results (search.js shows them): Pagefind's answer for the start of a
// word, kept to the articles that hold every word's start.
import { slug } from "../../src/site/urls.ts";
import { moreButton, resultItem, startsOfWords } from "./search-items.js";

/**
 * Pagefind's results for the start of a word (cocreatei), from the articles' names, 20 at a
 * time, leaving out articles already listed and any that do not hold the start of every word.
 */
export async function showNames(page, list, shown) {
  const { started, results, say, tell, described, page: PAGE } = page;
  const { query, fileFilter } = page.request;
  say("Searching titles, keywords and file names…");
  let found;
  try {
    found = await started.text();
  } catch (error) {
    say(`The search index could not be loaded (${error.message}).`);
    return 0;
  }
  const { results: rest, hidden } = found;
  // With a file filter: only the articles whose file table lists that very file.
  const listing = fileFilter
    ? new Set((found.listing?.[slug(fileFilter)] ?? []).map((row) => row.id))
    : null;
  let next = 0;
  let added = 0;
  // Pagefind's results are checked as they are shown: the count is of those, "at least" till all are.
  const where = `${described} in its names`;
  const showMore = async () => {
    const batch = rest.slice(next, next + PAGE);
    next += batch.length;
    // All fetched at once, shown in order as each arrives: the first result needs only its own.
    for (const pending of batch.map((r) => r.data())) {
      const data = await pending;
      const hitId = data.meta.id ?? "";
      if (hidden.has(hitId) && data.meta.delta !== "1") continue;
      if (listing && !listing.has(hitId)) continue;
      if (!startsOfWords(data.content ?? "", query)) continue;
      if (shown.has(hitId)) continue;
      shown.add(hitId);
      added++;
      // Pagefind holds the names alone: the start of the text comes from the record, later,
      // into a line kept for it, so the results below move less when it arrives.
      const li = resultItem({
        id: hitId,
        title: data.meta.title ?? "",
        url: data.url,
        excerpt: "\u00a0",
      });
      list.append(li);
      started.record(hitId).then((record) => {
        const held = li.querySelector(".excerpt");
        if (record) held.replaceWith(resultItem.passageNode(started.passage(record, []).pieces));
        else held.remove();
      });
    }
  };
  await showMore();
  while (added === 0 && next < rest.length) await showMore();
  const recounted = async () => (
    await showMore(),
    tell(added, next < rest.length ? "at least" : "", where)
  );
  moreButton(results, recounted, () => next < rest.length);
  tell(added, next < rest.length ? "at least" : "", added ? where : described);
}

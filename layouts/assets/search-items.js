// The search page's result items: an article's id and title as a link (to the section where the
// query matched), a line of what it is (product, date, section), and the passage or file rows.
// Built as DOM nodes with textContent only: article text is data, never markup.

/** [text, marked] pieces as a paragraph, marked pieces in <mark>. */
function passageNode(pieces) {
  const p = Object.assign(document.createElement("p"), { className: "excerpt" });
  for (const [text, marked] of pieces)
    p.append(marked ? Object.assign(document.createElement("mark"), { textContent: text }) : text);
  return p;
}

const span = (className, textContent) =>
  Object.assign(document.createElement("span"), { className, textContent });

/**
 * One result: `excerpt` is a string (file rows) or passage pieces; `meta` the line under the
 * title; `badge` a label beside it ("File table").
 */
export function resultItem({ id, title, url, excerpt, badge, meta }) {
  const li = document.createElement("li");
  const a = Object.assign(document.createElement("a"), { className: "result-title", href: url });
  a.append(span("kb-id", id), ` ${title}`);
  li.append(a);
  if (badge) li.append(span("badge", badge));
  if (meta)
    li.append(
      Object.assign(document.createElement("p"), { className: "result-meta", textContent: meta }),
    );
  if (typeof excerpt === "string")
    li.append(
      Object.assign(document.createElement("p"), { className: "excerpt", textContent: excerpt }),
    );
  else if (excerpt?.length) li.append(passageNode(excerpt));
  return li;
}
resultItem.passageNode = passageNode;

/** "Microsoft Windows NT · 2002-05-08 · in CAUSE": what the result is, and where it matched. */
export function meta(record, heading) {
  const parts = [record.products?.[0], record.lastModified];
  if (heading) parts.push(`in ${heading}`);
  return parts.filter(Boolean).join(" · ");
}

/** Whether every word of `query` starts a word of `text` (a part of a word matches its word). */
export function startsOfWords(text, query) {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const wanted = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return wanted.length > 0 && wanted.every((w) => words.some((word) => word.startsWith(w)));
}

/**
 * `npx tsx scripts/common-terms.ts SITE [--over N]`: remakes src/words/common-terms.ts, the
 * terms held by more than N (default 1000) of the built site SITE's articles. Their postings take
 * the word index's common form (src/words/postings.ts). The list is fixed in the code, like
 * a stop list, rather than taken from each build's counts: a term's form then never depends on
 * the other articles, so a rebuild writes what a cold build writes. Run it on the whole archive.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { compoundsOf, indexed, termOf, wordsOf } from "../src/words/index.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { over: { type: "string", default: "1000" } },
});
const site = positionals[0];
if (!site) throw new Error("usage: npx tsx scripts/common-terms.ts SITE [--over N]");
const over = Number(values.over);

interface Record {
  title: string;
  keywords: string[];
  files: { name: string }[];
  sections: { heading: string; text: string }[];
}

const counts = new Map<string, number>();
let articles = 0;
const kb = join(site, "kb");
for (const group of readdirSync(kb)) {
  for (const id of readdirSync(join(kb, group))) {
    const record = JSON.parse(readFileSync(join(kb, group, id, "index.json"), "utf8")) as Record;
    const text = [record.title, record.keywords.join(" "), record.files.map((f) => f.name)]
      .concat(record.sections.flatMap((s) => [s.heading, s.text]))
      .join("\n");
    const terms = new Set(wordsOf(text).filter(indexed).map(termOf));
    for (const compound of compoundsOf(text)) terms.add(compound);
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    articles++;
  }
}
const common = [...counts].filter(([, n]) => n > over).map(([term]) => term);
common.sort();
const lines = [];
for (let i = 0; i < common.length; i += 12)
  lines.push(`  ${JSON.stringify(common.slice(i, i + 12).join(" "))},`);
writeFileSync(
  new URL("../src/words/common-terms.ts", import.meta.url),
  `// Made by scripts/common-terms.ts from ${articles} articles: the ${common.length} terms held by more than
// ${over} of them. Their postings take the common form (postings.ts). Remake it with that script.
export const COMMON_TERMS = new Set(
  [
${lines.join("\n")}
  ]
    .join(" ")
    .split(" "),
);
`,
);
console.log(`${common.length} common terms of ${counts.size}, from ${articles} articles`);

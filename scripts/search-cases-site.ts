/**
 * A built site's articles for the search test set (scripts/search-cases.ts): each record's joined
 * section text (what strings are picked from) and its searchable text (what "held" is counted
 * over), and an index that says which articles hold a string without scanning all 60k texts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ArticleRecord } from "../src/record.ts";
import { holdsAt, normalize, paragraphs } from "./search-cases-kinds.ts";

export interface Article {
  id: string;
  /** The sections' texts joined with "\n\n", in order: offsets ("past 800") count in this. */
  sectionText: string;
  /** Normalized title, keywords, file names, headings and texts, boilerplate paragraphs left out. */
  searchable: string;
}

type Fields = Pick<ArticleRecord, "id" | "title" | "keywords" | "files" | "sections">;

/** An article from its record; the text people can search, as the issue defines it. */
export function articleOf(record: Fields): Article {
  const sectionText = record.sections.map((s) => s.text).join("\n\n");
  const own = record.sections.flatMap((s) => [
    s.heading,
    ...paragraphs(s.text)
      .filter((p) => !p.boilerplate)
      .map((p) => p.text),
  ]);
  const parts = [record.title, ...record.keywords, ...record.files.map((f) => f.name), ...own];
  return { id: record.id, sectionText, searchable: normalize(parts.join("\n")) };
}

const idNumber = (id: string) => Number(id.slice(1));

/** The record paths of a built site, `kb/NNN/QNNNNNN/index.json`. */
export function recordPaths(site: string): string[] {
  const kb = join(site, "kb");
  return readdirSync(kb, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(kb, d.name)).map((id) => join(kb, d.name, id, "index.json")));
}

/** Every article of the site, in id order (Q10022 before Q100020). */
export function loadSite(site: string): Article[] {
  const articles = recordPaths(site).map((path) =>
    articleOf(JSON.parse(readFileSync(path, "utf8"))),
  );
  return articles.sort((a, b) => idNumber(a.id) - idNumber(b.id));
}

/** A token is a run of letters, digits and "_", the word characters "held" is bounded by. */
export const tokensOf = (normalized: string) => normalized.match(/[\p{L}\p{N}_]+/gu) ?? [];

/**
 * Which articles hold a string. Postings are kept for rare tokens only (a token in more than
 * `rare` articles drops its list): a string's rarest token narrows 60k articles to a few, and the
 * exact check runs on those. A string made of common tokens alone is checked against every text.
 */
export class HolderIndex {
  private postings = new Map<string, number[] | null>();

  constructor(
    readonly articles: readonly Article[],
    readonly rare = 1000,
  ) {
    articles.forEach((article, n) => {
      for (const token of new Set(tokensOf(article.searchable))) this.add(token, n);
    });
  }

  private add(token: string, n: number): void {
    const list = this.postings.get(token);
    if (list === null) return;
    if (list === undefined) this.postings.set(token, [n]);
    else if (list.length >= this.rare) this.postings.set(token, null);
    else list.push(n);
  }

  /**
   * The candidates for a normalized string: the list of its rarest token, or every article
   * (undefined); "common" when it is one token held by more than `rare` articles.
   */
  private candidates(needle: string): readonly number[] | "common" | undefined {
    const tokens = tokensOf(needle);
    let best: number[] | undefined;
    for (const token of tokens) {
      const list = this.postings.get(token);
      if (list === undefined) return []; // a token no article has
      if (list !== null && (!best || list.length < best.length)) best = list;
    }
    return !best && tokens.length === 1 ? "common" : best;
  }

  /**
   * The ids of the articles holding `text` (any case or spacing), in id order, or undefined when
   * more than `max` do (the count then stops).
   */
  holders(text: string, max = Infinity): string[] | undefined {
    const needle = normalize(text);
    const list = this.candidates(needle);
    if (list === "common")
      return max >= this.rare ? this.scan(needle, this.articles, max) : undefined;
    return this.scan(needle, list ? list.map((n) => this.articles[n]!) : this.articles, max);
  }

  private scan(needle: string, articles: readonly Article[], max: number): string[] | undefined {
    const out: string[] = [];
    for (const article of articles) {
      if (!holdsAt(article.searchable, needle)) continue;
      if (out.push(article.id) > max) return undefined;
    }
    return out;
  }
}

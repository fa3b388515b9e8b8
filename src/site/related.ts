/**
 * "Related" for every article at once: the articles that ship the same files first, then those
 * that share its rarer keywords or cite the same articles. Built from inverted lists (feature →
 * articles), each article scoring only the articles on its own features' lists; a feature carried
 * by more than MAX_SHARED articles (kbbug, ENDUSER, a much-cited article) says little and would
 * make the work grow with the square of the archive, so it is not used. At 60k articles this is
 * one pass over each short list.
 */
import type { ArticleRecord } from "../record.ts";
import { slug } from "./urls.ts";

export interface Related {
  id: string;
  /** Why it is related, for the reader: "ships Rpcss.exe", "keyword kbWinNT400PreSP7Fix", "cites Q123". */
  why: string;
}

export const RELATED = 5;
const MAX_SHARED = 100;
// A shared file outweighs any number of shared keywords and citations.
const FILE_WEIGHT = 1000;

type Feature = { why: string; ids: number[] };

export function relatedArticles(articles: readonly ArticleRecord[]): Map<string, Related[]> {
  const features = new Map<string, Feature>();
  const own: string[][] = articles.map(() => []);
  const add = (i: number, key: string, why: string) => {
    const feature = features.get(key) ?? { why, ids: [] };
    if (feature.ids.at(-1) === i) return;
    feature.ids.push(i);
    features.set(key, feature);
    own[i]!.push(key);
  };
  articles.forEach((a, i) => {
    for (const row of a.files) add(i, `f:${slug(row.name)}`, `ships ${row.name}`);
    for (const k of a.keywords) add(i, `k:${k.toLowerCase()}`, `keyword ${k}`);
    for (const ref of a.references) if (ref !== a.id) add(i, `r:${ref}`, `cites ${ref}`);
  });

  const related = new Map<string, Related[]>();
  articles.forEach((article, i) => {
    const scores = new Map<number, { score: number; why: string; weight: number }>();
    for (const key of own[i]!) {
      const feature = features.get(key)!;
      const n = feature.ids.length;
      if (n < 2 || n > MAX_SHARED) continue;
      // Rarer features weigh more: a keyword two articles share says more than one forty share.
      const weight = (key.startsWith("f:") ? FILE_WEIGHT : 0) + 1 / Math.log2(1 + n);
      for (const j of feature.ids) {
        if (j === i) continue;
        const entry = scores.get(j) ?? { score: 0, why: feature.why, weight: 0 };
        entry.score += weight;
        if (weight > entry.weight) Object.assign(entry, { why: feature.why, weight });
        scores.set(j, entry);
      }
    }
    const best = [...scores.entries()]
      .sort(([ja, a], [jb, b]) => b.score - a.score || jb - ja)
      .slice(0, RELATED)
      .map(([j, { why }]) => ({ id: articles[j]!.id, why }));
    if (best.length) related.set(article.id, best);
  });
  return related;
}

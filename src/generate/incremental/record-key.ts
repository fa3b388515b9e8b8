/**
 * An article record's key: a hash of the whole record and the ids its text mentions, computed
 * once per record (the parse cache keeps them with the records), so a rebuild's page keys cost
 * ~0.1 s instead of serializing and hashing all 60k records again (~2 s).
 */
import type { ArticleRecord } from "../../record.ts";
import { shortHash } from "./short-hash.ts";

export interface RecordKey {
  /** Hash of the record's JSON. */
  hash: string;
  /** The ids its sections' text names, each once, in order: those the site has become links. */
  mentions: string[];
}

const ID = /\bQ[1-9][0-9]{0,8}\b/g;

const known = new WeakMap<ArticleRecord, RecordKey>();

export function recordKey(article: ArticleRecord): RecordKey {
  let key = known.get(article);
  if (!key) known.set(article, (key = computeKey(article)));
  return key;
}

/** Tells recordKey the key of a record whose key was kept (the parse cache). */
export function rememberKey(article: ArticleRecord, key: RecordKey): void {
  known.set(article, key);
}

function computeKey(article: ArticleRecord): RecordKey {
  const mentions = new Set<string>();
  for (const section of article.sections)
    for (const [id] of section.text.matchAll(ID)) mentions.add(id);
  return {
    hash: shortHash(JSON.stringify(article)),
    mentions: [...mentions],
  };
}

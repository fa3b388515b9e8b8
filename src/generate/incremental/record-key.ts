/**
 * An article record's key: a hash of the whole record and the ids and file names its text
 * mentions, computed once per record (the parse cache keeps them with the records), so a
 * rebuild's page keys cost ~0.1 s instead of serializing and hashing all 60k records again
 * (~2 s), and the file pages' mentions need no pass over 230 MB of text (~1-3 s).
 */
import type { ArticleRecord } from "../../record.ts";
import { slug } from "../../site/urls.ts";
import { shortHash } from "./short-hash.ts";

export interface RecordKey {
  /** Hash of the record's JSON. */
  hash: string;
  /** The ids its sections' text names, each once, in order: those the site has become links. */
  mentions: string[];
  /**
   * The file names its title and sections' text name, as file-page slugs, each once, in order
   * ("the Wininet.dll file" → "wininet.dll"): a file page lists the articles that mention it.
   */
  files: string[];
}

const ID = /\bQ[1-9][0-9]{0,8}\b/g;
/** A name with an extension of a letter and up to three more: "Rpcss.exe", "ntuser.dat.log". */
const FILE_NAME = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.[A-Za-z][A-Za-z0-9]{0,3}$/;
/**
 * Runs of name characters, each then tested whole against FILE_NAME: the same names as one
 * unanchored pattern finds, but in linear time (that pattern retried every start of a long run
 * without a dot: a 2 MB article took minutes).
 */
const NAME_RUN = /[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*/g;

/** The file names printed in `text`. */
function fileNames(text: string, into: Set<string>): void {
  for (const [run] of text.matchAll(NAME_RUN)) if (FILE_NAME.test(run)) into.add(run);
}

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
  const names = new Set<string>(); // as printed: a name printed ten times is made a slug once
  fileNames(article.title, names);
  for (const section of article.sections) {
    for (const [id] of section.text.matchAll(ID)) mentions.add(id);
    fileNames(section.text, names);
  }
  return {
    hash: shortHash(JSON.stringify(article)),
    mentions: [...mentions],
    files: [...new Set([...names].map(slug))],
  };
}

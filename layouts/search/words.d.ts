// Types of words.js: the word index's format, tokens, ranking and passages, shared with the build.
export const BUCKETS: number;
export const MAX_WORD: number;
export const MAX_WEIGHT: number;
export const STOP_WORDS: ReadonlySet<string>;
export const BOILERPLATE: RegExp;
export function wordBucketPath(bucket: number): string;
export function wordsOf(text: string): string[];
export function indexed(word: string): boolean;
export function termOf(word: string): string;
export function compoundsOf(text: string): string[];
export function tokensOf(text: string): string[];
export function exactTermsOf(text: string): string[];
export const JOINER: RegExp;
export const MAX_COMPOUND: number;
export function eachToken(
  text: string,
  onWord: (word: string) => void,
  onCompound: (compound: string) => void,
): void;
export function bucketOf(term: string): number;
export function neighbourHash(term: string): number;
export function pairTerm(a: string, b: string): string;
export function isCommon(term: string): boolean;
export function isCommonWord(term: string): boolean;
export const MAX_NEIGHBOURS: number;
export const ANY: number;
export function neighbourCount(next: number, prev: number): number;
export function pushHash(codes: number[], hash: number): void;
export interface NeighbourCodes {
  codes: number[];
  ends: number[];
}
export function neighbourCodes(texts: readonly string[]): NeighbourCodes;
export function neighbourText(
  next: readonly number[] | null,
  prev: readonly number[] | null,
): string;

export interface Run {
  terms: string[];
  quoted: boolean;
}
export interface Query {
  words: string[];
  compounds: { term: string; parts: string[] }[];
  runs: Run[];
  phrases: string[][];
}
export function parseQuery(query: string): Query;

export function encodeIds(ids: readonly number[]): string;
export function decodeIds(text: string): number[];
export const FILTERS: readonly ("product" | "year")[];
export function filterPath(name: string, value: string): string;

export interface Postings {
  ids: number[];
  weights: number[];
  /** Each article's neighbourText, as stored; null for the common form. */
  neighbours: string[] | null;
  /** Each article's neighbour hashes after and before the term (null: any); null for the common form. */
  next: (number[] | null)[] | null;
  prev: (number[] | null)[] | null;
}
export function encodePostings(
  term: string,
  ids: readonly number[],
  weights: readonly number[],
  neighbours: NeighbourCodes | null,
): string;
export function decodePostings(text: string): Postings;

export interface Ranked {
  id: string;
  score: number;
  phrase: boolean;
}
export function rank(
  terms: readonly string[],
  lists: ReadonlyMap<string, Postings>,
  runs?: readonly Run[],
): Ranked[];
export function findArticles(
  text: string,
  bucket: (term: string) => Promise<Record<string, string> | null>,
): Promise<{ query: Query; ranked: Ranked[]; missing: string[] }>;

interface TextRecord {
  title?: string;
  sections?: { id?: string; heading?: string; text?: string }[];
}
export function passage(
  record: TextRecord,
  words: readonly string[],
  size?: number,
): { section: { id: string; heading: string } | null; pieces: [string, boolean][] };
export function holdsPhrases(record: TextRecord, phrases: readonly (readonly string[])[]): boolean;

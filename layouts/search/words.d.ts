// Types of words.js: the word index's format and ranking, shared with the build.
export const BUCKETS: number;
export const MAX_WORD: number;
export const MAX_WEIGHT: number;
export const BOILERPLATE: RegExp;
export function wordBucketPath(bucket: number): string;
export function wordsOf(text: string): string[];
export function termOf(word: string): string;
export function queryTerms(query: string): string[];
export function bucketOf(term: string): number;
export function encodeIds(ids: readonly number[]): string;
export function decodeIds(text: string): number[];
export const FILTERS: readonly ("product" | "year")[];
export function filterPath(name: string, value: string): string;
export function encodePostings(postings: readonly number[]): string;
export function decodePostings(text: string): number[];
export function rank(lists: readonly (readonly number[])[]): {
  id: string;
  score: number;
}[];
export function excerpt(
  record: { sections?: { text?: string }[] },
  terms: readonly string[],
  size?: number,
): [string, boolean][];

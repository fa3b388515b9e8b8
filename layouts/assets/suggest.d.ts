// Types of suggest.js, for the tests that run its lookup in Node.
export interface Suggestion {
  label: string;
  detail?: string;
  href: string;
}
export function keysOf(query: string): string[];
export function suggest(query: string, limit?: number): Promise<Suggestion[]>;
export function attach(input: HTMLInputElement, list: HTMLUListElement): void;

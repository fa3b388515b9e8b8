/**
 * Arrays read on first use, for the parse cache's records (parse-cache.ts): a rebuild reads the
 * sections of only the few articles it writes, so each record's `sections` is a proxy that loads
 * its bucket's text the first time anything looks at it.
 */

/**
 * An array that is `load()`'s, read on first use: indexing, iterating, `map`, `length` and
 * JSON.stringify (which sees a proxied array as an array) all see the loaded one.
 */
export function lazyArray<T>(load: () => T[]): T[] {
  const target: T[] = [];
  loaders.set(target, load);
  return new Proxy(target, LAZY as ProxyHandler<T[]>);
}

const loaders = new WeakMap<object, () => unknown[]>();
const loaded = (target: object) => loaders.get(target)!();
/** One handler for all: ~60k lazy arrays. */
const LAZY: ProxyHandler<unknown[]> = {
  get: (target, key) => Reflect.get(loaded(target), key),
  has: (target, key) => Reflect.has(loaded(target), key),
  ownKeys: (target) => Reflect.ownKeys(loaded(target)),
  getOwnPropertyDescriptor: (target, key) => Reflect.getOwnPropertyDescriptor(loaded(target), key),
};

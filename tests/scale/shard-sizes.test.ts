/**
 * Issue 4, growth: how many search bundles an archive gets. Up to SHARDS, as its size asks; past
 * SHARDS × MAX_PER_SHARD articles, more, so that no Pagefind bundle grows past MAX_PER_SHARD
 * (Pagefind's cost per record grows with its bundle).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  MAX_PER_SHARD,
  MIN_PER_SHARD,
  SHARDS,
  shardsOf,
} from "../../src/generate/search/pagefind-bundles.ts";

const sizes = (n: number) => shardsOf(Array.from({ length: n }, (_, i) => i)).map((s) => s.length);

describe("shardsOf", () => {
  it("keeps a small site in one bundle", () => {
    assert.deepEqual(sizes(5), [5]);
    assert.deepEqual(sizes(MIN_PER_SHARD), [MIN_PER_SHARD]);
  });

  it("splits a mid-sized site evenly into at most SHARDS bundles", () => {
    assert.deepEqual(sizes(12_000), [4000, 4000, 4000]);
    assert.equal(sizes(60_338).length, SHARDS);
  });

  it("gives a larger archive more bundles, none over MAX_PER_SHARD", () => {
    const shards = sizes(240_000);
    assert.equal(shards.length, 240_000 / MAX_PER_SHARD);
    assert.ok(shards.every((size) => size <= MAX_PER_SHARD));
    assert.ok(sizes(213_001).every((size) => size <= MAX_PER_SHARD));
  });

  it("loses and repeats no article", () => {
    const items = Array.from({ length: 123_457 }, (_, i) => i);
    assert.deepEqual(shardsOf(items).flat(), items);
  });
});

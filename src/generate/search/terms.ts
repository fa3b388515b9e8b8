/**
 * The word index's terms while they are counted (word-count.ts counts, word-index.ts writes):
 * each term's postings so far and the slots of the article being counted, and the lookups from
 * a word or a pair of common words to its term.
 */
import {
  bucketOf,
  indexed,
  isCommonWord,
  neighbourHash,
  pairTerm,
  termOf,
  type NeighbourCodes,
} from "../../words/index.ts";

/** A term and its postings, in id order. */
export interface Term {
  term: string;
  bucket: number;
  hash: number;
  /** A common word: its neighbours are pair terms, not hashes. */
  common: boolean;
  ids: number[];
  weights: number[];
  /** Each article's neighbour digits (src/words/postings.ts neighbourCodes); null for the common form. */
  neighbours: NeighbourCodes | null;
  /** The pair terms of this common word and the common words after it. */
  pairs: Map<Term, Term> | null;
  /**
   * The article being counted, the term's count in it, and its neighbours' hashes there: the
   * first `nextCount` of `next` (ANY: too many to list), the same before. Slots are reused from
   * article to article: new arrays per term and article were ~4M allocations at 60k.
   */
  seen: number;
  tf: number;
  /** Whether the article being counted has the term (or pair) in its title. */
  titled: boolean;
  next: number[];
  nextCount: number;
  prev: number[];
  prevCount: number;
}

/**
 * Every term of the index, and every word seen → its term: one lookup per word of the text,
 * instead of stemming, hashing and two map lookups (8 s of the 60k build before).
 */
export class Terms {
  readonly byTerm = new Map<string, Term>();
  /** null for a word that is not indexed (a stop word, one letter, overlong). */
  private readonly byWord = new Map<string, Term | null>();

  ofTerm(term: string, form: "full" | "common" = isCommonWord(term) ? "common" : "full"): Term {
    let entry = this.byTerm.get(term);
    if (!entry) {
      // One literal, every field in one order: a spread made these slow dictionary objects.
      const [bucket, hash, common] = [bucketOf(term), neighbourHash(term), isCommonWord(term)];
      const neighbours = form === "full" ? { codes: [], ends: [] } : null;
      entry = {
        term,
        bucket,
        hash,
        common,
        ids: [] as number[],
        weights: [] as number[],
        neighbours,
        pairs: null,
        seen: -1,
        tf: 0,
        titled: false,
        next: [] as number[],
        nextCount: 0,
        prev: [] as number[],
        prevCount: 0,
      };
      this.byTerm.set(term, entry);
    }
    return entry;
  }

  ofWord(word: string): Term | null {
    let entry = this.byWord.get(word);
    if (entry === undefined) {
      entry = indexed(word) ? this.ofTerm(termOf(word)) : null;
      this.byWord.set(word, entry);
    }
    return entry;
  }

  /** The pair term of common words `a` and `b`. */
  ofPair(a: Term, b: Term): Term {
    a.pairs ??= new Map();
    let pair = a.pairs.get(b);
    if (!pair) a.pairs.set(b, (pair = this.ofTerm(pairTerm(a.term, b.term), "common")));
    return pair;
  }
}

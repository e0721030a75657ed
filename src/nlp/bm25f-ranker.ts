import { findPosting, type InvertedIndex, type PostingList } from './inverted-index';
import type { QueryGroup } from './query-builder';

/** A scored document. */
export interface ScoredDocument {
  readonly doc: number;
  readonly score: number;
}

/** What one search touched — to show (and test) that scoring reads posting lists only. */
export interface SearchStats {
  postingsVisited: number;
  documentsScored: number;
}

/** How well one document covers the query words. */
export interface DocumentCoverage {
  /** IDF-weighted share of the query words matched in any field. */
  readonly all: number;
  /** IDF-weighted share of the query words matched in the question, alternatives or tags. */
  readonly title: number;
  /** Weight x IDF of the strongest query word the document does not match. */
  readonly strongestMiss: number;
  /** Number of distinct query words the document matches (in any field, by any expansion). */
  readonly matchedWords: number;
}

/** Bits of the title-like fields (question, alternatives, tags) in a posting's field mask. */
const TITLE_FIELDS_MASK = 0b00111;

/**
 * BM25F scoring over the posting lists of the query terms (term-at-a-time with an accumulator
 * that is reset only where it was touched), plus the per-document match facts the decision needs.
 */
export class Bm25fRanker {
  private readonly accumulator: Float64Array;
  private readonly touched: Int32Array;
  readonly lastStats: SearchStats = { postingsVisited: 0, documentsScored: 0 };

  constructor(index: InvertedIndex) {
    this.accumulator = new Float64Array(index.documentCount);
    this.touched = new Int32Array(index.documentCount);
  }

  /** The best `limit` documents for the query groups, best first. */
  rank(groups: readonly QueryGroup[], limit: number): ScoredDocument[] {
    // A term's weight over all groups (a term can stand for several query words).
    const terms = new Map<string, { readonly list: PostingList; weight: number }>();
    for (const group of groups) {
      for (const { term, weight, list } of group.terms) {
        const entry = terms.get(term);
        if (entry) entry.weight += group.weight * weight;
        else terms.set(term, { list, weight: group.weight * weight });
      }
    }
    let touchedCount = 0;
    let visited = 0;
    for (const { list, weight } of terms.values()) {
      const factor = weight * list.idf;
      for (let p = 0; p < list.docs.length; p += 1) {
        const doc = list.docs[p] ?? 0;
        if (this.accumulator[doc] === 0) this.touched[touchedCount++] = doc;
        this.accumulator[doc] = (this.accumulator[doc] ?? 0) + factor * (list.impacts[p] ?? 0);
      }
      visited += list.docs.length;
    }
    const top: ScoredDocument[] = [];
    for (let i = 0; i < touchedCount; i += 1) {
      const doc = this.touched[i] ?? 0;
      const score = this.accumulator[doc] ?? 0;
      this.accumulator[doc] = 0;
      if (top.length < limit || score > (top[top.length - 1]?.score ?? 0)) insertSorted(top, { doc, score }, limit);
    }
    this.lastStats.postingsVisited = visited;
    this.lastStats.documentsScored = touchedCount;
    return top;
  }

  /**
   * IDF-weighted share of the query words that a document matches (each word credited with its
   * best matching expansion), over all fields and over the title-like fields only; plus the
   * strongest unmatched word and the number of distinct query words matched at all.
   */
  coverage(groups: readonly QueryGroup[], doc: number): DocumentCoverage {
    let total = 0;
    let strongestMiss = 0;
    let all = 0;
    let title = 0;
    let matchedWords = 0;
    for (const group of groups) {
      const mass = group.weight * group.idf;
      total += mass;
      let best = 0;
      let bestTitle = 0;
      for (const { weight, list } of group.terms) {
        const position = findPosting(list, doc);
        if (position < 0) continue;
        const credit = Math.min(1, weight);
        best = Math.max(best, credit);
        if (((list.fieldMasks[position] ?? 0) & TITLE_FIELDS_MASK) !== 0) bestTitle = Math.max(bestTitle, credit);
      }
      if (best === 0) strongestMiss = Math.max(strongestMiss, mass);
      else matchedWords += 1;
      all += mass * best;
      title += mass * bestTitle;
    }
    return total > 0
      ? { all: all / total, title: title / total, strongestMiss, matchedWords }
      : { all: 0, title: 0, strongestMiss, matchedWords };
  }
}

function insertSorted(top: ScoredDocument[], item: ScoredDocument, limit: number): void {
  let i = top.length;
  while (i > 0 && (top[i - 1]?.score ?? 0) < item.score) i -= 1;
  top.splice(i, 0, item);
  if (top.length > limit) top.pop();
}

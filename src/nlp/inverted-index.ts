/**
 * Inverted index with BM25F impacts. Per term a posting list of document numbers (ascending),
 * the precomputed saturated field-weighted term frequency ("impact") and a bit mask of the fields
 * the term occurs in. Query scoring therefore touches only the posting lists of query terms.
 */
export const FIELD_NAMES = ['question', 'alternatives', 'tags', 'category', 'answer'] as const;
export type FieldName = (typeof FIELD_NAMES)[number];
export const FIELD_COUNT = FIELD_NAMES.length;

/** Field weight and length normalisation (BM25F). */
export interface FieldParams {
  readonly weight: number;
  readonly b: number;
}

export interface Bm25fParams {
  readonly k1: number;
  readonly fields: Readonly<Record<FieldName, FieldParams>>;
}

/** Defaults chosen on the seed knowledge: questions weigh most, the answer text least per word. */
export const DEFAULT_BM25F: Bm25fParams = {
  k1: 1.2,
  fields: {
    question: { weight: 3, b: 0.5 },
    alternatives: { weight: 3, b: 0.5 },
    tags: { weight: 1, b: 0.3 },
    category: { weight: 1, b: 0 },
    answer: { weight: 0.7, b: 0.75 },
  },
};

/** The posting list of one term. */
export interface PostingList {
  readonly docs: Int32Array;
  readonly impacts: Float32Array;
  readonly fieldMasks: Uint8Array;
  readonly idf: number;
  readonly maxImpact: number;
}

interface GrowingPostings {
  docs: Int32Array;
  tfs: Float32Array;
  count: number;
}

/** Collects weighted term frequencies per document and field, then freezes into an index. */
export class InvertedIndexBuilder {
  private readonly growing = new Map<string, GrowingPostings>();
  private readonly lengths: number[][] = FIELD_NAMES.map(() => []);
  private readonly ids: string[] = [];

  /** Adds one document: per field a map term -> weighted frequency. Returns its number. */
  addDocument(id: string, fields: readonly ReadonlyMap<string, number>[]): number {
    const doc = this.ids.length;
    this.ids.push(id);
    const perTerm = new Map<string, Float32Array>();
    fields.forEach((terms, field) => {
      let length = 0;
      for (const [term, tf] of terms) {
        length += tf;
        let tfs = perTerm.get(term);
        if (!tfs) perTerm.set(term, (tfs = new Float32Array(FIELD_COUNT)));
        tfs[field] = (tfs[field] ?? 0) + tf;
      }
      this.lengths[field]?.push(length);
    });
    for (const [term, tfs] of perTerm) this.append(term, doc, tfs);
    return doc;
  }

  build(params: Bm25fParams): InvertedIndex {
    const n = this.ids.length;
    const lengths = this.lengths.map((list) => Float32Array.from(list));
    const averages = lengths.map((list) => (list.length > 0 ? list.reduce((sum, v) => sum + v, 0) / list.length : 0));
    const fieldParams = FIELD_NAMES.map((name) => params.fields[name]);
    const postings = new Map<string, PostingList>();
    for (const [term, growing] of this.growing) {
      const count = growing.count;
      const impacts = new Float32Array(count);
      const fieldMasks = new Uint8Array(count);
      let maxImpact = 0;
      for (let p = 0; p < count; p += 1) {
        const doc = growing.docs[p] ?? 0;
        let pseudoTf = 0;
        let mask = 0;
        for (let f = 0; f < FIELD_COUNT; f += 1) {
          const tf = growing.tfs[p * FIELD_COUNT + f] ?? 0;
          if (tf <= 0) continue;
          mask |= 1 << f;
          const { weight, b } = fieldParams[f] ?? { weight: 0, b: 0 };
          const average = averages[f] || 1;
          const norm = 1 - b + (b * (lengths[f]?.[doc] ?? 0)) / average;
          pseudoTf += (weight * tf) / norm;
        }
        const impact = pseudoTf / (params.k1 + pseudoTf);
        impacts[p] = impact;
        fieldMasks[p] = mask;
        if (impact > maxImpact) maxImpact = impact;
      }
      const idf = Math.log(1 + (n - count + 0.5) / (count + 0.5));
      postings.set(term, { docs: growing.docs.slice(0, count), impacts, fieldMasks, idf, maxImpact });
    }
    this.growing.clear();
    return new InvertedIndex([...this.ids], postings);
  }

  private append(term: string, doc: number, tfs: Float32Array): void {
    let growing = this.growing.get(term);
    if (!growing) {
      growing = { docs: new Int32Array(4), tfs: new Float32Array(4 * FIELD_COUNT), count: 0 };
      this.growing.set(term, growing);
    }
    if (growing.count === growing.docs.length) {
      const docs = new Int32Array(growing.docs.length * 2);
      docs.set(growing.docs);
      const grownTfs = new Float32Array(docs.length * FIELD_COUNT);
      grownTfs.set(growing.tfs);
      growing.docs = docs;
      growing.tfs = grownTfs;
    }
    growing.docs[growing.count] = doc;
    growing.tfs.set(tfs, growing.count * FIELD_COUNT);
    growing.count += 1;
  }
}

/** The frozen index. */
export class InvertedIndex {
  constructor(
    private readonly ids: readonly string[],
    private readonly postings: ReadonlyMap<string, PostingList>,
  ) {}

  get documentCount(): number {
    return this.ids.length;
  }

  /** IDF of a term that occurs nowhere (the upper bound of all IDFs). */
  get unknownIdf(): number {
    const n = this.ids.length;
    return Math.log(1 + (n + 0.5) / 0.5);
  }

  postingList(term: string): PostingList | undefined {
    return this.postings.get(term);
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  idOf(doc: number): string {
    return this.ids[doc] ?? '';
  }

  /** All indexed terms (used once to build auxiliary lookups, never per query). */
  terms(): IterableIterator<string> {
    return this.postings.keys();
  }
}

/** Position of `doc` in a posting list (binary search), or -1. */
export function findPosting(list: PostingList, doc: number): number {
  let lo = 0;
  let hi = list.docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = list.docs[mid] ?? 0;
    if (value === doc) return mid;
    if (value < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

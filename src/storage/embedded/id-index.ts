import type Datastore from '@seald-io/nedb';
import type { StoredDocument } from '../document-store';

// nedb's ordering of values; a plain module of the package, without types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compareThings } = require('@seald-io/nedb/lib/model.js') as { compareThings: (a: unknown, b: unknown) => number };

type Doc = Record<string, unknown> & StoredDocument;

/** The bounds nedb passes to `getBetweenBounds`. */
interface Bounds {
  readonly $gt?: unknown;
  readonly $gte?: unknown;
  readonly $lt?: unknown;
  readonly $lte?: unknown;
}

function uniqueViolated(key: unknown): Error {
  // The shape of nedb's own error (binary-search-tree), which mapNedbError recognises.
  return Object.assign(new Error(`Can't insert key ${JSON.stringify(key)}, it violates the unique constraint`), { key, errorType: 'uniqueViolated' });
}

/**
 * nedb's `_id` index (lib/indexes.js 4.1.2, the version is pinned) as a Map instead of an AVL tree.
 * nedb keeps a Datastore's documents in this index; the tree costs a root-to-leaf walk with two
 * comparisons per level and rebalancing on every insert (for the question log: one per message,
 * in a tree of all questions), a Map one hash lookup. The store's ids are strings (query-guard),
 * and the store never asks nedb for `_id` ranges (range filters run through mingo). Documents come
 * back in the order they were last written instead of by `_id`: natural order is unspecified in
 * the port anyway. Same methods and errors as nedb's Index.
 */
export class IdIndex {
  readonly fieldName = '_id';
  readonly unique = true;
  readonly sparse = false;
  private docs = new Map<unknown, Doc>();

  /** Replaces nedb's `_id` index of a new, not yet loaded Datastore. */
  static install(db: Datastore<Doc>): void {
    (db as unknown as { indexes: Record<string, unknown> }).indexes._id = new IdIndex();
  }

  reset(newData?: Doc | Doc[]): void {
    this.docs = new Map();
    if (newData) this.insert(newData);
  }

  /** Inserts one document, or all of an array or none of them; a taken `_id` throws nedb's error. */
  insert(doc: Doc | Doc[]): void {
    if (!Array.isArray(doc)) {
      if (this.docs.has(doc._id)) throw uniqueViolated(doc._id);
      this.docs.set(doc._id, doc);
      return;
    }
    for (let i = 0; i < doc.length; i += 1) {
      try {
        this.insert(doc[i]!);
      } catch (error) {
        for (let j = 0; j < i; j += 1) this.remove(doc[j]!);
        throw error;
      }
    }
  }

  /** Removes the document (or each of an array) if it is the one stored under its `_id`. */
  remove(doc: Doc | Doc[]): void {
    if (Array.isArray(doc)) {
      doc.forEach((one) => this.remove(one));
      return;
    }
    if (this.docs.get(doc._id) === doc) this.docs.delete(doc._id);
  }

  /** Replaces `oldDoc` by `newDoc`, or each pair of an array; on a taken `_id` nothing changes. */
  update(oldDoc: Doc | ReadonlyArray<{ oldDoc: Doc; newDoc: Doc }>, newDoc?: Doc): void {
    const pairs = Array.isArray(oldDoc) ? oldDoc : [{ oldDoc: oldDoc as Doc, newDoc: newDoc! }];
    for (const pair of pairs) this.remove(pair.oldDoc);
    try {
      this.insert(pairs.map((pair) => pair.newDoc));
    } catch (error) {
      for (const pair of pairs) this.insert(pair.oldDoc);
      throw error;
    }
  }

  revertUpdate(oldDoc: Doc | ReadonlyArray<{ oldDoc: Doc; newDoc: Doc }>, newDoc?: Doc): void {
    if (Array.isArray(oldDoc)) this.update(oldDoc.map((pair) => ({ oldDoc: pair.newDoc, newDoc: pair.oldDoc })));
    else this.update(newDoc!, oldDoc as Doc);
  }

  /** The documents with the given `_id`, or with any of an array of them (each once). */
  getMatching(value: unknown): Doc[] {
    if (!Array.isArray(value)) {
      const doc = this.docs.get(value);
      return doc ? [doc] : [];
    }
    const found = new Set<Doc>();
    for (const key of value) {
      const doc = this.docs.get(key);
      if (doc) found.add(doc);
    }
    return [...found];
  }

  /** The documents whose `_id` lies within the bounds, in `_id` order (not used by this store's queries). */
  getBetweenBounds(bounds: Bounds): Doc[] {
    return this.getAll()
      .filter((doc) => {
        const key = doc._id;
        if (bounds.$gt !== undefined && compareThings(key, bounds.$gt) <= 0) return false;
        if (bounds.$gte !== undefined && compareThings(key, bounds.$gte) < 0) return false;
        if (bounds.$lt !== undefined && compareThings(key, bounds.$lt) >= 0) return false;
        if (bounds.$lte !== undefined && compareThings(key, bounds.$lte) > 0) return false;
        return true;
      })
      .sort((a, b) => compareThings(a._id, b._id));
  }

  getAll(): Doc[] {
    return [...this.docs.values()];
  }
}

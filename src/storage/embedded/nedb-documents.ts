import type Datastore from '@seald-io/nedb';
import { AppError, ErrorCode } from '../../domain/errors';
import type { StoredDocument } from '../document-store';
import type { DatafileAppender } from './datafile-appender';

// nedb's matcher; a plain module of the package, without types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { match } = require('@seald-io/nedb/lib/model.js') as { match: (doc: unknown, query: unknown) => boolean };

type Doc = Record<string, unknown> & StoredDocument;

/** The parts of an nedb Datastore (lib/datastore.js 4.1.2; the version is pinned) used below. */
interface NedbInternals {
  readonly indexes: Record<string, { getMatching(value: string | readonly string[]): Doc[] }>;
  _insertInCache(docs: Doc | Doc[]): void;
  _updateIndexes(modifications: ReadonlyArray<{ oldDoc: Doc; newDoc: Doc }>): void;
}

/**
 * A copy of a stored value: plain objects and arrays copied, Dates cloned, primitives as they are.
 * Stored values are plain data (see query-guard's `assertStorableValue`), so this walk is all a
 * copy needs — far cheaper than `structuredClone` for the small documents of a bot turn.
 */
export function cloneStored<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i += 1) copy[i] = cloneStored(value[i] as unknown);
    return copy as T;
  }
  if (value instanceof Date) return new Date(value.getTime()) as T;
  const source = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source)) copy[key] = cloneStored(source[key]);
  return copy as T;
}

/**
 * Direct access to the documents an nedb Datastore keeps in memory, for the keyed reads and the
 * writes of every bot turn. nedb's own `find` runs a cursor in its executor; its `insert` copies a
 * document three times (in, `checkObject`, out) and its `update` looks the document up again and
 * copies it twice. The embedded collection validates every document itself (query-guard) and owns
 * the copies it hands over here, so one copy per operation is enough.
 *
 * A write changes the documents in memory at once (synchronously, so no reader sees half of it;
 * documents in memory are never changed in place, only replaced) and queues its datafile lines
 * with the DatafileAppender; it returns the promise of that append. Call writes only from the
 * collection's write queue, which also runs compactions, so a write never overlaps one.
 */
export class NedbDocuments {
  private readonly db: NedbInternals;

  constructor(
    db: Datastore<Doc>,
    private readonly appender: DatafileAppender,
  ) {
    this.db = db as unknown as NedbInternals;
  }

  /**
   * Copies of the documents with the given id(s) that match `query` (an nedb query that nedb
   * matches exactly as MongoDB does, see keyed-operations), in nedb's own order. Call only once the
   * datafile is loaded.
   */
  findByIds(ids: string | readonly string[], query: Record<string, unknown>): Doc[] {
    // A query of the ids alone is matched by the lookup itself.
    const idsOnly = Object.keys(query).length === 1;
    const found: Doc[] = [];
    for (const doc of this.db.indexes._id!.getMatching(ids)) {
      if (idsOnly || match(doc, query)) found.push(cloneStored(doc));
    }
    return found;
  }

  /**
   * Inserts documents that the caller hands over (they are kept, not copied: the caller must not
   * touch them afterwards); resolves once they are in the datafile. A unique-index violation
   * throws nedb's error at once and inserts none of them.
   */
  insert(docs: Doc | Doc[]): Promise<void> {
    this.db._insertInCache(docs);
    return this.appender.append(Array.isArray(docs) ? docs : [docs]);
  }

  /**
   * Replaces the stored document with the same `_id` by `doc`, handed over as with {@link insert}.
   * A unique-index violation throws nedb's error at once and changes nothing.
   */
  replace(doc: Doc): Promise<void> {
    const [stored] = this.db.indexes._id!.getMatching(doc._id);
    // The write queue runs one write at a time: the document read before is still there.
    if (!stored) throw new AppError(ErrorCode.Internal, 'embedded store: the document to replace is gone');
    this.db._updateIndexes([{ oldDoc: stored, newDoc: doc }]);
    return this.appender.append([doc]);
  }
}

import type Datastore from '@seald-io/nedb';
import { Aggregator, Query, update as applyModifier } from 'mingo';
import { AppError, ErrorCode } from '../../domain/errors';
import type {
  Collection,
  Filter,
  FindOneAndUpdateOptions,
  FindOptions,
  IndexSpec,
  PipelineStage,
  StoredDocument,
  Update,
  UpdateOptions,
  UpdateResult,
} from '../document-store';
import {
  assertFindOptions,
  assertStorableDocument,
  assertSupportedFilter,
  assertSupportedPipeline,
  isPlainObject,
  normalizeUpdate,
  upsertIdOf,
} from '../query-guard';
import { SerialQueue } from '../serial-queue';
import type { DatafileAppender } from './datafile-appender';
import { applySimpleSet, exactNedbQuery, idsOf } from './keyed-operations';
import { cloneStored, NedbDocuments } from './nedb-documents';

type Doc = Record<string, unknown> & StoredDocument;
type NedbQuery = Record<string, unknown>;

function isUniqueViolation(error: unknown): boolean {
  return (error as { errorType?: string } | null)?.errorType === 'uniqueViolated';
}

/** Maps nedb failures to the catalogue (never copies nedb's message: it can quote stored values). */
export function mapNedbError(error: unknown, collection: string): unknown {
  if (error instanceof AppError) return error;
  const err = error as { errorType?: string; code?: string };
  if (isUniqueViolation(error)) {
    return new AppError(ErrorCode.DuplicateKey, `duplicate key in collection ${collection}`, { collection }, { cause: error });
  }
  if (typeof err.code === 'string' && /^E[A-Z]+$/.test(err.code)) {
    return new AppError(ErrorCode.StoreUnavailable, `embedded store I/O failed (${err.code})`, { collection }, { cause: error });
  }
  return new AppError(ErrorCode.Internal, `embedded store operation failed in ${collection}`, { collection }, { cause: error });
}

function setPath(doc: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  let target = doc;
  for (const key of keys) {
    if (!isPlainObject(target[key])) target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  target[last] = structuredClone(value);
}

/**
 * The document Mongo inserts on an upsert without a match: the filter's equality conditions
 * (top level and inside `$and`), dotted paths expanded, then the update applied.
 */
function seedFromFilter(filter: Filter, seed: Doc = {} as Doc): Doc {
  for (const [key, condition] of Object.entries(filter)) {
    if (key === '$and') {
      (condition as Filter[]).forEach((branch) => seedFromFilter(branch, seed));
    } else if (!key.startsWith('$')) {
      const hasOperators = isPlainObject(condition) && Object.keys(condition).some((k) => k.startsWith('$'));
      if (!hasOperators) setPath(seed, key, condition);
      else if (isPlainObject(condition) && '$eq' in condition) setPath(seed, key, condition.$eq);
    }
  }
  return seed;
}

/** Applies the port's update operators in place (with mingo unless trivial); returns whether anything changed. */
function modify(doc: Doc, update: Update, inserting: boolean): boolean {
  const simple = applySimpleSet(doc, update);
  if (simple !== null) return simple;
  const modifier: Record<string, Record<string, unknown>> = {};
  const { _id: insertedId, ...setOnInsert } = (inserting ? update.$setOnInsert : undefined) ?? {};
  if (typeof insertedId === 'string') doc._id = insertedId;
  const set = { ...update.$set, ...setOnInsert };
  if (Object.keys(set).length > 0) modifier.$set = set;
  if (update.$unset) modifier.$unset = Object.fromEntries(Object.keys(update.$unset).map((path) => [path, '']));
  if (update.$inc) modifier.$inc = { ...update.$inc };
  if (update.$push) modifier.$push = { ...update.$push };
  if (Object.keys(modifier).length === 0) return false;
  return applyModifier(doc, modifier, undefined, undefined, { cloneMode: 'deep' }).length > 0;
}

/** Collects the datafile appends of one write (see {@link EmbeddedCollection}). */
type Appends = Promise<void>[];

/**
 * One collection of the embedded store: an nedb Datastore for persistence, unique indexes and
 * `_id`; mingo for MongoDB-exact matching, updates, sorting and aggregation. Reads by `_id` and
 * all writes of documents go to nedb's in-memory documents directly (see NedbDocuments), with one
 * copy per operation.
 *
 * Every write, and every compaction, runs in a per-collection queue, so a read-modify-write is
 * atomic within the process (the data-directory lock guarantees there is only one process). A write
 * leaves the queue once the documents in memory are changed and resolves once its lines are in the
 * datafile: the next write need not wait for that, so concurrent writes share one append.
 */
export class EmbeddedCollection<T extends StoredDocument> implements Collection<T> {
  private readonly writes = new SerialQueue();
  private readonly documents: NedbDocuments;
  /** Set once the datafile is loaded, so that operations need not wait for `ready` any more. */
  private loaded = false;

  constructor(
    private readonly name: string,
    private readonly db: Datastore<Doc>,
    appender: DatafileAppender,
    private readonly ready: Promise<void>,
    private readonly assertOpen: () => void,
  ) {
    this.documents = new NedbDocuments(db, appender);
    ready.then(
      () => (this.loaded = true),
      () => undefined,
    );
  }

  /** Settles once the queued writes have. */
  idle(): Promise<void> {
    return this.writes.idle();
  }

  /** Compacts the datafile (nedb rewrites it from memory), in the write queue. */
  compact(): Promise<void> {
    return this.writes.run(async () => {
      await this.ready;
      await this.db.compactDatafileAsync();
    });
  }

  private async call<R>(operation: () => Promise<R>): Promise<R> {
    this.assertOpen();
    try {
      if (!this.loaded) await this.ready;
      return await operation();
    } catch (error) {
      throw mapNedbError(error, this.name);
    }
  }

  /**
   * Runs `operation` in the write queue; it pushes the append of each change it makes to `appends`.
   * Resolves (or rejects) once those appends have settled, also when the operation failed midway.
   */
  private write<R>(operation: (appends: Appends) => Promise<R>): Promise<R> {
    return this.call(async () => {
      const appends: Appends = [];
      let result: R;
      try {
        result = await this.writes.run(() => operation(appends));
      } catch (error) {
        await Promise.allSettled(appends);
        throw error;
      }
      await Promise.all(appends);
      return result;
    });
  }

  /** nedb query: mingo decides the match; a plain string `_id` lets nedb use its index first. */
  private toNedbQuery(filter: Filter): NedbQuery {
    assertSupportedFilter(filter);
    if (Object.keys(filter).length === 0) return {};
    const exact = exactNedbQuery(filter);
    if (exact) return exact;
    const query = new Query(filter as Record<string, unknown>);
    const nedbQuery: NedbQuery = {
      $where(this: Record<string, unknown>): boolean {
        return query.test(this);
      },
    };
    // Let nedb narrow by its _id index first (a string or an `$in` of strings), so that keyed reads
    // such as bot state do not scan the collection.
    const id = filter._id;
    if (typeof id === 'string') nedbQuery._id = id;
    else if (isPlainObject(id) && Object.keys(id).length === 1 && Array.isArray(id.$in) && id.$in.every((v) => typeof v === 'string')) {
      nedbQuery._id = { $in: id.$in };
    }
    return nedbQuery;
  }

  /** Copies of the documents matching an nedb query: read from the `_id` index when the query names ids. */
  private async matching(query: NedbQuery, limit?: number): Promise<Doc[]> {
    const ids = idsOf(query);
    if (ids !== null) {
      const docs = this.documents.findByIds(ids, query);
      return limit !== undefined && docs.length > limit ? docs.slice(0, limit) : docs;
    }
    const cursor = this.db.findAsync(query);
    return (await (limit !== undefined ? cursor.limit(limit) : cursor)) as Doc[];
  }

  /** A copy of the first matching document: the caller may change it and hand it to `documents.replace`. */
  private async first(filter: Filter): Promise<Doc | null> {
    const [doc] = await this.matching(this.toNedbQuery(filter), 1);
    return doc ?? null;
  }

  /** Stores a copy taken now. */
  async insertOne(doc: T): Promise<void> {
    assertStorableDocument(doc);
    const copy = cloneStored(doc) as unknown as Doc;
    return this.write(async (appends) => {
      appends.push(this.documents.insert(copy));
    });
  }

  /** Ordered like MongoDB's default: on a duplicate, the documents before it stay inserted. */
  async insertMany(docs: readonly T[]): Promise<void> {
    docs.forEach((doc) => assertStorableDocument(doc));
    const copies = docs.map((doc) => cloneStored(doc) as unknown as Doc);
    return this.write(async (appends) => {
      for (const copy of copies) appends.push(this.documents.insert(copy));
    });
  }

  async findOne(filter: Filter): Promise<T | null> {
    return this.call(async () => (await this.first(filter)) as T | null);
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    assertFindOptions(options);
    return this.call(async () => {
      const docs = await this.matching(this.toNedbQuery(filter));
      if (!options.sort && !options.skip && !options.limit) return docs as unknown as T[];
      let cursor = new Query({}).find<Doc>(docs);
      if (options.sort) cursor = cursor.sort(options.sort as Record<string, 1 | -1>);
      if (options.skip) cursor = cursor.skip(options.skip);
      if (options.limit) cursor = cursor.limit(options.limit);
      return cursor.all() as unknown as T[];
    });
  }

  async updateOne(filter: Filter, update: Update, options: UpdateOptions = {}): Promise<UpdateResult> {
    const normalized = normalizeUpdate(update);
    if (options.upsert) upsertIdOf(filter, normalized);
    return this.write(async (appends) => {
      const current = await this.first(filter);
      if (current) {
        const changed = modify(current, normalized, false);
        if (changed) appends.push(this.documents.replace(current));
        return { matchedCount: 1, modifiedCount: changed ? 1 : 0, upsertedId: null };
      }
      if (!options.upsert) return { matchedCount: 0, modifiedCount: 0, upsertedId: null };
      const inserted = this.insertUpserted(filter, normalized, appends);
      return { matchedCount: 0, modifiedCount: 0, upsertedId: inserted._id };
    });
  }

  async findOneAndUpdate(filter: Filter, update: Update, options: FindOneAndUpdateOptions = {}): Promise<T | null> {
    const normalized = normalizeUpdate(update);
    if (options.upsert) upsertIdOf(filter, normalized);
    const returnBefore = options.returnDocument === 'before';
    return this.write(async (appends) => {
      const current = await this.first(filter);
      if (current) {
        const before = returnBefore ? cloneStored(current) : null;
        if (modify(current, normalized, false)) appends.push(this.documents.replace(current));
        // `current` is the stored document now: hand out a copy.
        return (before ?? cloneStored(current)) as unknown as T;
      }
      if (!options.upsert) return null;
      const inserted = this.insertUpserted(filter, normalized, appends);
      return returnBefore ? null : (cloneStored(inserted) as unknown as T);
    });
  }

  /** Inserts the document of an upsert without a match; returns it (it is the stored one now). */
  private insertUpserted(filter: Filter, update: Update, appends: Appends): Doc {
    const doc = seedFromFilter(filter);
    modify(doc, update, true);
    assertStorableDocument(doc, 'upserted document');
    appends.push(this.documents.insert(doc));
    return doc;
  }

  async replaceOne(filter: Filter, doc: T, options: UpdateOptions = {}): Promise<UpdateResult> {
    assertStorableDocument(doc);
    if (options.upsert) upsertIdOf(filter, doc);
    return this.write(async (appends) => {
      const current = await this.first(filter);
      if (current) {
        if (current._id !== doc._id) throw new AppError(ErrorCode.ValidationFailed, 'replaceOne: _id is immutable');
        appends.push(this.documents.replace(cloneStored(doc) as unknown as Doc));
        return { matchedCount: 1, modifiedCount: 1, upsertedId: null };
      }
      if (!options.upsert) return { matchedCount: 0, modifiedCount: 0, upsertedId: null };
      appends.push(this.documents.insert(cloneStored(doc) as unknown as Doc));
      return { matchedCount: 0, modifiedCount: 0, upsertedId: doc._id };
    });
  }

  async deleteOne(filter: Filter): Promise<number> {
    const query = this.toNedbQuery(filter);
    return this.write(() => this.db.removeAsync(query, { multi: false }));
  }

  async deleteMany(filter: Filter): Promise<number> {
    const query = this.toNedbQuery(filter);
    return this.write(() => this.db.removeAsync(query, { multi: true }));
  }

  async countDocuments(filter: Filter = {}): Promise<number> {
    return this.call(async () => this.db.countAsync(this.toNedbQuery(filter)));
  }

  /**
   * Builds unique indexes only (nedb enforces them). nedb narrows a query by an index only for a
   * top-level equality on all the index's fields; this store runs ranges, dotted paths, `$or` and
   * every sort through mingo over the candidates, so most non-unique indexes of the repositories
   * (there for MongoDB) would never be used here, and the rest would spare a scan of a rare query.
   * Each would cost a tree insert on every write, e.g. on the question log at every message.
   */
  async createIndex(spec: IndexSpec): Promise<void> {
    const fields = Object.keys(spec.fields);
    if (fields.length === 0) throw new AppError(ErrorCode.ValidationFailed, 'createIndex: no fields');
    if (spec.unique !== true) return this.call(async () => undefined);
    const fieldName = fields.length === 1 ? fields[0]! : fields;
    return this.write(() => this.db.ensureIndexAsync({ fieldName, unique: true }));
  }

  async aggregate<R = Record<string, unknown>>(pipeline: readonly PipelineStage[]): Promise<R[]> {
    assertSupportedPipeline(pipeline);
    // A leading $match is evaluated while reading, so only matching documents are copied.
    const [head, ...rest] = pipeline;
    const leadingMatch = head !== undefined && '$match' in head ? (head.$match as Filter) : undefined;
    const stages = (leadingMatch ? rest : pipeline) as Record<string, unknown>[];
    return this.call(async () => {
      const docs = (await this.db.findAsync(leadingMatch ? this.toNedbQuery(leadingMatch) : {})) as Doc[];
      return new Aggregator(stages).run(docs) as R[];
    });
  }
}

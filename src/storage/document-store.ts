/**
 * The document-store port: a MongoDB-shaped subset that both backends (MongoDB via the official
 * driver, and the embedded @seald-io/nedb store) implement with identical behaviour, proven by the
 * contract suite in tests/contract. Repositories are written once against it.
 *
 * Ids are application-generated strings (`_id: string`), never backend ids.
 * Filters and updates are built by repositories from typed values, never taken from clients.
 *
 * Both backends validate every filter, update, document and pipeline against this subset
 * (src/storage/query-guard.ts) and reject anything else with AppError `VALIDATION_FAILED` — also
 * an operator smuggled in as a value. Stored values are strings, finite numbers, booleans, null,
 * Dates, arrays and plain objects whose keys are neither `$`-prefixed nor dotted. Operations on a
 * closed store reject with `STORE_UNAVAILABLE`.
 */

/** Every stored document has an application-generated string id. */
export interface StoredDocument {
  _id: string;
}

/**
 * Supported filter subset: field equality (dotted paths allowed), `$eq`, `$ne`, `$gt`, `$gte`,
 * `$lt`, `$lte`, `$in`, `$nin`, `$exists`, and top-level `$and` / `$or`.
 */
export type Filter = Readonly<Record<string, unknown>>;

/**
 * Supported update operators: `$set`, `$unset`, `$inc`, `$push` (with `$each`/`$slice`), `$setOnInsert`.
 * `_id` is immutable (only `$setOnInsert` may set it). An upsert must know the application id:
 * an equality on `_id` in the filter or `$setOnInsert._id`; the filter's equality conditions
 * become fields of the inserted document, as in MongoDB.
 */
export interface Update {
  readonly $set?: Readonly<Record<string, unknown>>;
  readonly $unset?: Readonly<Record<string, '' | true | 1>>;
  readonly $inc?: Readonly<Record<string, number>>;
  readonly $push?: Readonly<Record<string, unknown>>;
  readonly $setOnInsert?: Readonly<Record<string, unknown>>;
}

export type SortSpec = Readonly<Record<string, 1 | -1>>;

export interface FindOptions {
  readonly sort?: SortSpec;
  readonly skip?: number;
  readonly limit?: number;
}

export interface UpdateOptions {
  readonly upsert?: boolean;
}

export interface FindOneAndUpdateOptions extends UpdateOptions {
  /** Which version to return; default `after`. */
  readonly returnDocument?: 'before' | 'after';
}

export interface UpdateResult {
  readonly matchedCount: number;
  readonly modifiedCount: number;
  /** The id of the inserted document when the upsert inserted one. */
  readonly upsertedId: string | null;
}

export interface IndexSpec {
  readonly fields: Readonly<Record<string, 1 | -1>>;
  readonly unique?: boolean;
  /** Index name; derived from the fields when absent. */
  readonly name?: string;
}

/**
 * Aggregation stages both backends run: `$match`, `$group` (with `$sum`, `$avg`, `$min`, `$max`,
 * `$first`, `$last`), `$sort`, `$skip`, `$limit`, `$project`, `$count`, `$unwind`.
 * On FerretDB v1 the stages from the first `$group` (or expression `$project`) on run in memory
 * with mingo, since FerretDB computes them wrongly or not at all; put `$match` first.
 */
export type PipelineStage = Readonly<Record<string, unknown>>;

export interface Collection<T extends StoredDocument> {
  /** Inserts; a unique-index violation throws AppError `DUPLICATE_KEY`. */
  insertOne(doc: T): Promise<void>;
  /** Inserts in order; on `DUPLICATE_KEY` the documents before the failing one stay inserted. */
  insertMany(docs: readonly T[]): Promise<void>;
  findOne(filter: Filter): Promise<T | null>;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  /**
   * Atomic single-document update of the first match in natural order (which differs between
   * backends: use a filter that selects one document). A unique-index violation, also by an
   * upsert, throws AppError `DUPLICATE_KEY`.
   */
  updateOne(filter: Filter, update: Update, options?: UpdateOptions): Promise<UpdateResult>;
  /** Atomic single-document update returning the document; null when nothing matched (and no upsert). */
  findOneAndUpdate(filter: Filter, update: Update, options?: FindOneAndUpdateOptions): Promise<T | null>;
  /** Replaces the whole document matched by filter (same `_id`); returns whether one matched. */
  replaceOne(filter: Filter, doc: T, options?: UpdateOptions): Promise<UpdateResult>;
  deleteOne(filter: Filter): Promise<number>;
  deleteMany(filter: Filter): Promise<number>;
  countDocuments(filter?: Filter): Promise<number>;
  /**
   * Idempotent; a unique index over existing duplicates fails with `DUPLICATE_KEY`. Documents of a
   * collection with a unique index must all carry its fields: for a missing field the backends
   * differ (MongoDB and the embedded store treat two missing values as equal, FerretDB does not).
   */
  createIndex(spec: IndexSpec): Promise<void>;
  aggregate<R = Record<string, unknown>>(pipeline: readonly PipelineStage[]): Promise<R[]>;
}

export interface DocumentStore {
  /** Which backend this is, for logs and /readyz. */
  readonly kind: 'mongodb' | 'embedded';
  collection<T extends StoredDocument>(name: string): Collection<T>;
  /** Resolves when the backend answers; rejects with AppError `STORE_UNAVAILABLE` otherwise. */
  ping(): Promise<void>;
  /** Flushes (embedded: compacts) and closes; idempotent. */
  close(): Promise<void>;
}

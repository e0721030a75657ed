import type { Document, Collection as DriverCollection, Filter as DriverFilter, UpdateFilter } from 'mongodb';
import { Aggregator } from 'mingo';
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
  normalizeUpdate,
  upsertIdOf,
} from '../query-guard';
import { SerialQueue } from '../serial-queue';
import type { PushSlice } from './ferretdb-compat';
import { splitPipelineForFerretDb, splitPushSlices, trimUpdate } from './ferretdb-compat';
import { mapMongoError } from './mongo-errors';

/** What the connected server can be trusted with (see ferretdb-compat.ts). */
export interface ServerTraits {
  /** FerretDB v1: writes serialised in process, `$slice` and pipelines emulated. */
  readonly ferretDb: boolean;
}

const asFilter = (filter: Filter) => filter as DriverFilter<Document>;
const asUpdate = (update: Update) => update as UpdateFilter<Document>;
const asDocument = (doc: StoredDocument) => ({ ...doc }) as unknown as Document;
const byId = (id: string) => ({ _id: id }) as unknown as DriverFilter<Document>;

/** One collection of the MongoDB backend over the official driver. */
export class MongoCollection<T extends StoredDocument> implements Collection<T> {
  /** Only on FerretDB, whose updates are not atomic on the server. */
  private readonly writes: SerialQueue | null;

  constructor(
    private readonly name: string,
    private readonly coll: DriverCollection<Document>,
    private readonly traits: ServerTraits,
    private readonly assertOpen: () => void,
  ) {
    this.writes = traits.ferretDb ? new SerialQueue() : null;
  }

  private async call<R>(operation: () => Promise<R>): Promise<R> {
    this.assertOpen();
    try {
      return await operation();
    } catch (error) {
      throw mapMongoError(error, this.name);
    }
  }

  private write<R>(operation: () => Promise<R>): Promise<R> {
    const writes = this.writes;
    return this.call(writes ? () => writes.run(operation) : operation);
  }

  async insertOne(doc: T): Promise<void> {
    assertStorableDocument(doc);
    return this.write(async () => {
      await this.coll.insertOne(asDocument(doc));
    });
  }

  /** Ordered: on a duplicate, the documents before it stay inserted. */
  async insertMany(docs: readonly T[]): Promise<void> {
    docs.forEach((doc) => assertStorableDocument(doc));
    if (docs.length === 0) return;
    return this.write(async () => {
      await this.coll.insertMany(docs.map(asDocument), { ordered: true });
    });
  }

  async findOne(filter: Filter): Promise<T | null> {
    assertSupportedFilter(filter);
    return this.call(async () => (await this.coll.findOne(asFilter(filter))) as T | null);
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    assertSupportedFilter(filter);
    assertFindOptions(options);
    return this.call(async () => {
      let cursor = this.coll.find(asFilter(filter));
      if (options.sort) cursor = cursor.sort(options.sort as Record<string, 1 | -1>);
      if (options.skip) cursor = cursor.skip(options.skip);
      if (options.limit) cursor = cursor.limit(options.limit);
      return (await cursor.toArray()) as unknown as T[];
    });
  }

  async updateOne(filter: Filter, update: Update, options: UpdateOptions = {}): Promise<UpdateResult> {
    assertSupportedFilter(filter);
    const normalized = normalizeUpdate(update);
    const upsertId = options.upsert ? upsertIdOf(filter, normalized) : null;
    const { base, slices } = this.traits.ferretDb ? splitPushSlices(normalized) : { base: normalized, slices: [] };
    return this.write(async () => {
      if (slices.length > 0) {
        const before = await this.updateWithSlices(filter, base, slices, upsertId);
        return before.matched
          ? { matchedCount: 1, modifiedCount: 1, upsertedId: null }
          : { matchedCount: 0, modifiedCount: 0, upsertedId: before.upserted ? upsertId : null };
      }
      const result = await this.coll.updateOne(asFilter(filter), asUpdate(base), { upsert: options.upsert === true });
      return {
        matchedCount: result.matchedCount,
        modifiedCount: result.modifiedCount,
        upsertedId: result.upsertedId === null || result.upsertedId === undefined ? null : String(result.upsertedId),
      };
    });
  }

  async findOneAndUpdate(filter: Filter, update: Update, options: FindOneAndUpdateOptions = {}): Promise<T | null> {
    assertSupportedFilter(filter);
    const normalized = normalizeUpdate(update);
    const upsertId = options.upsert ? upsertIdOf(filter, normalized) : null;
    const returnDocument = options.returnDocument ?? 'after';
    const { base, slices } = this.traits.ferretDb ? splitPushSlices(normalized) : { base: normalized, slices: [] };
    return this.write(async () => {
      if (slices.length > 0) {
        const outcome = await this.updateWithSlices(filter, base, slices, upsertId);
        return (returnDocument === 'before' ? outcome.before : outcome.after) as T | null;
      }
      const doc = await this.coll.findOneAndUpdate(asFilter(filter), asUpdate(base), { upsert: options.upsert === true, returnDocument });
      return doc as T | null;
    });
  }

  /** FerretDB: the push without `$slice`, then the trim; runs inside the write queue. */
  private async updateWithSlices(
    filter: Filter,
    update: Update,
    slices: readonly PushSlice[],
    upsertId: string | null,
  ): Promise<{ matched: boolean; upserted: boolean; before: Document | null; after: Document | null }> {
    const before = await this.coll.findOneAndUpdate(asFilter(filter), asUpdate(update), { upsert: upsertId !== null, returnDocument: 'before' });
    const id = (before?._id as string | undefined) ?? upsertId;
    if (id === null) return { matched: false, upserted: false, before: null, after: null };
    let after = await this.coll.findOne(byId(id));
    const trim = after ? trimUpdate(after, slices) : null;
    if (trim) after = await this.coll.findOneAndUpdate(byId(id), asUpdate(trim), { returnDocument: 'after' });
    return { matched: before !== null, upserted: before === null, before, after };
  }

  async replaceOne(filter: Filter, doc: T, options: UpdateOptions = {}): Promise<UpdateResult> {
    assertSupportedFilter(filter);
    assertStorableDocument(doc);
    if (options.upsert) upsertIdOf(filter, doc);
    return this.write(async () => {
      const result = await this.coll.replaceOne(asFilter(filter), asDocument(doc), { upsert: options.upsert === true });
      return {
        matchedCount: result.matchedCount,
        modifiedCount: result.modifiedCount,
        upsertedId: result.upsertedId === null || result.upsertedId === undefined ? null : String(result.upsertedId),
      };
    });
  }

  async deleteOne(filter: Filter): Promise<number> {
    assertSupportedFilter(filter);
    return this.write(async () => (await this.coll.deleteOne(asFilter(filter))).deletedCount);
  }

  async deleteMany(filter: Filter): Promise<number> {
    assertSupportedFilter(filter);
    return this.write(async () => (await this.coll.deleteMany(asFilter(filter))).deletedCount);
  }

  async countDocuments(filter: Filter = {}): Promise<number> {
    assertSupportedFilter(filter);
    return this.call(() => this.coll.countDocuments(asFilter(filter)));
  }

  async createIndex(spec: IndexSpec): Promise<void> {
    return this.write(async () => {
      await this.coll.createIndex({ ...spec.fields }, { unique: spec.unique === true, ...(spec.name ? { name: spec.name } : {}) });
    });
  }

  async aggregate<R = Record<string, unknown>>(pipeline: readonly PipelineStage[]): Promise<R[]> {
    assertSupportedPipeline(pipeline);
    return this.call(async () => {
      if (!this.traits.ferretDb) return (await this.coll.aggregate([...pipeline]).toArray()) as R[];
      const { server, memory } = splitPipelineForFerretDb(pipeline);
      const partial = await this.coll.aggregate(server.length > 0 ? server : [{ $match: {} }]).toArray();
      return (memory.length > 0 ? new Aggregator(memory as Record<string, unknown>[]).run(partial) : partial) as R[];
    });
  }
}

import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { AppError, ErrorCode, isAppError } from '../domain/errors';
import type { Collection, DocumentStore } from './document-store';
import { isPlainObject } from './query-guard';
import { assertId } from './repository-guards';

/**
 * One storage item. The state is kept as a JSON string: botbuilder state holds arbitrary keys
 * (`$type`, dotted names) that are not valid field names in MongoDB or nedb.
 */
interface BotStateDocument {
  _id: string;
  eTag: string;
  state: string;
  updatedAt: string;
}

const COLLECTION = 'bot_state';

function conflict(key: string): AppError {
  return new AppError(ErrorCode.VersionConflict, `Storage: error writing "${key}" due to eTag conflict.`, { key });
}

/**
 * botbuilder `Storage` over the document store (collection `bot_state`, `_id` = storage key),
 * with MemoryStorage's eTag semantics: an item without eTag or with `*` is written unconditionally;
 * an item with an eTag is written only if the stored item still has that eTag (or none is stored),
 * else the write rejects with AppError `VERSION_CONFLICT`. Every write stores a new eTag, in one
 * atomic conditional update (or an insert that loses to a concurrent one on the unique `_id`).
 */
export class DocumentBotStateStorage implements Storage {
  private readonly items: Collection<BotStateDocument>;

  constructor(store: DocumentStore) {
    this.items = store.collection<BotStateDocument>(COLLECTION);
  }

  async read(keys: string[]): Promise<StoreItems> {
    keys.forEach((key) => assertId(key, 'storage key'));
    if (keys.length === 0) return {};
    const docs = await this.items.find({ _id: { $in: keys } });
    const items: StoreItems = {};
    for (const doc of docs) {
      const state: unknown = JSON.parse(doc.state);
      // The parsed state is a fresh object (written from an object, see writeItem): take it as the item.
      const item = isPlainObject(state) ? state : { ...(state as object) };
      item.eTag = doc.eTag;
      items[doc._id] = item;
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const entries = Object.entries(changes);
    entries.forEach(([key]) => assertId(key, 'storage key'));
    const results = await Promise.allSettled(entries.map(([key, item]) => this.writeItem(key, item as Record<string, unknown>)));
    const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
  }

  async delete(keys: string[]): Promise<void> {
    keys.forEach((key) => assertId(key, 'storage key'));
    if (keys.length > 0) await this.items.deleteMany({ _id: { $in: keys } });
  }

  private async writeItem(key: string, item: Record<string, unknown>): Promise<void> {
    const { eTag: expected, ...rest } = item ?? {};
    const state = JSON.stringify(rest);
    const update = { eTag: randomUUID(), state, updatedAt: new Date().toISOString() };
    if (expected === undefined || expected === null || expected === '' || expected === '*') {
      await this.items.updateOne({ _id: key }, { $set: update }, { upsert: true });
      return;
    }
    if (typeof expected !== 'string') throw conflict(key);
    const result = await this.items.updateOne({ _id: key, eTag: expected }, { $set: update });
    if (result.matchedCount === 1) return;
    try {
      await this.items.insertOne({ _id: key, ...update });
    } catch (error) {
      throw isAppError(error, ErrorCode.DuplicateKey) ? conflict(key) : error;
    }
  }
}

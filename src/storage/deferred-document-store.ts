import { AppError, ErrorCode } from '../domain/errors';
import type { Collection, DocumentStore, StoredDocument } from './document-store';

/**
 * A document store for parts that are wired before the real store is open (the HTTP server listens
 * at once; MongoDB may still be connecting): every operation goes to the store `current()` returns,
 * and rejects with AppError `NOT_READY` while it returns undefined.
 */
export function deferDocumentStore(current: () => DocumentStore | undefined): DocumentStore {
  const open = (): DocumentStore => {
    const store = current();
    if (!store) throw new AppError(ErrorCode.NotReady, 'the store is not open yet');
    return store;
  };
  return {
    get kind() {
      return open().kind;
    },
    collection<T extends StoredDocument>(name: string): Collection<T> {
      const target = () => open().collection<T>(name);
      return {
        insertOne: async (doc) => target().insertOne(doc),
        insertMany: async (docs) => target().insertMany(docs),
        findOne: async (filter) => target().findOne(filter),
        find: async (filter, options) => target().find(filter, options),
        updateOne: async (filter, update, options) => target().updateOne(filter, update, options),
        findOneAndUpdate: async (filter, update, options) => target().findOneAndUpdate(filter, update, options),
        replaceOne: async (filter, doc, options) => target().replaceOne(filter, doc, options),
        deleteOne: async (filter) => target().deleteOne(filter),
        deleteMany: async (filter) => target().deleteMany(filter),
        countDocuments: async (filter) => target().countDocuments(filter),
        createIndex: async (spec) => target().createIndex(spec),
        aggregate: async (pipeline) => target().aggregate(pipeline),
      };
    },
    ping: async () => open().ping(),
    // The real store is closed by its owner.
    close: async () => undefined,
  };
}

import type { DocumentStore } from './document-store';
import { EmbeddedDocumentStore } from './embedded/embedded-document-store';
import { MongoDocumentStore } from './mongo/mongo-document-store';

export interface DocumentStoreConfig {
  /** Set: the MongoDB backend. Unset or empty: the embedded store under `dataDir`. */
  readonly mongodbUri?: string | undefined;
  /** Server-selection timeout of the MongoDB driver (how fast ping() fails); default 5000 ms. */
  readonly mongodbServerSelectionTimeoutMs?: number;
  readonly dataDir: string;
}

/**
 * Opens the configured backend. MongoDB: connects with retries and back-off until it answers or
 * `signal` aborts (AppError `STORE_UNAVAILABLE`). Embedded: locks and opens `dataDir`
 * (AppError `STORE_LOCKED` when another process uses it).
 */
export async function openDocumentStore(config: DocumentStoreConfig, signal?: AbortSignal): Promise<DocumentStore> {
  if (config.mongodbUri) {
    return MongoDocumentStore.connectWithRetry(config.mongodbUri, {
      signal,
      serverSelectionTimeoutMS: config.mongodbServerSelectionTimeoutMs,
    });
  }
  return EmbeddedDocumentStore.open(config.dataDir);
}

/** Alias of {@link openDocumentStore}. */
export const createDocumentStore = openDocumentStore;

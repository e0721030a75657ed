import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configureLogger } from '../../src/logging/logger';
import type { DocumentStore } from '../../src/storage/document-store';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embedded-document-store';
import { MongoDocumentStore } from '../../src/storage/mongo/mongo-document-store';

// Store logs (open/close lines) would drown the test output; LOTSE_TEST_LOG_LEVEL=debug shows them.
configureLogger(process.env.LOTSE_TEST_LOG_LEVEL ?? 'silent');

/** A store opened for one test, isolated from every other test (own temp dir / own database). */
export interface TestStore {
  readonly store: DocumentStore;
  /** Closes the store and deletes its data. */
  cleanup(): Promise<void>;
}

export interface StoreBackend {
  readonly name: 'embedded' | 'mongodb';
  open(): Promise<TestStore>;
}

/** A fresh temp directory; remove it with {@link removeTempDir}. */
export function createTempDir(prefix = 'lotse-store-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function removeTempDir(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
}

export const embeddedBackend: StoreBackend = {
  name: 'embedded',
  async open() {
    const dir = await createTempDir();
    const store = await EmbeddedDocumentStore.open(dir);
    return {
      store,
      async cleanup() {
        await store.close();
        await removeTempDir(dir);
      },
    };
  },
};

/** Set by tests/support/global-setup.js when FerretDB (or a given MongoDB) is reachable. */
export const testMongoUri: string | undefined = process.env.LOTSE_TEST_MONGODB_URI || undefined;

export function mongoBackend(uri: string): StoreBackend {
  return {
    name: 'mongodb',
    async open() {
      const dbName = `lotse_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
      const store = await MongoDocumentStore.connect(uri, { dbName, serverSelectionTimeoutMS: 5_000 });
      return {
        store,
        async cleanup() {
          await store.dropDatabase().catch(() => undefined);
          await store.close();
        },
      };
    },
  };
}

/**
 * The backends every contract suite runs against: embedded always, MongoDB when
 * LOTSE_TEST_MONGODB_URI is set (global-setup prints "MONGODB SUITE NOT RUN" when it is not).
 */
export const storeBackends: readonly StoreBackend[] = testMongoUri ? [embeddedBackend, mongoBackend(testMongoUri)] : [embeddedBackend];

/** For `describe.each`: `[name, backend]` pairs. */
export const storeBackendTable: ReadonlyArray<[string, StoreBackend]> = storeBackends.map((backend) => [backend.name, backend]);

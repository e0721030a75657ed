import Datastore from '@seald-io/nedb';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError, ErrorCode } from '../../domain/errors';
import type { Logger } from '../../logging/logger';
import { createLogger } from '../../logging/logger';
import type { Collection, DocumentStore, StoredDocument } from '../document-store';
import { assertCollectionName } from '../query-guard';
import { DataDirLock } from './data-dir-lock';
import { DatafileAppender } from './datafile-appender';
import { EmbeddedCollection } from './embedded-collection';
import { IdIndex } from './id-index';

export interface EmbeddedStoreOptions {
  /** How often every datafile is compacted (nedb appends on each write); default 10 minutes. */
  readonly compactionIntervalMs?: number;
}

interface OpenCollection {
  readonly db: Datastore<Record<string, unknown> & StoredDocument>;
  readonly ready: Promise<void>;
  readonly collection: EmbeddedCollection<StoredDocument>;
  readonly appender: DatafileAppender;
}

const DEFAULT_COMPACTION_INTERVAL_MS = 10 * 60 * 1000;

/**
 * Removes the non-unique indexes that a datafile of an earlier version declares: the collection
 * builds unique indexes only (see EmbeddedCollection.createIndex), and a loaded one would still cost
 * a tree insert on every write.
 */
async function dropNonUniqueIndexes(db: Datastore<Record<string, unknown> & StoredDocument>): Promise<void> {
  const indexes = (db as unknown as { indexes: Record<string, { unique: boolean }> }).indexes;
  for (const [fieldName, index] of Object.entries(indexes)) {
    if (fieldName !== '_id' && !index.unique) await db.removeIndexAsync(fieldName);
  }
}

/**
 * The embedded default backend: @seald-io/nedb under a data directory, one datafile per
 * collection (`<dir>/<collection>.db`), one Datastore per file, one process per directory (lock
 * file `<dir>/.lock`). For a single instance; several instances need the MongoDB backend.
 */
export class EmbeddedDocumentStore implements DocumentStore {
  readonly kind = 'embedded' as const;
  private readonly collections = new Map<string, OpenCollection>();
  private readonly compactionTimer: NodeJS.Timeout;
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly dir: string,
    private readonly lock: DataDirLock,
    private readonly logger: Logger,
    compactionIntervalMs: number,
  ) {
    this.compactionTimer = setInterval(() => void this.compactAll(), compactionIntervalMs);
    this.compactionTimer.unref();
  }

  /**
   * Opens (creating if needed) the data directory and locks it. Rejects with AppError
   * `STORE_LOCKED` when another live process, or this one, has it open.
   */
  static async open(dir: string, options: EmbeddedStoreOptions = {}): Promise<EmbeddedDocumentStore> {
    const logger = createLogger('storage');
    const absolute = path.resolve(dir);
    try {
      await fs.mkdir(absolute, { recursive: true });
    } catch (error) {
      throw new AppError(ErrorCode.StoreUnavailable, `cannot create the data directory ${absolute}`, {}, { cause: error });
    }
    const lock = await DataDirLock.acquire(absolute);
    logger.info({ backend: 'embedded', dataDir: absolute }, 'embedded document store opened');
    return new EmbeddedDocumentStore(absolute, lock, logger, options.compactionIntervalMs ?? DEFAULT_COMPACTION_INTERVAL_MS);
  }

  collection<T extends StoredDocument>(name: string): Collection<T> {
    assertCollectionName(name);
    this.assertOpen();
    let open = this.collections.get(name);
    if (!open) {
      const filename = path.join(this.dir, `${name}.db`);
      const db = new Datastore<Record<string, unknown> & StoredDocument>({ filename, timestampData: false });
      IdIndex.install(db);
      const appender = DatafileAppender.install(db, filename);
      const ready = db.loadDatabaseAsync().then(() => dropNonUniqueIndexes(db));
      // Failures surface on the first operation; this only keeps the promise from being unhandled.
      ready.catch((error: unknown) => this.logger.error({ collection: name, err: error }, 'cannot load datafile'));
      const collection = new EmbeddedCollection<StoredDocument>(name, db, appender, ready, () => this.assertOpen());
      open = { db, ready, collection, appender };
      this.collections.set(name, open);
    }
    return open.collection as unknown as Collection<T>;
  }

  async ping(): Promise<void> {
    this.assertOpen();
    try {
      await fs.access(this.dir, fs.constants.W_OK);
    } catch (error) {
      throw new AppError(ErrorCode.StoreUnavailable, 'the data directory is not writable', {}, { cause: error });
    }
  }

  /** Waits for pending writes, compacts every datafile and releases the lock; idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      clearInterval(this.compactionTimer);
      await Promise.all([...this.collections.values()].map((open) => open.collection.idle()));
      await this.compactAll();
      for (const [name, open] of this.collections) {
        try {
          open.appender.close();
        } catch (error) {
          this.logger.warn({ collection: name, err: error }, 'closing the datafile failed');
        }
      }
      await this.lock.release();
      this.logger.info({ backend: 'embedded' }, 'embedded document store closed');
    })();
    return this.closing;
  }

  private assertOpen(): void {
    if (this.closing) throw new AppError(ErrorCode.StoreUnavailable, 'the embedded document store is closed');
  }

  private async compactAll(): Promise<void> {
    for (const [name, open] of this.collections) {
      try {
        await open.collection.compact();
      } catch (error) {
        this.logger.warn({ collection: name, err: error }, 'compaction failed');
      }
    }
  }
}

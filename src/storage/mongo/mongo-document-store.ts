import { MongoClient, MongoParseError } from 'mongodb';
import type { Db } from 'mongodb';
import { AppError, ErrorCode } from '../../domain/errors';
import type { Logger } from '../../logging/logger';
import { createLogger } from '../../logging/logger';
import type { Collection, DocumentStore, StoredDocument } from '../document-store';
import { assertCollectionName } from '../query-guard';
import type { ServerTraits } from './mongo-collection';
import { MongoCollection } from './mongo-collection';
import { databaseNameOf, mapMongoError, redactMongoUri } from './mongo-errors';

export interface MongoStoreOptions {
  /** How long an operation waits for a reachable server before failing; default 5000 ms. */
  readonly serverSelectionTimeoutMS?: number;
  /** TCP connect timeout; default 5000 ms. */
  readonly connectTimeoutMS?: number;
  readonly maxPoolSize?: number;
  /** Overrides the database named in the URI (default: the URI's, else `lotse`). */
  readonly dbName?: string;
}

export interface ConnectAttempt {
  /** 1 for the first failed attempt. */
  readonly attempt: number;
  readonly error: AppError;
  /** Wait before the next attempt. */
  readonly nextDelayMs: number;
}

export interface ConnectRetryOptions extends MongoStoreOptions {
  /** Aborting stops the retries; the promise then rejects with AppError `STORE_UNAVAILABLE`. */
  readonly signal?: AbortSignal;
  /** Called after each failed attempt (for metrics or tests). */
  readonly onAttempt?: (attempt: ConnectAttempt) => void;
  /** First back-off delay; default 500 ms, doubling up to `maxDelayMs` (default 30 s). */
  readonly initialDelayMs?: number;
  readonly maxDelayMs?: number;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function abortedError(): AppError {
  return new AppError(ErrorCode.StoreUnavailable, 'connecting to MongoDB was aborted');
}

/**
 * The MongoDB backend (MongoDB, Atlas, Cosmos DB for MongoDB, FerretDB) over the official driver.
 * On FerretDB v1 (detected via buildInfo) writes are serialised per collection inside this process
 * because FerretDB's updates are not atomic: there, run a single Lotse instance.
 */
export class MongoDocumentStore implements DocumentStore {
  readonly kind = 'mongodb' as const;
  private readonly collections = new Map<string, MongoCollection<StoredDocument>>();
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    private readonly traits: ServerTraits,
    private readonly logger: Logger,
  ) {}

  /**
   * Connects once. Rejects with AppError `STORE_UNAVAILABLE` when the server is not reachable
   * within the server-selection timeout, `CONFIG_INVALID` for a malformed URI.
   */
  static async connect(uri: string, options: MongoStoreOptions = {}): Promise<MongoDocumentStore> {
    const logger = createLogger('storage');
    let client: MongoClient;
    try {
      client = new MongoClient(uri, {
        serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 5_000,
        connectTimeoutMS: options.connectTimeoutMS ?? 5_000,
        maxPoolSize: options.maxPoolSize ?? 20,
        appName: 'lotse',
      });
    } catch (error) {
      throw new AppError(ErrorCode.ConfigInvalid, `invalid MongoDB URI ${redactMongoUri(uri)}`, {}, { cause: error });
    }
    try {
      await client.connect();
      const db = client.db(options.dbName ?? databaseNameOf(uri));
      const info = await db.admin().command({ buildInfo: 1 });
      const ferretDbVersion = typeof info.ferretdbVersion === 'string' ? info.ferretdbVersion : undefined;
      const traits: ServerTraits = { ferretDb: ferretDbVersion !== undefined };
      logger.info(
        { backend: 'mongodb', uri: redactMongoUri(uri), db: db.databaseName, serverVersion: info.version, ferretDbVersion },
        'MongoDB document store connected',
      );
      if (traits.ferretDb) {
        logger.warn({ ferretDbVersion }, 'FerretDB v1: updates are not atomic on the server; writes are serialised in this process — run a single Lotse instance');
      }
      return new MongoDocumentStore(client, db, traits, logger);
    } catch (error) {
      await client.close().catch(() => undefined);
      if (error instanceof MongoParseError) {
        throw new AppError(ErrorCode.ConfigInvalid, `invalid MongoDB URI ${redactMongoUri(uri)}`, {}, { cause: error });
      }
      throw mapMongoError(error, '(connect)');
    }
  }

  /**
   * Connects, retrying with exponential back-off (0.5 s doubling to 30 s) and one warning log line
   * per failed attempt (URI without password) until connected or `signal` aborts. A malformed URI
   * (AppError `CONFIG_INVALID`) fails at once.
   */
  static async connectWithRetry(uri: string, options: ConnectRetryOptions = {}): Promise<MongoDocumentStore> {
    const logger = createLogger('storage');
    const maxDelayMs = options.maxDelayMs ?? 30_000;
    let delayMs = options.initialDelayMs ?? 500;
    for (let attempt = 1; ; attempt += 1) {
      if (options.signal?.aborted) throw abortedError();
      try {
        return await MongoDocumentStore.connect(uri, options);
      } catch (error) {
        const appError = error instanceof AppError ? error : mapMongoError(error, '(connect)');
        if (appError.code === ErrorCode.ConfigInvalid) throw appError;
        const cause = appError.cause instanceof Error ? appError.cause.name : undefined;
        logger.warn(
          { uri: redactMongoUri(uri), attempt, code: appError.code, cause, retryInMs: delayMs },
          'MongoDB not reachable, retrying',
        );
        options.onAttempt?.({ attempt, error: appError, nextDelayMs: delayMs });
        try {
          await sleep(delayMs, options.signal);
        } catch {
          throw abortedError();
        }
        delayMs = Math.min(delayMs * 2, maxDelayMs);
      }
    }
  }

  collection<T extends StoredDocument>(name: string): Collection<T> {
    assertCollectionName(name);
    this.assertOpen();
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new MongoCollection<StoredDocument>(name, this.db.collection(name), this.traits, () => this.assertOpen());
      this.collections.set(name, collection);
    }
    return collection as unknown as Collection<T>;
  }

  private assertOpen(): void {
    if (this.closing) throw new AppError(ErrorCode.StoreUnavailable, 'the MongoDB document store is closed');
  }

  async ping(): Promise<void> {
    this.assertOpen();
    try {
      await this.db.command({ ping: 1 });
    } catch (error) {
      const mapped = mapMongoError(error, '(ping)');
      throw mapped.code === ErrorCode.StoreUnavailable
        ? mapped
        : new AppError(ErrorCode.StoreUnavailable, 'MongoDB ping failed', {}, { cause: error });
    }
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.client.close();
      this.logger.info({ backend: 'mongodb' }, 'MongoDB document store closed');
    })();
    return this.closing;
  }

  /** For tests and operations tooling: drops the whole database. */
  async dropDatabase(): Promise<void> {
    try {
      await this.db.dropDatabase();
    } catch (error) {
      throw mapMongoError(error, '(dropDatabase)');
    }
  }
}

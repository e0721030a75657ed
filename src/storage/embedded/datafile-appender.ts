import type Datastore from '@seald-io/nedb';
import { closeSync, openSync, writeSync } from 'node:fs';

// nedb's own line format (Dates as {$$date}); a plain module of the package, without types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serialize } = require('@seald-io/nedb/lib/model.js') as { serialize: (doc: unknown) => string };

/** The two methods of nedb's Persistence (lib/persistence.js, 4.x) that touch the datafile. */
interface NedbPersistence {
  persistNewStateAsync(docs: readonly unknown[]): Promise<void>;
  persistCachedDatabaseAsync(): Promise<void>;
}

const FILE_MODE = 0o644;

/**
 * nedb's line for a document. nedb's `serialize` is `JSON.stringify` with a replacer (a call back
 * into JavaScript per value) that checks field names and writes Dates as `{"$$date": ms}`. For a
 * document of plain objects, arrays and primitives whose field names nedb accepts, that is exactly
 * `JSON.stringify(doc)`; anything else (a Date, a class instance, a field name nedb would refuse)
 * goes through nedb's own `serialize`.
 */
export function serializeLine(doc: unknown): string {
  return isPlainJson(doc, 0) ? JSON.stringify(doc) : serialize(doc);
}

const MAX_PLAIN_DEPTH = 64;

function isPlainJson(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== 'object') return typeof value !== 'bigint';
  if (depth > MAX_PLAIN_DEPTH) return false;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return false;
    for (const item of value) if (!isPlainJson(item, depth + 1)) return false;
    return true;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  const record = value as Record<string, unknown>;
  if ('toJSON' in record || 'getTime' in record) return false;
  for (const key in record) {
    if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
    if (!isAcceptedKey(key, record[key])) return false;
    if (!isPlainJson(record[key], depth + 1)) return false;
  }
  return true;
}

/** nedb's `checkKey`, as a test: no `$` in front (but its own markers) and no dot. */
function isAcceptedKey(key: string, value: unknown): boolean {
  if (key.includes('.')) return false;
  if (key[0] !== '$') return true;
  return (key === '$$date' && typeof value === 'number') || (key === '$$deleted' && value === true) || key === '$$indexCreated' || key === '$$indexRemoved';
}

/**
 * Keeps an nedb datafile open for appending, and appends as group commits. nedb appends each write
 * with `fs.promises.appendFile` (open, write, close: three thread-pool round trips per write). This
 * queues the lines of every write and writes all lines queued within one event-loop turn with one
 * synchronous `write` to a descriptor kept open (under load, dozens of bot turns' writes share one
 * system call). A write resolves once its lines are in the datafile (the OS cache, no fsync — as
 * with nedb); readers of the in-memory documents may see it up to one event-loop turn earlier, as
 * MongoDB's default read concern "local" may show a write before it is journaled.
 *
 * Installed per Datastore by replacing `persistNewStateAsync` (the store sets no serialization hooks,
 * which that method would otherwise apply). A compaction (`persistCachedDatabaseAsync`, also run by
 * `loadDatabaseAsync`) replaces the file by rename, so the queued lines are written and the
 * descriptor is closed before it; the next append reopens it. The collection runs compactions in
 * its write queue, so no write changes documents while one runs.
 */
export class DatafileAppender {
  private fd: number | null = null;
  /** Lines queued since the last write, and the promise their writers wait for. */
  private queued = '';
  private waiting: { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void } | null = null;

  private constructor(private readonly filename: string) {}

  static install(db: Datastore<Record<string, unknown>>, filename: string): DatafileAppender {
    const appender = new DatafileAppender(filename);
    const persistence = db.persistence as unknown as NedbPersistence;
    const compact = persistence.persistCachedDatabaseAsync.bind(persistence);
    persistence.persistCachedDatabaseAsync = async () => {
      appender.close();
      await compact();
    };
    persistence.persistNewStateAsync = (docs) => appender.append(docs);
    return appender;
  }

  /**
   * Queues the lines of `docs` (serialised now); resolves once they are in the datafile, rejects
   * with the error of that write (or of serialising).
   */
  append(docs: readonly unknown[]): Promise<void> {
    let lines = '';
    try {
      for (const doc of docs) lines += `${serializeLine(doc)}\n`;
    } catch (error) {
      return Promise.reject(error);
    }
    if (lines.length === 0) return Promise.resolve();
    this.queued += lines;
    if (!this.waiting) {
      let resolve!: () => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      this.waiting = { promise, resolve, reject };
      setImmediate(() => this.flush());
    }
    return this.waiting.promise;
  }

  /** Writes the queued lines now (a no-op when none are queued). */
  flush(): void {
    const waiting = this.waiting;
    if (!waiting) return;
    const lines = this.queued;
    this.waiting = null;
    this.queued = '';
    try {
      this.write(lines);
      waiting.resolve();
    } catch (error) {
      waiting.reject(error);
    }
  }

  /** Writes the queued lines and closes the descriptor (the next write reopens it); idempotent. */
  close(): void {
    this.flush();
    if (this.fd === null) return;
    const fd = this.fd;
    this.fd = null;
    closeSync(fd);
  }

  private write(lines: string): void {
    const buffer = Buffer.from(lines, 'utf8');
    try {
      this.fd ??= openSync(this.filename, 'a', FILE_MODE);
      let written = 0;
      while (written < buffer.length) written += writeSync(this.fd, buffer, written, buffer.length - written);
    } catch (error) {
      // Start over with a fresh descriptor next time (the error goes to the writers, as nedb's would).
      const fd = this.fd;
      this.fd = null;
      try {
        if (fd !== null) closeSync(fd);
      } catch {
        // the write error is the one to report
      }
      throw error;
    }
  }
}

import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import { ErrorCode } from '../../src/domain/errors';
import { configureLogger } from '../../src/logging/logger';
import type { ConnectAttempt } from '../../src/storage/mongo/mongo-document-store';
import { MongoDocumentStore } from '../../src/storage/mongo/mongo-document-store';
import { databaseNameOf, redactMongoUri } from '../../src/storage/mongo/mongo-errors';
import { createTempDir, removeTempDir, testMongoUri } from '../support/test-stores';

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('MongoDB URI helpers', () => {
  it('redacts the password and nothing else', () => {
    expect(redactMongoUri('mongodb://lotse:s3cr%40t@db1:27017,db2/prod?tls=true')).toBe('mongodb://lotse:***@db1:27017,db2/prod?tls=true');
    expect(redactMongoUri('mongodb+srv://u:p@cluster.example.net/x')).toBe('mongodb+srv://u:***@cluster.example.net/x');
    expect(redactMongoUri('mongodb://127.0.0.1:27017/lotse')).toBe('mongodb://127.0.0.1:27017/lotse');
  });

  it('takes the database from the URI, lotse by default', () => {
    expect(databaseNameOf('mongodb://u:p@h1,h2/helpdesk?replicaSet=rs')).toBe('helpdesk');
    expect(databaseNameOf('mongodb://h1:27017/?tls=true')).toBe('lotse');
    expect(databaseNameOf('mongodb://h1:27017')).toBe('lotse');
  });
});

describe('MongoDocumentStore start-up', () => {
  let logged: string[];

  beforeEach(() => {
    logged = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged.push(chunk.toString());
        done();
      },
    });
    configureLogger('info', sink);
  });
  afterEach(() => configureLogger('silent'));

  it('fails fast with STORE_UNAVAILABLE when nothing answers', async () => {
    const port = await closedPort();
    await expect(MongoDocumentStore.connect(`mongodb://127.0.0.1:${port}/x`, { serverSelectionTimeoutMS: 300 })).rejects.toMatchObject({
      code: ErrorCode.StoreUnavailable,
    });
  });

  it('refuses a malformed URI with CONFIG_INVALID without retrying', async () => {
    const attempts: ConnectAttempt[] = [];
    await expect(MongoDocumentStore.connectWithRetry('mongodb://', { onAttempt: (a) => attempts.push(a) })).rejects.toMatchObject({
      code: ErrorCode.ConfigInvalid,
    });
    expect(attempts).toHaveLength(0);
  });

  it('retries with doubling back-off, logs each attempt without the password, and stops on abort', async () => {
    const port = await closedPort();
    const abort = new AbortController();
    const attempts: ConnectAttempt[] = [];
    const connecting = MongoDocumentStore.connectWithRetry(`mongodb://lotse:topsecret@127.0.0.1:${port}/x`, {
      serverSelectionTimeoutMS: 100,
      initialDelayMs: 10,
      maxDelayMs: 40,
      signal: abort.signal,
      onAttempt: (attempt) => {
        attempts.push(attempt);
        if (attempts.length === 4) abort.abort();
      },
    });
    await expect(connecting).rejects.toMatchObject({ code: ErrorCode.StoreUnavailable });
    expect(attempts.map((a) => a.nextDelayMs)).toEqual([10, 20, 40, 40]);
    expect(attempts.every((a) => a.error.code === ErrorCode.StoreUnavailable)).toBe(true);
    const retryLines = logged.filter((line) => line.includes('retrying'));
    expect(retryLines).toHaveLength(4);
    expect(logged.join('')).not.toContain('topsecret');
    expect(retryLines[0]).toContain('lotse:***@127.0.0.1');
  });
});

(testMongoUri ? describe : describe.skip)('MongoDocumentStore against the test server', () => {
  it('connects, answers ping and reports its kind', async () => {
    const sut = await MongoDocumentStore.connectWithRetry(testMongoUri!, { initialDelayMs: 10 });
    try {
      expect(sut.kind).toBe('mongodb');
      await expect(sut.ping()).resolves.toBeUndefined();
    } finally {
      await sut.close();
    }
  });
});

const ferretDbScript = path.resolve(__dirname, '../../scripts/ferretdb.sh');
const ferretDbAvailable = spawnSync('bash', [ferretDbScript, 'check'], { stdio: 'ignore' }).status === 0;

(ferretDbAvailable ? describe : describe.skip)('MongoDocumentStore when its server dies', () => {
  it('fails ping and operations with STORE_UNAVAILABLE within the server-selection timeout', async () => {
    const dir = await createTempDir('lotse-ferretdb-ping-');
    const port = await closedPort();
    const server = spawn('bash', [ferretDbScript, 'start', String(port), dir], { stdio: 'ignore' });
    const stopped = new Promise((resolve) => server.once('exit', resolve));
    try {
      const sut = await MongoDocumentStore.connectWithRetry(`mongodb://127.0.0.1:${port}/dying`, {
        serverSelectionTimeoutMS: 500,
        initialDelayMs: 100,
        maxDelayMs: 200,
      });
      try {
        await sut.ping();
        await sut.collection('items').insertOne({ _id: 'a' });
        server.kill('SIGKILL');
        await stopped;
        const started = Date.now();
        await expect(sut.ping()).rejects.toMatchObject({ code: ErrorCode.StoreUnavailable });
        await expect(sut.collection('items').findOne({ _id: 'a' })).rejects.toMatchObject({ code: ErrorCode.StoreUnavailable });
        expect(Date.now() - started).toBeLessThan(3_000);
      } finally {
        await sut.close();
      }
    } finally {
      server.kill('SIGKILL');
      await removeTempDir(dir);
    }
  }, 20_000);
});

import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ErrorCode } from '../../src/domain/errors';
import type { StoredDocument } from '../../src/storage/document-store';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embedded-document-store';
import { createTempDir, removeTempDir } from '../support/test-stores';

interface Item extends StoredDocument {
  code: string;
  n: number;
}

/** A pid that surely belongs to a live process other than this one, and a way to end it. */
function startSleeper(): { pid: number; stop: () => Promise<void> } {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  return {
    pid: child.pid!,
    stop: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    }),
  };
}

describe('EmbeddedDocumentStore', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await createTempDir();
  });
  afterEach(() => removeTempDir(dir));

  it('keeps documents, updates and unique indexes across close and reopen, without fields of its own', async () => {
    const first = await EmbeddedDocumentStore.open(dir);
    const items = first.collection<Item>('items');
    await items.createIndex({ fields: { code: 1 }, unique: true });
    await items.insertMany([{ _id: 'a', code: 'A', n: 1 }, { _id: 'b', code: 'B', n: 1 }]);
    for (let i = 0; i < 5; i += 1) await items.updateOne({ _id: 'a' }, { $inc: { n: 1 } });
    await items.deleteOne({ _id: 'b' });
    await first.close();

    const lines = (await fs.readFile(path.join(dir, 'items.db'), 'utf8')).trim().split('\n');
    expect(lines.filter((line) => !line.includes('$$indexCreated'))).toHaveLength(1);

    const second = await EmbeddedDocumentStore.open(dir);
    try {
      const reopened = second.collection<Item>('items');
      expect(await reopened.find({})).toEqual([{ _id: 'a', code: 'A', n: 6 }]);
      await expect(reopened.insertOne({ _id: 'c', code: 'A', n: 0 })).rejects.toMatchObject({ code: ErrorCode.DuplicateKey });
    } finally {
      await second.close();
    }
  });

  it('has every write in the datafile when it resolves, also after the file was compacted', async () => {
    const datafile = path.join(dir, 'items.db');
    const first = await EmbeddedDocumentStore.open(dir);
    await first.collection<Item>('items').insertOne({ _id: 'a', code: 'A', n: 1 });
    expect(await fs.readFile(datafile, 'utf8')).toContain('"_id":"a"');
    await first.close();

    // Loading compacts (rewrites) the datafile; writes after that must land in the new file.
    const second = await EmbeddedDocumentStore.open(dir);
    const items = second.collection<Item>('items');
    await items.insertOne({ _id: 'b', code: 'B', n: 1 });
    await items.updateOne({ _id: 'a' }, { $set: { n: 2 } });
    const lines = (await fs.readFile(datafile, 'utf8')).trim().split('\n');
    expect(lines.map((line) => JSON.parse(line) as Item)).toEqual([
      { _id: 'a', code: 'A', n: 1 },
      { _id: 'b', code: 'B', n: 1 },
      { _id: 'a', code: 'A', n: 2 },
    ]);
    await second.close();

    const third = await EmbeddedDocumentStore.open(dir);
    try {
      expect(await third.collection<Item>('items').find({}, { sort: { _id: 1 } })).toEqual([
        { _id: 'a', code: 'A', n: 2 },
        { _id: 'b', code: 'B', n: 1 },
      ]);
    } finally {
      await third.close();
    }
  });

  it('stores concurrent inserts together, and fails only the duplicate among them', async () => {
    const store = await EmbeddedDocumentStore.open(dir);
    try {
      const items = store.collection<Item>('items');
      await items.insertOne({ _id: 'taken', code: 'T', n: 0 });
      const results = await Promise.allSettled(
        ['a', 'b', 'taken', 'c'].map((id) => items.insertOne({ _id: id, code: id.toUpperCase(), n: 1 })),
      );
      expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
      expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ code: ErrorCode.DuplicateKey });
      expect((await items.find({}, { sort: { _id: 1 } })).map((item) => item._id)).toEqual(['a', 'b', 'c', 'taken']);
      expect(await items.findOne({ _id: 'taken' })).toEqual({ _id: 'taken', code: 'T', n: 0 });
    } finally {
      await store.close();
    }
  });

  it('refuses a second open of the same data directory and allows it after close', async () => {
    const first = await EmbeddedDocumentStore.open(dir);
    await expect(EmbeddedDocumentStore.open(dir)).rejects.toMatchObject({ code: ErrorCode.StoreLocked });
    await first.close();
    await expect(fs.access(path.join(dir, '.lock'))).rejects.toThrow();
    const again = await EmbeddedDocumentStore.open(dir);
    await again.close();
  });

  it('refuses a data directory locked by another live process, naming its pid', async () => {
    const sleeper = startSleeper();
    try {
      await fs.writeFile(path.join(dir, '.lock'), `${sleeper.pid}\n`);
      const error = await EmbeddedDocumentStore.open(dir).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: ErrorCode.StoreLocked, details: { pid: sleeper.pid } });
      expect((error as Error).message).toContain(String(sleeper.pid));
    } finally {
      await sleeper.stop();
    }
  });

  it('takes over the lock of a process that is gone', async () => {
    const sleeper = startSleeper();
    await sleeper.stop();
    await fs.writeFile(path.join(dir, '.lock'), `${sleeper.pid}\n`);
    const store = await EmbeddedDocumentStore.open(dir);
    expect((await fs.readFile(path.join(dir, '.lock'), 'utf8')).trim()).toBe(String(process.pid));
    await store.close();
  });

  it('refuses collection names that could leave the data directory', async () => {
    const store = await EmbeddedDocumentStore.open(dir);
    try {
      expect(() => store.collection('../evil')).toThrow(expect.objectContaining({ code: ErrorCode.ValidationFailed }));
    } finally {
      await store.close();
    }
  });
});

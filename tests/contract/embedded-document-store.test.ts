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

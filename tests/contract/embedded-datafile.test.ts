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

async function datafileLines(dir: string, collection: string): Promise<Array<Record<string, unknown>>> {
  const text = await fs.readFile(path.join(dir, `${collection}.db`), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('EmbeddedDocumentStore datafiles', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await createTempDir();
  });
  afterEach(() => removeTempDir(dir));

  it('has each of many concurrent writes to several collections in its datafile when it resolves', async () => {
    const store = await EmbeddedDocumentStore.open(dir);
    try {
      const items = store.collection<Item>('items');
      const others = store.collection<Item>('others');
      await items.insertOne({ _id: 'x', code: 'X', n: 0 });
      const writes = Array.from({ length: 40 }, (_, i) => [
        items.insertOne({ _id: `i-${i}`, code: `I${i}`, n: i }).then(async () => {
          const lines = await datafileLines(dir, 'items');
          expect(lines.some((line) => line._id === `i-${i}`)).toBe(true);
        }),
        others.updateOne({ _id: `o-${i % 5}` }, { $set: { code: 'O', n: i } }, { upsert: true }),
        items.updateOne({ _id: 'x' }, { $inc: { n: 1 } }),
      ]).flat();
      await Promise.all(writes);

      const itemLines = await datafileLines(dir, 'items');
      expect(itemLines.filter((line) => line._id === 'x').at(-1)).toEqual({ _id: 'x', code: 'X', n: 40 });
      const otherLines = await datafileLines(dir, 'others');
      expect(otherLines.filter((line) => line._id === 'o-4').at(-1)).toEqual({ _id: 'o-4', code: 'O', n: 39 });
      expect(await items.countDocuments({})).toBe(41);
    } finally {
      await store.close();
    }
    const reopened = await EmbeddedDocumentStore.open(dir);
    try {
      expect(await reopened.collection<Item>('items').findOne({ _id: 'x' })).toEqual({ _id: 'x', code: 'X', n: 40 });
      expect(await reopened.collection<Item>('others').countDocuments({})).toBe(5);
    } finally {
      await reopened.close();
    }
  });

  it('fails only the duplicate among concurrent inserts, and keeps the rest in the datafile', async () => {
    const store = await EmbeddedDocumentStore.open(dir);
    try {
      const items = store.collection<Item>('items');
      const results = await Promise.allSettled(['a', 'b', 'a', 'c'].map((id, n) => items.insertOne({ _id: id, code: id, n })));
      expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
      expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ code: ErrorCode.DuplicateKey });
      expect((await datafileLines(dir, 'items')).map((line) => line._id)).toEqual(['a', 'b', 'c']);
    } finally {
      await store.close();
    }
  });

  it('keeps unique indexes only, also dropping a non-unique one that an older datafile declares', async () => {
    await fs.writeFile(
      path.join(dir, 'items.db'),
      [
        JSON.stringify({ _id: 'a', code: 'A', n: 1 }),
        JSON.stringify({ $$indexCreated: { fieldName: 'n', unique: false, sparse: false } }),
        JSON.stringify({ $$indexCreated: { fieldName: 'code', unique: true, sparse: false } }),
        '',
      ].join('\n'),
    );
    const store = await EmbeddedDocumentStore.open(dir);
    try {
      const items = store.collection<Item>('items');
      await items.createIndex({ fields: { n: 1 }, name: 'n_1' });
      await items.insertOne({ _id: 'b', code: 'B', n: 1 });
      expect(await items.find({ n: 1 }, { sort: { _id: 1 } })).toEqual([
        { _id: 'a', code: 'A', n: 1 },
        { _id: 'b', code: 'B', n: 1 },
      ]);
      await expect(items.insertOne({ _id: 'c', code: 'A', n: 2 })).rejects.toMatchObject({ code: ErrorCode.DuplicateKey });
    } finally {
      await store.close();
    }
    const indexes = (await datafileLines(dir, 'items')).filter((line) => '$$indexCreated' in line).map((line) => line.$$indexCreated);
    expect(indexes).toEqual([{ fieldName: 'code', unique: true, sparse: false }]);
  });
});

import { ErrorCode } from '../../src/domain/errors';
import type { Collection, DocumentStore, StoredDocument } from '../../src/storage/document-store';
import type { TestStore } from '../support/test-stores';
import { storeBackendTable } from '../support/test-stores';

interface Person extends StoredDocument {
  name: string;
  age?: number;
  city?: string | null;
  tags?: string[];
  address?: { zip: string; street?: string };
  joinedAt?: string;
}

const people: Person[] = [
  { _id: 'p1', name: 'Anna', age: 34, city: 'Kassel', tags: ['admin', 'de'], address: { zip: '34117' }, joinedAt: '2025-01-10' },
  { _id: 'p2', name: 'Bernd', age: 51, city: 'Fulda', tags: ['de'], address: { zip: '36037' }, joinedAt: '2025-03-01' },
  { _id: 'p3', name: 'Clara', age: 28, city: null, tags: [], joinedAt: '2025-02-15' },
  { _id: 'p4', name: 'Dieter', age: 34, city: 'Kassel', address: { zip: '34119' } },
  { _id: 'p5', name: 'Eva' },
];

const ids = (docs: readonly StoredDocument[]) => docs.map((doc) => doc._id).sort();

describe.each(storeBackendTable)('DocumentStore contract (%s)', (_name, backend) => {
  let testStore: TestStore;
  let sut: DocumentStore;
  let persons: Collection<Person>;

  beforeEach(async () => {
    testStore = await backend.open();
    sut = testStore.store;
    persons = sut.collection<Person>('persons');
  });
  afterEach(() => testStore.cleanup());

  describe('CRUD', () => {
    it('returns an inserted document unchanged, without added fields', async () => {
      const doc = { _id: 'x1', text: 'Grüße', n: 1.5, ok: false, none: null, list: [1, 'a', { b: [true] }], nested: { a: { b: 'c' } } };
      await sut.collection('things').insertOne(doc);
      expect(await sut.collection('things').findOne({ _id: 'x1' })).toEqual(doc);
      expect(await sut.collection('things').findOne({ _id: 'missing' })).toBeNull();
    });

    it('refuses a second document with the same _id with DUPLICATE_KEY', async () => {
      await persons.insertOne({ _id: 'p1', name: 'Anna' });
      await expect(persons.insertOne({ _id: 'p1', name: 'Other' })).rejects.toMatchObject({ code: ErrorCode.DuplicateKey });
      expect(await persons.findOne({ _id: 'p1' })).toEqual({ _id: 'p1', name: 'Anna' });
    });

    it('inserts in order and keeps the documents before a duplicate', async () => {
      await persons.insertOne({ _id: 'b', name: 'B' });
      await expect(persons.insertMany([{ _id: 'a', name: 'A' }, { _id: 'b', name: 'B2' }, { _id: 'c', name: 'C' }])).rejects.toMatchObject({
        code: ErrorCode.DuplicateKey,
      });
      expect(ids(await persons.find({}))).toEqual(['a', 'b']);
    });

    it('refuses documents without a string _id or with $-prefixed or dotted field names', async () => {
      const things = sut.collection<StoredDocument & Record<string, unknown>>('things');
      await expect(things.insertOne({ name: 'x' } as unknown as StoredDocument & Record<string, unknown>)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
      await expect(things.insertOne({ _id: 'a', bad: { $gt: 1 } })).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
      await expect(things.insertOne({ _id: 'b', bad: { 'a.b': 1 } })).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
      expect(await things.countDocuments()).toBe(0);
    });

    it('deletes one or many matching documents and reports how many', async () => {
      await persons.insertMany(people);
      expect(await persons.deleteOne({ city: 'Kassel' })).toBe(1);
      expect(await persons.countDocuments({ city: 'Kassel' })).toBe(1);
      expect(await persons.deleteMany({ age: { $gte: 30 } })).toBe(2);
      expect(ids(await persons.find({}))).toEqual(['p3', 'p5']);
      expect(await persons.deleteOne({ _id: 'nope' })).toBe(0);
    });

    it('counts all or matching documents', async () => {
      await persons.insertMany(people);
      expect(await persons.countDocuments()).toBe(5);
      expect(await persons.countDocuments({ age: 34 })).toBe(2);
    });

    it('replaces a whole document, upserts with replaceOne and keeps _id immutable', async () => {
      await persons.insertOne({ _id: 'p1', name: 'Anna', age: 34 });
      expect(await persons.replaceOne({ _id: 'p1' }, { _id: 'p1', name: 'Anna B.' })).toMatchObject({ matchedCount: 1 });
      expect(await persons.findOne({ _id: 'p1' })).toEqual({ _id: 'p1', name: 'Anna B.' });
      expect(await persons.replaceOne({ _id: 'p9' }, { _id: 'p9', name: 'X' })).toMatchObject({ matchedCount: 0, upsertedId: null });
      expect(await persons.findOne({ _id: 'p9' })).toBeNull();
      expect(await persons.replaceOne({ _id: 'p9' }, { _id: 'p9', name: 'X' }, { upsert: true })).toMatchObject({ matchedCount: 0, upsertedId: 'p9' });
      expect(await persons.findOne({ _id: 'p9' })).toEqual({ _id: 'p9', name: 'X' });
      await expect(persons.replaceOne({ _id: 'p1' }, { _id: 'other', name: 'Y' })).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    });
  });

  describe('filters', () => {
    beforeEach(() => persons.insertMany(people));

    it.each<[string, Record<string, unknown>, string[]]>([
      ['equality', { city: 'Kassel' }, ['p1', 'p4']],
      ['dotted path', { 'address.zip': '36037' }, ['p2']],
      ['array contains', { tags: 'de' }, ['p1', 'p2']],
      ['$eq', { age: { $eq: 34 } }, ['p1', 'p4']],
      ['$ne (missing fields match)', { city: { $ne: 'Kassel' } }, ['p2', 'p3', 'p5']],
      ['$ne on an array', { tags: { $ne: 'admin' } }, ['p2', 'p3', 'p4', 'p5']],
      ['$gt', { age: { $gt: 34 } }, ['p2']],
      ['$gte', { age: { $gte: 34 } }, ['p1', 'p2', 'p4']],
      ['$lt', { age: { $lt: 34 } }, ['p3']],
      ['$lte on ISO strings', { joinedAt: { $lte: '2025-02-15' } }, ['p1', 'p3']],
      ['range', { age: { $gt: 28, $lt: 51 } }, ['p1', 'p4']],
      ['$in', { name: { $in: ['Anna', 'Eva', 'Zora'] } }, ['p1', 'p5']],
      ['$nin', { city: { $nin: ['Kassel', 'Fulda'] } }, ['p3', 'p5']],
      ['$exists true', { age: { $exists: true } }, ['p1', 'p2', 'p3', 'p4']],
      ['$exists false', { address: { $exists: false } }, ['p3', 'p5']],
      ['null equals null', { city: null }, ['p3', 'p5']],
      ['$and', { $and: [{ city: 'Kassel' }, { 'address.zip': '34119' }] }, ['p4']],
      ['$or', { $or: [{ age: 51 }, { name: 'Eva' }] }, ['p2', 'p5']],
      ['$or with $and inside', { $or: [{ $and: [{ age: 34 }, { tags: 'admin' }] }, { city: 'Fulda' }] }, ['p1', 'p2']],
    ])('supports %s', async (_label, filter, expected) => {
      expect(ids(await persons.find(filter))).toEqual(expected);
      expect(await persons.countDocuments(filter)).toBe(expected.length);
    });

    it.each<[string, Record<string, unknown>]>([
      ['$where', { $where: 'true' }],
      ['$regex', { name: { $regex: '^A' } }],
      ['$expr', { $expr: { $eq: ['$age', 34] } }],
      ['$elemMatch', { tags: { $elemMatch: { $eq: 'de' } } }],
      ['a RegExp value', { name: /^A/ }],
      ['an operator object mixed with fields', { age: { $gt: 1, x: 2 } }],
    ])('refuses %s with VALIDATION_FAILED', async (_label, filter) => {
      await expect(persons.find(filter)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    });

    it('sorts, skips and limits', async () => {
      const byAgeDesc = await persons.find({ age: { $exists: true } }, { sort: { age: -1, name: 1 } });
      expect(byAgeDesc.map((p) => p.name)).toEqual(['Bernd', 'Anna', 'Dieter', 'Clara']);
      const page = await persons.find({}, { sort: { name: 1 }, skip: 1, limit: 2 });
      expect(page.map((p) => p.name)).toEqual(['Bernd', 'Clara']);
      const tail = await persons.find({}, { sort: { name: -1 }, skip: 4, limit: 10 });
      expect(tail.map((p) => p.name)).toEqual(['Anna']);
    });
  });
});

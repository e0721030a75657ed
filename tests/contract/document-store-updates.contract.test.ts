import { ErrorCode } from '../../src/domain/errors';
import type { Collection, DocumentStore, StoredDocument } from '../../src/storage/document-store';
import type { TestStore } from '../support/test-stores';
import { storeBackendTable } from '../support/test-stores';

interface Ticket extends StoredDocument {
  number?: string;
  status?: string;
  version?: number;
  assignee?: string | null;
  events?: string[];
  counters?: Record<string, number>;
  meta?: Record<string, unknown>;
  createdBy?: string;
  hits?: number;
}

describe.each(storeBackendTable)('DocumentStore contract, updates and concurrency (%s)', (_name, backend) => {
  let testStore: TestStore;
  let sut: DocumentStore;
  let tickets: Collection<Ticket>;

  beforeEach(async () => {
    testStore = await backend.open();
    sut = testStore.store;
    tickets = sut.collection<Ticket>('tickets');
  });
  afterEach(() => testStore.cleanup());

  describe('update operators', () => {
    beforeEach(() => tickets.insertOne({ _id: 't1', status: 'new', version: 1, events: ['created'], meta: { a: 1, b: 2 } }));

    it('applies $set (also on dotted paths), $unset and $inc and reports the counts', async () => {
      const result = await tickets.updateOne({ _id: 't1' }, { $set: { status: 'assigned', 'meta.c.d': 'x' }, $unset: { 'meta.a': '' }, $inc: { version: 1, 'counters.replies': 2 } });
      expect(result).toEqual({ matchedCount: 1, modifiedCount: 1, upsertedId: null });
      expect(await tickets.findOne({ _id: 't1' })).toEqual({
        _id: 't1', status: 'assigned', version: 2, events: ['created'], meta: { b: 2, c: { d: 'x' } }, counters: { replies: 2 },
      });
    });

    it('reports no match without changing anything', async () => {
      expect(await tickets.updateOne({ _id: 't1', version: 7 }, { $set: { status: 'x' } })).toEqual({ matchedCount: 0, modifiedCount: 0, upsertedId: null });
      expect((await tickets.findOne({ _id: 't1' }))?.status).toBe('new');
    });

    it('appends with $push, also several with $each, and keeps the last n with $slice', async () => {
      await tickets.updateOne({ _id: 't1' }, { $push: { events: 'assigned' } });
      await tickets.updateOne({ _id: 't1' }, { $push: { events: { $each: ['a', 'b', 'c'], $slice: -3 } } });
      expect((await tickets.findOne({ _id: 't1' }))?.events).toEqual(['a', 'b', 'c']);
      const after = await tickets.findOneAndUpdate({ _id: 't1' }, { $push: { events: { $each: ['d'], $slice: -2 } } });
      expect(after?.events).toEqual(['c', 'd']);
      await tickets.updateOne({ _id: 't1' }, { $push: { events: { $each: ['e', 'f'], $slice: 3 } } });
      expect((await tickets.findOne({ _id: 't1' }))?.events).toEqual(['c', 'd', 'e']);
    });

    it('creates the array on $push to a missing field', async () => {
      await tickets.updateOne({ _id: 't1' }, { $push: { 'meta.notes': { $each: [{ by: 'u1' }], $slice: -5 } } });
      expect((await tickets.findOne({ _id: 't1' }))?.meta).toEqual({ a: 1, b: 2, notes: [{ by: 'u1' }] });
    });

    it('returns the document before or after findOneAndUpdate, null without a match', async () => {
      const before = await tickets.findOneAndUpdate({ _id: 't1' }, { $inc: { version: 1 } }, { returnDocument: 'before' });
      expect(before?.version).toBe(1);
      const after = await tickets.findOneAndUpdate({ _id: 't1' }, { $inc: { version: 1 } });
      expect(after?.version).toBe(3);
      expect(await tickets.findOneAndUpdate({ _id: 'none' }, { $inc: { version: 1 } })).toBeNull();
    });

    it.each<[string, Record<string, unknown>]>([
      ['$rename', { $rename: { status: 'state' } }],
      ['$set of _id', { $set: { _id: 'other' } }],
      ['$inc by a string', { $inc: { version: '1' } }],
      ['$push with $position', { $push: { events: { $each: ['x'], $position: 0 } } }],
      ['no operator', {}],
    ])('refuses %s with VALIDATION_FAILED', async (_label, update) => {
      await expect(tickets.updateOne({ _id: 't1' }, update)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
      expect(await tickets.findOne({ _id: 't1' })).toMatchObject({ status: 'new', version: 1 });
    });
  });

  describe('upserts', () => {
    it('inserts with $setOnInsert and the filter equalities once, then only updates', async () => {
      const update = { $setOnInsert: { createdBy: 'u1', status: 'new' }, $inc: { hits: 1 } };
      const first = await tickets.updateOne({ _id: 'c1', number: 'LOT-1' }, update, { upsert: true });
      expect(first).toEqual({ matchedCount: 0, modifiedCount: 0, upsertedId: 'c1' });
      const second = await tickets.updateOne({ _id: 'c1' }, { ...update, $setOnInsert: { createdBy: 'u2' } }, { upsert: true });
      expect(second).toEqual({ matchedCount: 1, modifiedCount: 1, upsertedId: null });
      expect(await tickets.findOne({ _id: 'c1' })).toEqual({ _id: 'c1', number: 'LOT-1', createdBy: 'u1', status: 'new', hits: 2 });
    });

    it('returns the inserted document after, null before, on findOneAndUpdate upserts', async () => {
      expect(await tickets.findOneAndUpdate({ _id: 'c2' }, { $setOnInsert: { status: 'new' } }, { upsert: true, returnDocument: 'before' })).toBeNull();
      const after = await tickets.findOneAndUpdate({ _id: 'c3' }, { $set: { status: 'new' }, $inc: { hits: 1 } }, { upsert: true });
      expect(after).toEqual({ _id: 'c3', status: 'new', hits: 1 });
    });

    it('takes the _id from $setOnInsert and refuses an upsert without an application id', async () => {
      await tickets.updateOne({ number: 'LOT-7' }, { $setOnInsert: { _id: 'gen-7' }, $set: { status: 'new' } }, { upsert: true });
      expect(await tickets.findOne({ number: 'LOT-7' })).toEqual({ _id: 'gen-7', number: 'LOT-7', status: 'new' });
      await expect(tickets.updateOne({ number: 'LOT-8' }, { $set: { status: 'new' } }, { upsert: true })).rejects.toMatchObject({
        code: ErrorCode.ValidationFailed,
      });
      expect(await tickets.countDocuments({ number: 'LOT-8' })).toBe(0);
    });
  });

  describe('unique indexes', () => {
    beforeEach(async () => {
      await tickets.createIndex({ fields: { number: 1 }, unique: true, name: 'number_unique' });
      await tickets.createIndex({ fields: { number: 1 }, unique: true, name: 'number_unique' });
      await tickets.insertOne({ _id: 'a', number: 'LOT-1' });
      await tickets.insertOne({ _id: 'b', number: 'LOT-2' });
    });

    it('refuses a duplicate on insert, update, upsert and replace with DUPLICATE_KEY', async () => {
      const duplicate = { code: ErrorCode.DuplicateKey };
      await expect(tickets.insertOne({ _id: 'c', number: 'LOT-1' })).rejects.toMatchObject(duplicate);
      await expect(tickets.updateOne({ _id: 'b' }, { $set: { number: 'LOT-1' } })).rejects.toMatchObject(duplicate);
      await expect(tickets.findOneAndUpdate({ _id: 'b' }, { $set: { number: 'LOT-1' } })).rejects.toMatchObject(duplicate);
      await expect(tickets.updateOne({ _id: 'd' }, { $set: { number: 'LOT-2' } }, { upsert: true })).rejects.toMatchObject(duplicate);
      await expect(tickets.replaceOne({ _id: 'b' }, { _id: 'b', number: 'LOT-1' })).rejects.toMatchObject(duplicate);
      expect(await tickets.find({}, { sort: { _id: 1 } })).toEqual([{ _id: 'a', number: 'LOT-1' }, { _id: 'b', number: 'LOT-2' }]);
    });

    it('refuses a unique index over existing duplicates with DUPLICATE_KEY', async () => {
      const states = sut.collection<Ticket>('states');
      await states.insertMany([{ _id: 'c', status: 'new' }, { _id: 'd', status: 'new' }]);
      await expect(states.createIndex({ fields: { status: 1 }, unique: true })).rejects.toMatchObject({ code: ErrorCode.DuplicateKey });
      await states.insertOne({ _id: 'e', status: 'new' });
      expect(await states.countDocuments({ status: 'new' })).toBe(3);
    });

    it('enforces compound unique indexes on the combination only', async () => {
      const pairs = sut.collection<StoredDocument & { conversation: string; activity: string }>('pairs');
      await pairs.createIndex({ fields: { conversation: 1, activity: 1 }, unique: true });
      await pairs.insertOne({ _id: '1', conversation: 'c1', activity: 'a1' });
      await pairs.insertOne({ _id: '2', conversation: 'c1', activity: 'a2' });
      await expect(pairs.insertOne({ _id: '3', conversation: 'c1', activity: 'a1' })).rejects.toMatchObject({ code: ErrorCode.DuplicateKey });
    });
  });

  describe('concurrency', () => {
    it('loses none of 50 concurrent $inc', async () => {
      await tickets.insertOne({ _id: 'counter', hits: 0 });
      await Promise.all(Array.from({ length: 50 }, () => tickets.updateOne({ _id: 'counter' }, { $inc: { hits: 1 } })));
      expect((await tickets.findOne({ _id: 'counter' }))?.hits).toBe(50);
    });

    it('creates a counter once under 20 concurrent upserting increments', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, () => tickets.findOneAndUpdate({ _id: 'seq-2026' }, { $inc: { hits: 1 } }, { upsert: true })),
      );
      expect(results.map((doc) => doc?.hits).sort((a = 0, b = 0) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });

    it('lets exactly one of 50 concurrent claims with the same expected version win', async () => {
      await tickets.insertOne({ _id: 't1', status: 'new', version: 1, assignee: null });
      const claims = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          tickets.findOneAndUpdate({ _id: 't1', version: 1, status: 'new' }, { $set: { status: 'assigned', assignee: `advisor-${i}` }, $inc: { version: 1 } }),
        ),
      );
      const winners = claims.filter((doc): doc is Ticket => doc !== null);
      expect(winners).toHaveLength(1);
      expect(await tickets.findOne({ _id: 't1' })).toEqual({ _id: 't1', status: 'assigned', version: 2, assignee: winners[0]?.assignee });
    });

    it('lets exactly one of two updateOne calls with the same expected version win', async () => {
      await tickets.insertOne({ _id: 't2', status: 'new', version: 1 });
      const results = await Promise.all([
        tickets.updateOne({ _id: 't2', version: 1 }, { $set: { status: 'resolved' }, $inc: { version: 1 } }),
        tickets.updateOne({ _id: 't2', version: 1 }, { $set: { status: 'closed' }, $inc: { version: 1 } }),
      ]);
      expect(results.map((r) => r.matchedCount).sort()).toEqual([0, 1]);
      expect((await tickets.findOne({ _id: 't2' }))?.version).toBe(2);
    });
  });
});

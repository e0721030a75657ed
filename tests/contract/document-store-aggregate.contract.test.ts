import { ErrorCode } from '../../src/domain/errors';
import type { Collection, DocumentStore, StoredDocument } from '../../src/storage/document-store';
import type { TestStore } from '../support/test-stores';
import { storeBackendTable } from '../support/test-stores';

interface Question extends StoredDocument {
  outcome: 'answer' | 'choices' | 'none';
  score: number;
  askedAt: string;
  tags: string[];
}

const questions: Question[] = [
  { _id: 'q1', outcome: 'answer', score: 0.9, askedAt: '2026-01-01', tags: ['ozg', 'eakte'] },
  { _id: 'q2', outcome: 'answer', score: 0.7, askedAt: '2026-01-03', tags: ['ozg'] },
  { _id: 'q3', outcome: 'none', score: 0.1, askedAt: '2026-01-02', tags: [] },
  { _id: 'q4', outcome: 'choices', score: 0.5, askedAt: '2026-01-05', tags: ['dsgvo'] },
  { _id: 'q5', outcome: 'none', score: 0.2, askedAt: '2026-01-04', tags: ['ozg'] },
];

describe.each(storeBackendTable)('DocumentStore contract, aggregation and lifecycle (%s)', (_name, backend) => {
  let testStore: TestStore;
  let sut: DocumentStore;
  let log: Collection<Question>;

  beforeEach(async () => {
    testStore = await backend.open();
    sut = testStore.store;
    log = sut.collection<Question>('questions');
    await log.insertMany(questions);
  });
  afterEach(() => testStore.cleanup());

  it('groups with $sum, $avg, $min and $max after $match, sorted', async () => {
    const rows = await log.aggregate([
      { $match: { askedAt: { $gte: '2026-01-02' } } },
      { $group: { _id: '$outcome', count: { $sum: 1 }, total: { $sum: '$score' }, avg: { $avg: '$score' }, min: { $min: '$score' }, max: { $max: '$score' } } },
      { $sort: { _id: 1 } },
    ]);
    expect(rows).toEqual([
      { _id: 'answer', count: 1, total: 0.7, avg: 0.7, min: 0.7, max: 0.7 },
      { _id: 'choices', count: 1, total: 0.5, avg: 0.5, min: 0.5, max: 0.5 },
      { _id: 'none', count: 2, total: expect.closeTo(0.3, 10), avg: expect.closeTo(0.15, 10), min: 0.1, max: 0.2 },
    ]);
  });

  it('takes $first and $last in the order of a preceding $sort', async () => {
    const rows = await log.aggregate([
      { $sort: { askedAt: 1 } },
      { $group: { _id: '$outcome', first: { $first: '$_id' }, last: { $last: '$_id' } } },
      { $sort: { _id: -1 } },
    ]);
    expect(rows).toEqual([
      { _id: 'none', first: 'q3', last: 'q5' },
      { _id: 'choices', first: 'q4', last: 'q4' },
      { _id: 'answer', first: 'q1', last: 'q2' },
    ]);
  });

  it('unwinds arrays, groups over the whole set with _id null and renames with $project', async () => {
    const perTag = await log.aggregate([{ $unwind: '$tags' }, { $group: { _id: '$tags', n: { $sum: 1 } } }, { $sort: { n: -1, _id: 1 } }, { $limit: 2 }]);
    expect(perTag).toEqual([{ _id: 'ozg', n: 3 }, { _id: 'dsgvo', n: 1 }]);
    const overall = await log.aggregate([{ $group: { _id: null, n: { $sum: 1 }, best: { $max: '$score' } } }, { $project: { _id: 0, questions: '$n', best: 1 } }]);
    expect(overall).toEqual([{ questions: 5, best: 0.9 }]);
  });

  it('projects, skips, limits and counts', async () => {
    const page = await log.aggregate([{ $sort: { score: -1 } }, { $skip: 1 }, { $limit: 2 }, { $project: { score: 1 } }]);
    expect(page).toEqual([{ _id: 'q2', score: 0.7 }, { _id: 'q4', score: 0.5 }]);
    expect(await log.aggregate([{ $match: { outcome: 'none' } }, { $count: 'unanswered' }])).toEqual([{ unanswered: 2 }]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['$lookup', { $lookup: { from: 'x', localField: 'a', foreignField: 'b', as: 'c' } }],
    ['$facet', { $facet: { a: [{ $count: 'n' }] } }],
    ['$push in $group', { $group: { _id: '$outcome', ids: { $push: '$_id' } } }],
    ['an unsupported $match operator', { $match: { $where: 'true' } }],
  ])('refuses %s with VALIDATION_FAILED', async (_label, stage) => {
    await expect(log.aggregate([stage])).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
  });

  it('answers ping while open; after close ping and operations fail with STORE_UNAVAILABLE, close is idempotent', async () => {
    await expect(sut.ping()).resolves.toBeUndefined();
    await sut.close();
    await sut.close();
    await expect(sut.ping()).rejects.toMatchObject({ code: ErrorCode.StoreUnavailable });
    await expect(log.countDocuments()).rejects.toMatchObject({ code: ErrorCode.StoreUnavailable });
  });
});

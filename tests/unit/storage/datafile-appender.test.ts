import { serializeLine } from '../../../src/storage/embedded/datafile-appender';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serialize } = require('@seald-io/nedb/lib/model.js') as { serialize: (doc: unknown) => string };

describe('serializeLine', () => {
  it.each([
    ['a bot state document', { _id: 'msteams/conversations/a:1/', eTag: 'e-1', state: '{"dialogState":{"dialogStack":[]}}', updatedAt: '2026-03-02T10:00:00.000Z' }],
    [
      'a question record',
      {
        _id: 'q-1',
        id: 'q-1',
        askedAt: '2026-03-02T10:00:00.000Z',
        text: 'Wie geht "das"?\n\u2028',
        intent: null,
        candidates: [{ entryId: 'kb-001', score: 3.25, confidence: 0.9 }],
        answeredEntryId: null,
        count: Number.NaN,
        nested: { deep: [1, [2, { three: true }]], missing: undefined },
      },
    ],
    ['a removal marker', { $$deleted: true, _id: 'q-2' }],
    ['an index marker', { $$indexCreated: { fieldName: 'askedAt', unique: false } }],
    ['a document with a Date', { _id: 'd', at: new Date('2026-03-02T10:00:00.000Z'), list: [new Date(0)] }],
    ['an object with its own toJSON', { _id: 't', value: { toJSON: () => 'x' } }],
    ['a null-prototype object', { _id: 'n', inner: Object.assign(Object.create(null) as object, { a: 1 }) }],
  ])('writes %s exactly as nedb does', (_name, doc) => {
    expect(serializeLine(doc)).toBe(serialize(doc));
  });

  it('refuses field names nedb refuses, as nedb does', () => {
    expect(() => serializeLine({ _id: 'x', 'a.b': 1 })).toThrow('Field names cannot contain a .');
    expect(() => serializeLine({ _id: 'x', inner: { $set: 1 } })).toThrow('Field names cannot begin with the $ character');
  });
});

import { cloneStored } from '../../../src/storage/embedded/nedb-documents';

describe('cloneStored', () => {
  it('copies nested objects and arrays and clones Dates, so that the copy shares nothing mutable', () => {
    const at = new Date('2026-03-02T10:00:00.000Z');
    const original = { _id: 'q-1', text: 'Wie?', n: 1.5, ok: true, none: null, at, candidates: [{ entryId: 'kb-1', score: 2 }], nested: { list: [1, [2]] } };
    const copy = cloneStored(original);
    expect(copy).toEqual(original);
    expect(copy.candidates).not.toBe(original.candidates);
    expect(copy.candidates[0]).not.toBe(original.candidates[0]);
    expect(copy.nested.list[1]).not.toBe(original.nested.list[1]);
    expect(copy.at).not.toBe(at);
    expect(copy.at.getTime()).toBe(at.getTime());
  });
});

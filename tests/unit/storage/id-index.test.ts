import { IdIndex } from '../../../src/storage/embedded/id-index';

type Doc = Record<string, unknown> & { _id: string };

const doc = (id: string, n = 0): Doc => ({ _id: id, n });

describe('IdIndex (nedb _id index as a Map)', () => {
  it('finds documents by id and by a list of ids, each once', () => {
    const sut = new IdIndex();
    const [a, b] = [doc('a'), doc('b')];
    sut.insert([a, b]);
    expect(sut.getMatching('a')).toEqual([a]);
    expect(sut.getMatching('zz')).toEqual([]);
    expect(sut.getMatching(['b', 'zz', 'a', 'b'])).toEqual([b, a]);
  });

  it('refuses a taken id with the error nedb throws, and inserts none of an array with one', () => {
    const sut = new IdIndex();
    sut.insert(doc('a'));
    expect(() => sut.insert(doc('a', 1))).toThrow(expect.objectContaining({ errorType: 'uniqueViolated', key: 'a' }));
    expect(() => sut.insert([doc('b'), doc('a', 2)])).toThrow(expect.objectContaining({ errorType: 'uniqueViolated' }));
    expect(sut.getAll().map((d) => d._id)).toEqual(['a']);
  });

  it('removes a document only if it is the one stored under its id', () => {
    const sut = new IdIndex();
    const stored = doc('a');
    sut.insert(stored);
    sut.remove(doc('a'));
    expect(sut.getMatching('a')).toEqual([stored]);
    sut.remove(stored);
    expect(sut.getAll()).toEqual([]);
  });

  it('replaces a document on update and changes nothing when the new id is taken', () => {
    const sut = new IdIndex();
    const [a, b] = [doc('a'), doc('b')];
    sut.insert([a, b]);
    const a2 = doc('a', 2);
    sut.update(a, a2);
    expect(sut.getMatching('a')).toEqual([a2]);
    expect(() => sut.update([{ oldDoc: a2, newDoc: doc('b', 3) }])).toThrow(expect.objectContaining({ errorType: 'uniqueViolated' }));
    expect(sut.getMatching('a')).toEqual([a2]);
    expect(sut.getMatching('b')).toEqual([b]);
    sut.revertUpdate(a, a2);
    expect(sut.getMatching('a')).toEqual([a]);
  });

  it('answers id ranges in id order, and starts over on reset', () => {
    const sut = new IdIndex();
    sut.insert([doc('c'), doc('a'), doc('b'), doc('d')]);
    expect(sut.getBetweenBounds({ $gt: 'a', $lte: 'c' }).map((d) => d._id)).toEqual(['b', 'c']);
    sut.reset([doc('x')]);
    expect(sut.getAll().map((d) => d._id)).toEqual(['x']);
  });
});

import { readForm, readParams, readQuery } from '../../../../src/http/dashboard/request-input';

describe('readQuery', () => {
  it('gives strings, and arrays for repeated keys', () => {
    expect(readQuery('/dashboard/tickets?status=new&status=assigned&q=R%C3%BCckfrage&empty=')).toEqual({
      status: ['new', 'assigned'],
      q: 'Rückfrage',
      empty: '',
    });
    expect(readQuery('/dashboard')).toEqual({});
  });

  it('never builds objects from bracket keys or prototype names', () => {
    const query = readQuery('/dashboard?a[b]=c&__proto__[x]=1&constructor=y');
    expect(query['a[b]']).toBe('c');
    expect(query['__proto__[x]']).toBe('1');
    expect(typeof query.constructor).toBe('string');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('readForm', () => {
  it('passes strings and arrays of strings, without _csrf', () => {
    expect(readForm({ _csrf: 't', title: 'Neu', tags: ['a', 'b'] })).toEqual({ title: 'Neu', tags: ['a', 'b'] });
    expect(readForm(undefined)).toEqual({});
    expect(readForm('')).toEqual({});
  });

  it('refuses objects and anything else that is not text', () => {
    expect(readForm({ a: { b: 'c' } })).toBeNull();
    expect(readForm({ a: ['x', { b: 'c' }] })).toBeNull();
    expect(readForm({ a: 1 })).toBeNull();
    expect(readForm('raw text')).toBeNull();
    expect(readForm(['a'])).toBeNull();
  });
});

describe('readParams', () => {
  it('passes string path parameters and refuses anything else', () => {
    expect(readParams({ id: 'LOT-2026-000001' })).toEqual({ id: 'LOT-2026-000001' });
    expect(readParams(undefined)).toEqual({});
    expect(readParams({ id: ['a'] })).toBeNull();
  });
});

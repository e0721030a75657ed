import { checkPost, expectedOrigins, isSameOrigin } from '../../../../src/http/dashboard/request-checks';

const FORM = 'application/x-www-form-urlencoded';
const CSRF = 'k'.repeat(43);

describe('origin check', () => {
  it('expects the public URL when configured, else the request host over http or https', () => {
    expect(expectedOrigins('https://lotse.example.org', { host: 'evil.example' })).toEqual(['https://lotse.example.org']);
    expect(expectedOrigins(undefined, { host: '127.0.0.1:3978' })).toEqual(['http://127.0.0.1:3978', 'https://127.0.0.1:3978']);
  });

  it('accepts our Origin, or our Referer when there is no Origin, or neither header', () => {
    const ours = ['https://lotse.example.org'];
    expect(isSameOrigin({ origin: 'https://lotse.example.org' }, ours)).toBe(true);
    expect(isSameOrigin({ referer: 'https://lotse.example.org/dashboard/tickets?x=1' }, ours)).toBe(true);
    expect(isSameOrigin({}, ours)).toBe(true);
  });

  it('refuses a foreign or opaque Origin, a foreign or broken Referer', () => {
    const ours = ['https://lotse.example.org'];
    expect(isSameOrigin({ origin: 'https://evil.example' }, ours)).toBe(false);
    expect(isSameOrigin({ origin: 'null' }, ours)).toBe(false);
    expect(isSameOrigin({ origin: 'http://lotse.example.org' }, ours)).toBe(false);
    expect(isSameOrigin({ referer: 'https://lotse.example.org.evil.example/' }, ours)).toBe(false);
    expect(isSameOrigin({ referer: 'not a url' }, ours)).toBe(false);
    expect(isSameOrigin({ origin: 'https://evil.example', referer: 'https://lotse.example.org/' }, ours)).toBe(false);
  });
});

describe('checkPost', () => {
  const ours = ['http://127.0.0.1:3978'];

  it('passes a same-origin form with the session token', () => {
    expect(checkPost({ 'content-type': FORM, origin: ours[0] }, { _csrf: CSRF }, CSRF, ours)).toBeNull();
    expect(checkPost({ 'content-type': `${FORM}; charset=UTF-8` }, { _csrf: CSRF, x: '1' }, CSRF, ours)).toBeNull();
  });

  it('refuses a missing, empty, wrong or non-string token', () => {
    expect(checkPost({ 'content-type': FORM }, {}, CSRF, ours)).toBe('csrf_missing');
    expect(checkPost({ 'content-type': FORM }, { _csrf: '' }, CSRF, ours)).toBe('csrf_missing');
    expect(checkPost({ 'content-type': FORM }, { _csrf: [CSRF, CSRF] }, CSRF, ours)).toBe('csrf_missing');
    expect(checkPost({ 'content-type': FORM }, { _csrf: 'j'.repeat(43) }, CSRF, ours)).toBe('csrf_mismatch');
    expect(checkPost({ 'content-type': FORM }, undefined, CSRF, ours)).toBe('csrf_missing');
  });

  it('refuses a foreign origin even with the right token, and anything that is not a form', () => {
    expect(checkPost({ 'content-type': FORM, origin: 'https://evil.example' }, { _csrf: CSRF }, CSRF, ours)).toBe('cross_origin');
    expect(checkPost({ 'content-type': 'application/json' }, { _csrf: CSRF }, CSRF, ours)).toBe('content_type');
    expect(checkPost({ 'content-type': 'text/plain' }, `_csrf=${CSRF}`, CSRF, ours)).toBe('content_type');
    expect(checkPost({}, { _csrf: CSRF }, CSRF, ours)).toBe('content_type');
  });
});

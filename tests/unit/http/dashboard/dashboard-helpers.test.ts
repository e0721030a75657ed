import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { safeReturnPath, signInPath } from '../../../../src/http/dashboard/auth/return-path';
import { clearCookie, readCookie, serializeCookie } from '../../../../src/http/dashboard/cookies';
import { FixedWindowRateLimiter } from '../../../../src/http/dashboard/rate-limiter';
import { contentDisposition } from '../../../../src/http/dashboard/route-runner';
import { applySecurityHeaders } from '../../../../src/http/dashboard/security-headers';

describe('safeReturnPath', () => {
  it('keeps dashboard paths with query', () => {
    expect(safeReturnPath('/dashboard/tickets?assignee=me')).toBe('/dashboard/tickets?assignee=me');
    expect(safeReturnPath('/dashboard')).toBe('/dashboard');
  });

  it('sends everything else home: other hosts, other paths, sign-in pages, tricks', () => {
    for (const value of [
      'https://evil.example/dashboard',
      '//evil.example',
      '/\\evil.example',
      '/dashboard\\@evil.example',
      '/dashboardx',
      '/api/messages',
      '/dashboard/sign-in?returnTo=/x',
      '/dashboard/auth/callback',
      '/dashboard/tickets\n',
      ['/dashboard/tickets'],
      undefined,
      `/dashboard/${'x'.repeat(3000)}`,
    ]) {
      expect(safeReturnPath(value)).toBe('/dashboard');
    }
  });

  it('builds the sign-in path with the return path', () => {
    expect(signInPath('/dashboard/tickets?assignee=me')).toBe('/dashboard/sign-in?returnTo=%2Fdashboard%2Ftickets%3Fassignee%3Dme');
    expect(signInPath('/dashboard')).toBe('/dashboard/sign-in');
  });
});

describe('cookies', () => {
  it('reads one cookie among several', () => {
    expect(readCookie({ cookie: 'a=1; lotse_session=abc; b=2' }, 'lotse_session')).toBe('abc');
    expect(readCookie({ cookie: 'xlotse_session=abc' }, 'lotse_session')).toBeUndefined();
    expect(readCookie({}, 'lotse_session')).toBeUndefined();
  });

  it('always sets HttpOnly and SameSite=Lax; Secure as configured; deletes with Max-Age=0', () => {
    expect(serializeCookie('lotse_session', 'v', { path: '/dashboard', secure: true })).toBe('lotse_session=v; Path=/dashboard; HttpOnly; SameSite=Lax; Secure');
    expect(serializeCookie('s', 'v', { path: '/p', secure: false, maxAgeSeconds: 600 })).toBe('s=v; Path=/p; HttpOnly; SameSite=Lax; Max-Age=600');
    expect(clearCookie('s', { path: '/p', secure: true })).toMatch(/^s=; Path=\/p; HttpOnly; SameSite=Lax; Secure; Max-Age=0; Expires=/);
  });
});

describe('FixedWindowRateLimiter', () => {
  it('allows the limit per key and window, then refuses with the seconds to wait', () => {
    let now = 0;
    const sut = new FixedWindowRateLimiter(3, 60_000, () => now);
    expect([1, 2, 3].map(() => sut.take('a').allowed)).toEqual([true, true, true]);
    now = 15_000;
    expect(sut.take('a')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(sut.take('b').allowed).toBe(true);
    now = 60_000;
    expect(sut.take('a').allowed).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('sends an attachment with an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('Auswertung März.csv')).toBe(
      `attachment; filename="Auswertung_M_rz.csv"; filename*=UTF-8''Auswertung%20M%C3%A4rz.csv`,
    );
    expect(contentDisposition('../"x"\r\n.csv')).toBe(`attachment; filename=".._x_.csv"; filename*=UTF-8''..%22x%22.csv`);
  });
});

describe('applySecurityHeaders', () => {
  const headersOf = (https: boolean) => {
    const res = new ServerResponse(new IncomingMessage(new Socket()));
    applySecurityHeaders(res, { https });
    return res.getHeaders();
  };

  it('sends HSTS only when the dashboard is served over https', () => {
    expect(headersOf(true)['strict-transport-security']).toBe('max-age=31536000');
    expect(headersOf(false)['strict-transport-security']).toBeUndefined();
  });

  it('forbids framing, inline code and caching', () => {
    const headers = headersOf(false);
    expect(headers['content-security-policy']).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; connect-src 'self'",
    );
    expect(headers).toMatchObject({ 'x-frame-options': 'DENY', 'cache-control': 'no-store', 'cross-origin-opener-policy': 'same-origin', 'referrer-policy': 'same-origin' });
  });
});

import { hashToken } from '../../src/domain/access/session-token';
import { CONTENT_SECURITY_POLICY } from '../../src/http/dashboard/security-headers';
import { DashboardClient } from '../support/dashboard-client';
import type { TestLotse } from '../support/start-test-lotse';
import { captureLogs, capturedLogs, startTestLotse } from '../support/start-test-lotse';

captureLogs();

const DEV = { DASHBOARD_DEV_SIGN_IN: 'true', DASHBOARD_COOKIE_SECURE: 'false', DASHBOARD_SIGN_IN_LIMIT_PER_MINUTE: '1000' };
const MINUTE = 60_000;

function expectSecurityHeaders(response: Response): void {
  expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('referrer-policy')).toBe('same-origin');
  expect(response.headers.get('permissions-policy')).toMatch(/camera=\(\)/);
  expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
}

describe('dashboard in a running Lotse (development sign-in)', () => {
  let app: TestLotse;

  beforeAll(async () => {
    app = await startTestLotse(DEV);
    await app.lotse.ready;
  });
  afterAll(() => app.dispose());

  const sessionDocument = (client: DashboardClient) =>
    app.lotse.store!.collection<{ _id: string; lastSeenAt: string; expiresAt: string }>('dashboardSessions').findOne({ _id: hashToken(client.cookie('lotse_session')!) });

  it('sends a visitor without a session to the sign-in page, which offers the development sign-in', async () => {
    const client = new DashboardClient(app.url);
    const home = await client.get('/dashboard?from=mail');
    expect(home.status).toBe(302);
    expect(home.headers.get('location')).toBe('/dashboard/sign-in?returnTo=%2Fdashboard%3Ffrom%3Dmail');
    const signIn = await client.get(home.headers.get('location')!);
    expect(signIn.status).toBe(200);
    const page = await signIn.text();
    expect(page).toContain('<h1>Anmelden</h1>');
    expect(page).toContain('href="/dashboard/dev-sign-in?returnTo=%2Fdashboard%3Ffrom%3Dmail"');
  });

  it('signs an advisor in: session cookie (HttpOnly, SameSite=Lax, Path=/dashboard), back to the return path, advisor navigation', async () => {
    const client = new DashboardClient(app.url);
    const response = await client.signInDev('Ada Beraterin', ['advisor'], '/dashboard?from=mail');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/dashboard?from=mail');
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^lotse_session=[A-Za-z0-9_-]{43}; Path=\/dashboard; HttpOnly; SameSite=Lax$/);
    const home = await client.get('/dashboard');
    expect(home.status).toBe(200);
    const page = await home.text();
    expect(page).toContain('Angemeldet als <strong>Ada Beraterin</strong>');
    expect(page).toContain('href="/dashboard/tickets?assignee=me"');
    expect(page).not.toContain('href="/dashboard/knowledge"');
    expect(capturedLogs.join('\n')).not.toContain('Ada Beraterin');
  });

  it('shows admins the admin sections', async () => {
    const client = new DashboardClient(app.url);
    await client.signInDev('Grace Admin', ['admin']);
    const page = await (await client.get('/dashboard')).text();
    for (const href of ['/dashboard/knowledge', '/dashboard/console', '/dashboard/gaps', '/dashboard/analytics', '/dashboard/tickets']) {
      expect(page).toContain(`href="${href}"`);
    }
  });

  it('refuses a sign-in without a role with "Kein Zugriff" and no session', async () => {
    const client = new DashboardClient(app.url);
    const response = await client.signInDev('Nobody', []);
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
    const page = await response.text();
    expect(page).toContain('<h1>Kein Zugriff</h1>');
    expect(page).toContain('<strong>Nobody</strong>');
    expect(page).toContain('Lotse.Advisor');
  });

  it('re-shows the development form with a field error for an empty name', async () => {
    const client = new DashboardClient(app.url);
    const response = await client.signInDev('   ', ['advisor']);
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('class="field-error" id="name-error"');
    expect(page).toContain('aria-invalid="true" aria-describedby="name-error"');
  });

  it('refuses sign-out without, with a wrong or with a cross-origin CSRF token — the session stays', async () => {
    const client = new DashboardClient(app.url);
    await client.signInDev('Ada Beraterin', ['advisor']);
    const csrf = await client.csrfToken();
    const attempts = [
      await client.post('/dashboard/sign-out', {}),
      await client.post('/dashboard/sign-out', { _csrf: 'A'.repeat(43) }),
      await client.post('/dashboard/sign-out', { _csrf: csrf }, { origin: 'https://evil.example' }),
      await client.post('/dashboard/sign-out', { _csrf: csrf }, { origin: null, headers: { Referer: 'https://evil.example/' } }),
    ];
    expect(attempts.map((response) => response.status)).toEqual([403, 403, 403, 403]);
    expect(await attempts[0]!.text()).toContain('es wurde nichts geändert');
    expect(await sessionDocument(client)).not.toBeNull();
    expect((await client.get('/dashboard')).status).toBe(200);
  });

  it('signs out with the CSRF token: the session is deleted and its token is worthless', async () => {
    const client = new DashboardClient(app.url);
    await client.signInDev('Ada Beraterin', ['advisor']);
    const token = client.cookie('lotse_session')!;
    const response = await client.post('/dashboard/sign-out', { _csrf: await client.csrfToken() });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/dashboard/sign-in?signedOut=1');
    expect(response.headers.getSetCookie()[0]).toMatch(/^lotse_session=; Path=\/dashboard; HttpOnly; SameSite=Lax; Max-Age=0/);
    expect(await (await client.get('/dashboard/sign-in?signedOut=1')).text()).toContain('Sie wurden abgemeldet.');
    expect(await app.lotse.store!.collection('dashboardSessions').findOne({ _id: hashToken(token) })).toBeNull();
    client.setCookie('lotse_session', token, '/dashboard');
    expect((await client.get('/dashboard')).status).toBe(302);
  });

  it('ends a session after 30 idle minutes', async () => {
    const client = new DashboardClient(app.url);
    await client.signInDev('Ada Beraterin', ['advisor']);
    const sessions = app.lotse.store!.collection('dashboardSessions');
    const id = hashToken(client.cookie('lotse_session')!);
    await sessions.updateOne({ _id: id }, { $set: { lastSeenAt: new Date(Date.now() - 29 * MINUTE).toISOString() } });
    expect((await client.get('/dashboard')).status).toBe(200);
    await sessions.updateOne({ _id: id }, { $set: { lastSeenAt: new Date(Date.now() - 31 * MINUTE).toISOString() } });
    const response = await client.get('/dashboard');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/dashboard/sign-in');
    expect(await sessions.findOne({ _id: id })).toBeNull();
  });

  it('ends an active session at its absolute end (10 hours)', async () => {
    const client = new DashboardClient(app.url);
    await client.signInDev('Ada Beraterin', ['advisor']);
    const document = await sessionDocument(client);
    expect(Date.parse(document!.expiresAt) - Date.now()).toBeGreaterThan(10 * 60 * MINUTE - MINUTE);
    await app.lotse.store!.collection('dashboardSessions').updateOne({ _id: document!._id }, { $set: { expiresAt: new Date(Date.now() - 1000).toISOString() } });
    expect((await client.get('/dashboard')).status).toBe(302);
  });

  it('puts the security headers on every dashboard response', async () => {
    const client = new DashboardClient(app.url);
    const anonymous = [
      await client.get('/dashboard'),
      await client.get('/dashboard/sign-in'),
      await client.get('/dashboard/dev-sign-in'),
      await client.get('/dashboard/no-such-page'),
      await client.get('/dashboard/assets/dashboard.css'),
      await client.get('/dashboard/assets/dashboard.js'),
    ];
    await client.signInDev('Ada Beraterin', ['advisor']);
    const signedIn = [await client.get('/dashboard'), await client.post('/dashboard/sign-out', {})];
    for (const response of [...anonymous, ...signedIn]) expectSecurityHeaders(response);
    expect(anonymous[3]!.status).toBe(404);
    expect(await anonymous[3]!.text()).toContain('<h1>Seite nicht gefunden</h1>');
    expect(signedIn[0]!.headers.get('cache-control')).toBe('no-store');
    expect(signedIn[0]!.headers.get('strict-transport-security')).toBeNull();
    expect(anonymous[4]!.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('leaves the bot endpoint and its headers alone', async () => {
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get('content-security-policy')).toBeNull();
  });
});

describe('dashboard sign-in limits and switches', () => {
  it('answers 429 with Retry-After after 10 development sign-ins a minute from one address', async () => {
    const app = await startTestLotse({ DASHBOARD_DEV_SIGN_IN: 'true', DASHBOARD_COOKIE_SECURE: 'false' });
    try {
      const client = new DashboardClient(app.url);
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 12; attempt++) statuses.push((await client.signInDev('', ['advisor'])).status);
      expect(statuses).toEqual([...Array(10).fill(422), 429, 429]);
      const limited = await client.signInDev('Ada', ['advisor']);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await limited.text()).toContain('<h1>Zu viele Anmeldeversuche</h1>');
      expect(client.cookie('lotse_session')).toBeUndefined();
    } finally {
      await app.dispose();
    }
  });

  it('has no development sign-in unless switched on', async () => {
    const app = await startTestLotse({});
    try {
      const client = new DashboardClient(app.url);
      expect((await client.get('/dashboard/dev-sign-in')).status).toBe(404);
      expect((await client.signInDev('Ada', ['admin'])).status).toBe(404);
      expect(client.cookie('lotse_session')).toBeUndefined();
      const page = await (await client.get('/dashboard/sign-in')).text();
      expect(page).toContain('Die Anmeldung ist noch nicht eingerichtet');
      expect(page).not.toContain('dev-sign-in');
      expect((await client.get('/dashboard/auth/sign-in')).status).toBe(404);
    } finally {
      await app.dispose();
    }
  });
});

import { hashToken } from '../../src/domain/access/session-token';
import { DashboardClient, freePort } from '../support/dashboard-client';
import { assertOidcProviderTrusted, mockClaims, oidcAuthority } from '../support/oidc/oidc-test-client';
import type { TestLotse } from '../support/start-test-lotse';
import { captureLogs, capturedLogs, startTestLotse } from '../support/start-test-lotse';

captureLogs();

const TENANT = '7e1f0a52-0000-4000-8000-00000000c0de';
const OTHER_TENANT = '3c9a11d0-0000-4000-8000-0000000bad00';
const ADMIN = { oid: 'a0000000-0000-4000-8000-000000000001', name: 'Grace Admin', email: 'grace@kommune.example' };
const ADVISOR = { oid: 'a0000000-0000-4000-8000-000000000002', name: 'Ada Beraterin', email: 'ada@kommune.example' };
const NOBODY = { oid: 'a0000000-0000-4000-8000-000000000003', name: 'Nora Niemand', email: 'nora@kommune.example' };

interface Person {
  oid: string;
  name: string;
  email: string;
}

const describeOidc = oidcAuthority ? describe : describe.skip;

describeOidc('dashboard sign-in with msal-node against a local OpenID Connect provider', () => {
  let app: TestLotse;

  beforeAll(async () => {
    await assertOidcProviderTrusted();
    const port = await freePort();
    app = await startTestLotse({
      PORT: String(port),
      DASHBOARD_PUBLIC_URL: `http://127.0.0.1:${port}`,
      DASHBOARD_COOKIE_SECURE: 'false',
      DASHBOARD_ENTRA_CLIENT_ID: 'lotse-dashboard-test',
      DASHBOARD_ENTRA_CLIENT_SECRET: 'test-client-secret',
      DASHBOARD_ENTRA_AUTHORITY: oidcAuthority,
      ALLOWED_TENANT_IDS: TENANT,
      DASHBOARD_ROLE_ALLOWLIST: `advisor:${ADVISOR.oid}`,
      DASHBOARD_SIGN_IN_LIMIT_PER_MINUTE: '1000',
    });
    await app.lotse.ready;
  });
  afterAll(() => app?.dispose());

  /** Starts the sign-in at Lotse and lets the provider sign in `person`; resolves with the callback URL (not yet followed). */
  async function authorize(client: DashboardClient, claims: Record<string, unknown>, returnTo = '/dashboard'): Promise<URL> {
    const start = await client.get(`/dashboard/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
    expect(start.status).toBe(302);
    expect(start.headers.getSetCookie()[0]).toMatch(/^lotse_signin=[A-Za-z0-9_-]{43}; Path=\/dashboard\/auth; HttpOnly; SameSite=Lax; Max-Age=600$/);
    const authorizeUrl = new URL(start.headers.get('location')!);
    expect(authorizeUrl.origin).toBe(oidcAuthority);
    expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorizeUrl.searchParams.get('redirect_uri')).toBe(`${app.url}/dashboard/auth/callback`);
    expect(authorizeUrl.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorizeUrl.searchParams.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    authorizeUrl.searchParams.set('mock_claims', mockClaims(claims));
    const provider = await fetch(authorizeUrl, { redirect: 'manual' });
    expect(provider.status).toBe(302);
    return new URL(provider.headers.get('location')!);
  }

  const claimsOf = (person: Person, extra: Record<string, unknown> = {}) => ({
    tid: TENANT,
    oid: person.oid,
    name: person.name,
    preferred_username: person.email,
    ...extra,
  });

  async function signIn(client: DashboardClient, claims: Record<string, unknown>, returnTo?: string): Promise<Response> {
    const callback = await authorize(client, claims, returnTo);
    return client.get(callback.pathname + callback.search);
  }

  it('signs in an admin by the token roles claim and returns to the page asked for', async () => {
    const client = new DashboardClient(app.url);
    const response = await signIn(client, claimsOf(ADMIN, { roles: ['Lotse.Admin'] }), '/dashboard?tab=neu');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/dashboard?tab=neu');
    expect(client.cookie('lotse_signin')).toBeUndefined();
    const home = await client.get('/dashboard');
    expect(home.status).toBe(200);
    const page = await home.text();
    expect(page).toContain('Angemeldet als <strong>Grace Admin</strong>');
    expect(page).toContain('href="/dashboard/analytics"');
    const stored = await app.lotse.store!.collection('dashboardSessions').findOne({ _id: hashToken(client.cookie('lotse_session')!) });
    expect(stored).toMatchObject({ user: { id: ADMIN.oid, tenantId: TENANT, email: ADMIN.email, roles: ['admin'] } });
    const logs = capturedLogs.join('\n');
    expect(logs).toContain('"outcome":"signed_in","method":"entra"');
    expect(logs).not.toContain(ADMIN.name);
    expect(logs).not.toContain(ADMIN.email);
  });

  it('signs in an advisor from the allow-list when the token carries no roles', async () => {
    const client = new DashboardClient(app.url);
    expect((await signIn(client, claimsOf(ADVISOR))).status).toBe(302);
    const page = await (await client.get('/dashboard')).text();
    expect(page).toContain('Angemeldet als <strong>Ada Beraterin</strong>');
    expect(page).toContain('href="/dashboard/tickets"');
    expect(page).not.toContain('href="/dashboard/analytics"');
  });

  it('shows "Kein Zugriff" naming the account when it has no role, and starts no session', async () => {
    const client = new DashboardClient(app.url);
    const response = await signIn(client, claimsOf(NOBODY, { roles: ['Other.App.Role'] }));
    expect(response.status).toBe(403);
    const page = await response.text();
    expect(page).toContain('<h1>Kein Zugriff</h1>');
    expect(page).toContain('<strong>Nora Niemand</strong> (nora@kommune.example)');
    expect(page).toContain(NOBODY.oid);
    expect(page).toContain('Lotse.Advisor');
    expect(client.cookie('lotse_session')).toBeUndefined();
    expect((await client.get('/dashboard')).status).toBe(302);
  });

  it('refuses an account of a tenant that is not allowed, even with the admin role', async () => {
    const client = new DashboardClient(app.url);
    const response = await signIn(client, { ...claimsOf(ADMIN, { roles: ['Lotse.Admin'] }), tid: OTHER_TENANT });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Ihre Organisation ist für das Lotse-Dashboard nicht freigeschaltet');
    expect(client.cookie('lotse_session')).toBeUndefined();
  });

  it('refuses a tampered state, and the started sign-in cannot be completed afterwards', async () => {
    const client = new DashboardClient(app.url);
    const callback = await authorize(client, claimsOf(ADMIN, { roles: ['Lotse.Admin'] }));
    const genuineState = callback.searchParams.get('state')!;
    const signInCookie = client.cookie('lotse_signin')!;
    callback.searchParams.set('state', `${genuineState.slice(0, -2)}xx`);
    const tampered = await client.get(callback.pathname + callback.search);
    expect(tampered.status).toBe(400);
    expect(await tampered.text()).toContain('Anmeldung nicht möglich');
    expect(client.cookie('lotse_session')).toBeUndefined();
    client.setCookie('lotse_signin', signInCookie, '/dashboard/auth');
    callback.searchParams.set('state', genuineState);
    const replay = await client.get(callback.pathname + callback.search);
    expect(replay.status).toBe(400);
    expect(client.cookie('lotse_session')).toBeUndefined();
  });

  it('refuses a callback in a browser that did not start the sign-in (login CSRF)', async () => {
    const attacker = new DashboardClient(app.url);
    const callback = await authorize(attacker, claimsOf(ADMIN, { roles: ['Lotse.Admin'] }));
    const victim = new DashboardClient(app.url);
    const response = await victim.get(callback.pathname + callback.search);
    expect(response.status).toBe(400);
    expect(victim.cookie('lotse_session')).toBeUndefined();
  });

  it('reports an error from the provider without a session', async () => {
    const client = new DashboardClient(app.url);
    const callback = await authorize(client, claimsOf(ADMIN));
    callback.searchParams.delete('code');
    callback.searchParams.set('error', 'access_denied');
    const response = await client.get(callback.pathname + callback.search);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('abgebrochen');
  });

  it('offers the Microsoft sign-in on the sign-in page', async () => {
    const page = await (await new DashboardClient(app.url).get('/dashboard/sign-in?returnTo=%2Fdashboard%2Ftickets')).text();
    expect(page).toContain('href="/dashboard/auth/sign-in?returnTo=%2Fdashboard%2Ftickets"');
    expect(page).not.toContain('dev-sign-in');
  });
});

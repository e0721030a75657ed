import { loadConfig, redactConfig } from '../../../src/config/config';
import { ErrorCode, isAppError } from '../../../src/domain/errors';

const TENANT = '11111111-2222-3333-4444-555555555555';
const OID_A = 'aaaaaaaa-1111-2222-3333-444444444444';
const OID_B = 'bbbbbbbb-1111-2222-3333-444444444444';
const ENTRA = {
  DASHBOARD_ENTRA_CLIENT_ID: 'client-id',
  DASHBOARD_ENTRA_CLIENT_SECRET: 'client-secret',
  DASHBOARD_PUBLIC_URL: 'https://lotse.example.org',
  ALLOWED_TENANT_IDS: TENANT,
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (isAppError(error, ErrorCode.ConfigInvalid)) return error.details.problems as string[];
    throw error;
  }
  return [];
}

describe('dashboard configuration', () => {
  it('has safe defaults: no Entra, no development sign-in, Secure cookies, 30 min idle, 10 h maximum, 10 sign-ins a minute', () => {
    expect(loadConfig({}).dashboard).toEqual({
      entra: undefined,
      publicUrl: undefined,
      allowedTenantIds: [],
      roleAllowList: {},
      devSignIn: false,
      sessionIdleMinutes: 30,
      sessionMaxHours: 10,
      cookieSecure: true,
      signInLimitPerMinute: 10,
    });
  });

  it('reads the Entra settings with the organisations authority by default', () => {
    const sut = loadConfig(ENTRA).dashboard;
    expect(sut.entra).toEqual({ clientId: 'client-id', clientSecret: 'client-secret', authority: 'https://login.microsoftonline.com/organizations' });
    expect(sut.publicUrl).toBe('https://lotse.example.org');
    expect(sut.allowedTenantIds).toEqual([TENANT]);
  });

  it('needs secret, public URL and a tenant restriction with a client id', () => {
    const problems = problemsOf({ DASHBOARD_ENTRA_CLIENT_ID: 'client-id' });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/DASHBOARD_ENTRA_CLIENT_SECRET/);
    expect(problems.join('\n')).toMatch(/DASHBOARD_PUBLIC_URL/);
    expect(problems.join('\n')).toMatch(/ALLOWED_TENANT_IDS.*any Entra tenant/);
  });

  it('takes the tenant of a single-tenant authority when ALLOWED_TENANT_IDS is empty', () => {
    const sut = loadConfig({ ...ENTRA, ALLOWED_TENANT_IDS: '', DASHBOARD_ENTRA_AUTHORITY: `https://login.microsoftonline.com/${TENANT.toUpperCase()}/` });
    expect(sut.dashboard.allowedTenantIds).toEqual([TENANT]);
    expect(sut.dashboard.entra?.authority).toBe(`https://login.microsoftonline.com/${TENANT.toUpperCase()}`);
  });

  it('accepts an https public URL as an origin, and http only on loopback', () => {
    expect(loadConfig({ DASHBOARD_PUBLIC_URL: 'https://lotse.example.org:8443/' }).dashboard.publicUrl).toBe('https://lotse.example.org:8443');
    expect(loadConfig({ DASHBOARD_PUBLIC_URL: 'http://localhost:3978', DASHBOARD_COOKIE_SECURE: 'false' }).dashboard.publicUrl).toBe('http://localhost:3978');
    expect(problemsOf({ DASHBOARD_PUBLIC_URL: 'http://lotse.example.org' })[0]).toMatch(/DASHBOARD_PUBLIC_URL/);
    expect(problemsOf({ DASHBOARD_PUBLIC_URL: 'https://lotse.example.org/lotse' })[0]).toMatch(/without path/);
    expect(problemsOf({ DASHBOARD_ENTRA_AUTHORITY: 'http://login.example.org' })[0]).toMatch(/DASHBOARD_ENTRA_AUTHORITY/);
  });

  it('parses the role allow-list by object id and rejects malformed entries', () => {
    const sut = loadConfig({ DASHBOARD_ROLE_ALLOWLIST: `admin:${OID_A.toUpperCase()}, ${OID_B} ; advisor:${OID_A}` }).dashboard;
    expect(sut.roleAllowList).toEqual({ [OID_A]: ['admin', 'advisor'], [OID_B]: ['admin'] });
    for (const value of ['boss:' + OID_A, 'admin:', 'admin:not-a-guid', OID_A]) {
      expect(problemsOf({ DASHBOARD_ROLE_ALLOWLIST: value })[0]).toMatch(/DASHBOARD_ROLE_ALLOWLIST/);
    }
  });

  it('allows the development sign-in on a local machine, also with a local MongoDB', () => {
    expect(loadConfig({ DASHBOARD_DEV_SIGN_IN: 'true' }).dashboard.devSignIn).toBe(true);
    expect(problemsOf({ DASHBOARD_DEV_SIGN_IN: 'true', MONGODB_URI: 'mongodb://127.0.0.1:27017/lotse' })).toEqual([]);
    expect(problemsOf({ DASHBOARD_DEV_SIGN_IN: 'true', DASHBOARD_PUBLIC_URL: 'http://localhost:3978', DASHBOARD_COOKIE_SECURE: 'false' })).toEqual([]);
  });

  it('refuses the development sign-in together with production settings, naming each', () => {
    const problems = problemsOf({
      DASHBOARD_DEV_SIGN_IN: 'true',
      HOST: '0.0.0.0',
      MICROSOFT_APP_ID: 'app',
      MICROSOFT_APP_PASSWORD: 'secret',
      MONGODB_URI: 'mongodb+srv://cluster.example.net/lotse',
      DASHBOARD_PUBLIC_URL: 'https://lotse.example.org',
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/DASHBOARD_DEV_SIGN_IN.*non-loopback HOST.*MICROSOFT_APP_ID.*MONGODB_URI.*DASHBOARD_PUBLIC_URL/);
    expect(problemsOf({ DASHBOARD_DEV_SIGN_IN: 'true', MONGODB_URI: 'mongodb://127.0.0.1:27017,db.example:27017/lotse' })[0]).toMatch(/MONGODB_URI/);
  });

  it('checks the session times and the cookie flag against https', () => {
    expect(problemsOf({ DASHBOARD_SESSION_IDLE_MINUTES: '0' })[0]).toMatch(/DASHBOARD_SESSION_IDLE_MINUTES/);
    expect(problemsOf({ DASHBOARD_SESSION_IDLE_MINUTES: '120', DASHBOARD_SESSION_MAX_HOURS: '1' })[0]).toMatch(/not be longer/);
    expect(problemsOf({ DASHBOARD_COOKIE_SECURE: 'false', DASHBOARD_PUBLIC_URL: 'https://lotse.example.org' })[0]).toMatch(/DASHBOARD_COOKIE_SECURE/);
    expect(problemsOf({ DASHBOARD_COOKIE_SECURE: 'maybe' })[0]).toMatch(/DASHBOARD_COOKIE_SECURE/);
  });

  it('never shows the client secret or the allow-list in the logged summary', () => {
    const summary = JSON.stringify(redactConfig(loadConfig({ ...ENTRA, DASHBOARD_ROLE_ALLOWLIST: `admin:${OID_A}` })));
    expect(summary).not.toContain('client-secret');
    expect(summary).not.toContain(OID_A);
    expect(summary).toContain('client-id');
  });
});

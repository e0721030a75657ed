import type { Server } from 'restify';
import restify from 'restify';
import { loadConfig } from '../../src/config/config';
import { AppError, ErrorCode } from '../../src/domain/errors';
import type { DashboardRequest, DashboardRoute } from '../../src/http/dashboard/dashboard-route';
import { homePage } from '../../src/http/dashboard/home.page';
import { html } from '../../src/http/dashboard/html';
import { registerDashboard } from '../../src/http/dashboard/register-dashboard';
import { closeServer, createHttpServer, listen } from '../../src/http/server';
import { DashboardClient } from '../support/dashboard-client';
import { InMemoryDashboardSessions, InMemoryPendingSignIns } from '../support/fakes/in-memory-dashboard-sessions';

/** Test pages: they record what reached them, so a test can tell that a refused request ran nothing. */
const received: DashboardRequest[] = [];
let failWith: unknown;

const routes: DashboardRoute[] = [
  homePage,
  {
    method: 'GET',
    path: '/dashboard/test/items/:id',
    role: 'advisor',
    section: 'tickets',
    async handle(request) {
      received.push(request);
      return { kind: 'page', title: 'Eintrag', body: html`<p id="echo">${JSON.stringify({ params: request.params, query: request.query })}</p>` };
    },
  },
  {
    method: 'POST',
    path: '/dashboard/test/items',
    role: 'advisor',
    async handle(request) {
      received.push(request);
      return { kind: 'redirect', location: '/dashboard/test/items/1', notice: 'Gespeichert.' };
    },
  },
  {
    method: 'GET',
    path: '/dashboard/test/admin',
    role: 'admin',
    section: 'analytics',
    async handle(request) {
      received.push(request);
      return { kind: 'page', title: 'Nur Administration', body: html`<p>geheim</p>` };
    },
  },
  {
    method: 'GET',
    path: '/dashboard/test/fail',
    role: 'advisor',
    async handle() {
      throw failWith;
    },
  },
  {
    method: 'GET',
    path: '/dashboard/test/export',
    role: 'advisor',
    async handle() {
      return { kind: 'download', filename: 'Auswertung März.csv', contentType: 'text/csv; charset=utf-8', body: 'a;b\n1;2\n' };
    },
  },
  {
    method: 'POST',
    path: '/dashboard/test/upload',
    role: 'advisor',
    bodyParsers: [restify.plugins.multipartBodyParser({ mapParams: false })],
    async handle(request) {
      received.push(request);
      return { kind: 'redirect', location: '/dashboard/test/items/1' };
    },
  },
  {
    method: 'GET',
    path: '/dashboard/test/elsewhere',
    role: 'advisor',
    async handle() {
      return { kind: 'redirect', location: 'https://evil.example/' };
    },
  },
];

describe('dashboard router', () => {
  let server: Server;
  let url: string;
  const sessions = new InMemoryDashboardSessions();

  beforeAll(async () => {
    const config = loadConfig({ DASHBOARD_DEV_SIGN_IN: 'true', DASHBOARD_COOKIE_SECURE: 'false', DASHBOARD_SIGN_IN_LIMIT_PER_MINUTE: '1000' });
    server = createHttpServer({ maxBodyBytes: 64 * 1024 });
    registerDashboard(server, { config: config.dashboard, listenHost: '127.0.0.1', sessions, signIns: new InMemoryPendingSignIns(), routes });
    const address = await listen(server, '127.0.0.1', 0);
    url = `http://127.0.0.1:${address.port}`;
  });
  afterAll(() => closeServer(server));
  beforeEach(() => {
    received.length = 0;
  });

  async function signedIn(roles: ('advisor' | 'admin')[] = ['advisor'], name = 'Ada Beraterin'): Promise<DashboardClient> {
    const client = new DashboardClient(url);
    expect((await client.signInDev(name, roles)).status).toBe(303);
    return client;
  }

  it('passes path parameters and the query as plain strings; bracket keys stay keys', async () => {
    const client = await signedIn();
    const response = await client.get('/dashboard/test/items/LOT-2026-000001?status=new&status=assigned&a[b]=c&q=R%C3%BCckfrage');
    expect(response.status).toBe(200);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      params: { id: 'LOT-2026-000001' },
      query: { status: ['new', 'assigned'], 'a[b]': 'c', q: 'Rückfrage' },
      form: {},
      url: '/dashboard/test/items/LOT-2026-000001?status=new&status=assigned&a[b]=c&q=R%C3%BCckfrage',
      user: { name: 'Ada Beraterin', roles: ['advisor'] },
    });
    expect(received[0]!.csrfToken).toBe(await client.csrfToken());
    const page = await response.text();
    expect(page).toContain('<a href="/dashboard/tickets" aria-current="page">Tickets</a>');
  });

  it('runs a POST with the session token from our origin, then shows its notice once', async () => {
    const client = await signedIn();
    const csrf = await client.csrfToken();
    const response = await client.post('/dashboard/test/items', { _csrf: csrf, title: 'Neu', tags: ['a', 'b'] });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/dashboard/test/items/1');
    expect(received[0]!.form).toEqual({ title: 'Neu', tags: ['a', 'b'] });
    const next = await (await client.get('/dashboard/test/items/1')).text();
    expect(next).toContain('<div class="notice" role="status"><p>Gespeichert.</p></div>');
    const again = await (await client.get('/dashboard/test/items/1')).text();
    expect(again).toContain('<div class="notice" role="status"></div>');
  });

  it('refuses a POST without, with a wrong or with a foreign-origin token — and runs nothing', async () => {
    const client = await signedIn();
    const csrf = await client.csrfToken();
    const refused = [
      await client.post('/dashboard/test/items', { title: 'x' }),
      await client.post('/dashboard/test/items', { _csrf: 'x'.repeat(43), title: 'x' }),
      await client.post('/dashboard/test/items', { _csrf: csrf, title: 'x' }, { origin: 'https://evil.example' }),
      await client.post('/dashboard/test/items', { _csrf: csrf }, { origin: null, headers: { Referer: 'https://evil.example/page' } }),
      await client.post('/dashboard/test/items', {}, { headers: { 'Content-Type': 'text/plain' }, body: `_csrf=${csrf}` }),
    ];
    expect(refused.map((response) => response.status)).toEqual([403, 403, 403, 403, 403]);
    expect(await refused[0]!.text()).toContain('<h1>Anfrage abgelehnt</h1>');
    expect(received).toHaveLength(0);
    // Without Origin and Referer the token alone decides.
    expect((await client.post('/dashboard/test/items', { _csrf: csrf }, { origin: null })).status).toBe(303);
  });

  it('refuses form values that would become objects (a[b]=c) without running the page', async () => {
    const client = await signedIn();
    const csrf = await client.csrfToken();
    const response = await client.post('/dashboard/test/items', {}, { body: `_csrf=${csrf}&filter[status][$ne]=closed` });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Ungültige Eingabe');
    expect(received).toHaveLength(0);
  });

  it('accepts multipart only on a route with its own body parsers, with the same CSRF and origin checks', async () => {
    const client = await signedIn();
    const csrf = await client.csrfToken();
    const multipart = (fields: Record<string, string>, origin = url) => {
      const form = new FormData();
      for (const [key, value] of Object.entries(fields)) form.set(key, value);
      return fetch(`${url}/dashboard/test/upload`, { method: 'POST', body: form, redirect: 'manual', headers: { Cookie: `lotse_session=${client.cookie('lotse_session')}`, Origin: origin } });
    };
    expect((await multipart({ content: 'x' })).status).toBe(403);
    expect((await multipart({ _csrf: csrf, content: 'x' }, 'https://evil.example')).status).toBe(403);
    expect(received).toHaveLength(0);
    expect((await multipart({ _csrf: csrf, content: 'eingefügt' })).status).toBe(303);
    expect(received[0]!.form).toEqual({ content: 'eingefügt' });
    const elsewhere = new FormData();
    elsewhere.set('_csrf', csrf);
    const refused = await fetch(`${url}/dashboard/test/items`, { method: 'POST', body: elsewhere, redirect: 'manual', headers: { Cookie: `lotse_session=${client.cookie('lotse_session')}` } });
    expect(refused.status).toBe(403);
    expect(received).toHaveLength(1);
  });

  it('answers a POST without a session with 401 and a sign-in link, a GET with a redirect to the sign-in', async () => {
    const client = new DashboardClient(url);
    const post = await client.post('/dashboard/test/items', { _csrf: 'x'.repeat(43) });
    expect(post.status).toBe(401);
    expect(await post.text()).toContain('href="/dashboard/sign-in"');
    const get = await client.get('/dashboard/test/items/7?x=1');
    expect(get.status).toBe(302);
    expect(get.headers.get('location')).toBe('/dashboard/sign-in?returnTo=%2Fdashboard%2Ftest%2Fitems%2F7%3Fx%3D1');
    expect(received).toHaveLength(0);
  });

  it('shows "Kein Zugriff" naming the account to an advisor on an admin page; admins get in', async () => {
    const advisor = await signedIn(['advisor'], 'Ada Beraterin');
    const refused = await advisor.get('/dashboard/test/admin');
    expect(refused.status).toBe(403);
    const page = await refused.text();
    expect(page).toContain('<h1>Kein Zugriff</h1>');
    expect(page).toContain('<strong>Ada Beraterin</strong>');
    expect(page).toContain('„Administration“');
    expect(page).toContain('Lotse.Admin');
    expect(received).toHaveLength(0);
    const admin = await signedIn(['admin'], 'Grace Admin');
    expect((await admin.get('/dashboard/test/admin')).status).toBe(200);
  });

  it.each([
    ['NOT_FOUND', new AppError(ErrorCode.NotFound, 'no such ticket'), 404, 'Nicht gefunden', 'no such ticket'],
    ['VALIDATION_FAILED', new AppError(ErrorCode.ValidationFailed, 'title is required'), 422, 'Eingabe nicht gültig', 'title is required'],
    ['VERSION_CONFLICT', new AppError(ErrorCode.VersionConflict, 'changed by someone else'), 409, 'Konflikt', 'changed by someone else'],
    ['TICKET_ALREADY_CLAIMED', new AppError(ErrorCode.TicketAlreadyClaimed, 'The ticket has already been claimed.'), 409, 'Konflikt', 'already been claimed'],
    ['INVALID_TRANSITION', new AppError(ErrorCode.InvalidTransition, 'A closed ticket cannot be changed.'), 409, 'Konflikt', 'cannot be changed'],
    ['FORBIDDEN', new AppError(ErrorCode.Forbidden, 'not yours'), 403, 'Kein Zugriff', 'nicht erlaubt'],
    ['NOT_READY', new AppError(ErrorCode.NotReady, 'starting'), 503, 'Vorübergehend nicht verfügbar', 'in einer Minute'],
  ])('maps %s from a page to a German error page', async (_code, error, status, title, text) => {
    failWith = error;
    const client = await signedIn();
    const response = await client.get('/dashboard/test/fail');
    expect(response.status).toBe(status);
    const page = await response.text();
    expect(page).toContain(`<h1>${title}</h1>`);
    expect(page).toContain(text);
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
  });

  it('turns any other failure into a 500 page without details', async () => {
    failWith = new TypeError('secret internals at /srv/lotse');
    const client = await signedIn();
    const response = await client.get('/dashboard/test/fail');
    expect(response.status).toBe(500);
    const page = await response.text();
    expect(page).toContain('<h1>Interner Fehler</h1>');
    expect(page).toMatch(/Fehlerkennung für den Support: [0-9a-f]{8}/);
    expect(page).not.toContain('secret internals');
    expect((await client.get('/dashboard/test/items/1')).status).toBe(200);
  });

  it('sends a download as an attachment', async () => {
    const client = await signedIn();
    const response = await client.get('/dashboard/test/export');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="Auswertung_M_rz.csv"; filename*=UTF-8''Auswertung%20M%C3%A4rz.csv`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe('a;b\n1;2\n');
  });

  it('never redirects outside the dashboard', async () => {
    const client = await signedIn();
    const response = await client.get('/dashboard/test/elsewhere');
    expect(response.status).toBe(500);
    expect(response.headers.get('location')).toBeNull();
  });

  it('answers 503 while the session store is not ready', async () => {
    const client = await signedIn();
    const get = sessions.get.bind(sessions);
    sessions.get = async () => {
      throw new AppError(ErrorCode.NotReady, 'the store is not open yet');
    };
    try {
      const response = await client.get('/dashboard/test/items/1');
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('Vorübergehend nicht verfügbar');
    } finally {
      sessions.get = get;
    }
  });
});

import type { DashboardRole } from '../../src/domain/access/dashboard-user';

/** Form fields as a browser sends them (repeated keys as arrays). */
export type FormFields = Record<string, string | readonly string[]>;

/**
 * A browser-like HTTP client for the dashboard: keeps cookies (honouring Path and deletion),
 * follows no redirects (tests look at each step), sends forms as application/x-www-form-urlencoded.
 */
export class DashboardClient {
  private readonly cookies = new Map<string, { value: string; path: string }>();

  constructor(readonly baseUrl: string) {}

  /** The value of a cookie this client holds, if any. */
  cookie(name: string): string | undefined {
    return this.cookies.get(name)?.value;
  }

  setCookie(name: string, value: string, path = '/'): void {
    this.cookies.set(name, { value, path });
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.send(path, { method: 'GET', headers });
  }

  /** Posts a form; pass `origin: null` to send no Origin header (by default it is our origin). */
  async post(path: string, fields: FormFields, options: { origin?: string | null; headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
    const body = options.body ?? encodeForm(fields);
    const origin = options.origin === undefined ? this.baseUrl : options.origin;
    const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded', ...(origin ? { Origin: origin } : {}), ...options.headers };
    return this.send(path, { method: 'POST', headers, body });
  }

  /** Signs in through the development sign-in form; resolves with the response (303 on success). */
  async signInDev(name: string, roles: readonly DashboardRole[], returnTo = '/dashboard'): Promise<Response> {
    return this.post('/dashboard/dev-sign-in', { name, roles, returnTo });
  }

  /** The CSRF token of the current session, read from the sign-out form of the home page. */
  async csrfToken(): Promise<string> {
    const page = await this.get('/dashboard');
    const match = /name="_csrf" value="([^"]+)"/.exec(await page.text());
    if (!match) throw new Error(`no CSRF token on /dashboard (status ${page.status})`);
    return match[1]!;
  }

  private async send(path: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<Response> {
    const url = new URL(path, this.baseUrl);
    const cookie = [...this.cookies.entries()]
      .filter(([, entry]) => url.pathname === entry.path || url.pathname.startsWith(entry.path.endsWith('/') ? entry.path : `${entry.path}/`))
      .map(([name, entry]) => `${name}=${entry.value}`)
      .join('; ');
    const response = await fetch(url, { ...init, headers: { ...init.headers, ...(cookie ? { Cookie: cookie } : {}) }, redirect: 'manual' });
    this.remember(response);
    return response;
  }

  private remember(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(';').map((part) => part.trim());
      const separator = pair!.indexOf('=');
      const name = pair!.slice(0, separator);
      const value = pair!.slice(separator + 1);
      const path = attributes.find((attribute) => /^path=/i.test(attribute))?.slice(5) ?? '/';
      if (attributes.some((attribute) => /^max-age=0$/i.test(attribute)) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, { value, path });
    }
  }
}

export function encodeForm(fields: FormFields): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of typeof value === 'string' ? [value] : value) params.append(key, item);
  }
  return params.toString();
}

/** A free TCP port on 127.0.0.1 (for a Lotse whose public URL must be known before it starts). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

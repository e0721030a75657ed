import type { IncomingHttpHeaders } from 'node:http';

/** The session cookie: a random token; the store keeps only its hash. */
export const SESSION_COOKIE = 'lotse_session';
/** The short-lived cookie that binds a started Entra sign-in to this browser. */
export const SIGN_IN_COOKIE = 'lotse_signin';

export interface CookieOptions {
  readonly path: string;
  readonly secure: boolean;
  /** Seconds; absent = until the browser closes; 0 = delete now. */
  readonly maxAgeSeconds?: number;
}

/** The value of one cookie from the request's Cookie header, or undefined. */
export function readCookie(headers: IncomingHttpHeaders, name: string): string | undefined {
  for (const part of (headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}

/** A Set-Cookie value: always HttpOnly and SameSite=Lax (sent on the identity provider's redirect back, not on cross-site posts). */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${value}`, `Path=${options.path}`, 'HttpOnly', 'SameSite=Lax'];
  if (options.secure) parts.push('Secure');
  if (options.maxAgeSeconds !== undefined) {
    parts.push(`Max-Age=${options.maxAgeSeconds}`);
    if (options.maxAgeSeconds === 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  }
  return parts.join('; ');
}

/** A Set-Cookie value that deletes the cookie. */
export function clearCookie(name: string, options: Omit<CookieOptions, 'maxAgeSeconds'>): string {
  return serializeCookie(name, '', { ...options, maxAgeSeconds: 0 });
}

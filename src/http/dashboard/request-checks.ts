import type { IncomingHttpHeaders } from 'node:http';
import { secretsEqual } from '../../domain/access/session-token';

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
export const MULTIPART_CONTENT_TYPE = 'multipart/form-data';

/** Why a state-changing request was refused (for the log; the user sees one German page). */
export type PostRefusal = 'cross_origin' | 'csrf_missing' | 'csrf_mismatch' | 'content_type';

/**
 * The origins a form may be posted from: the configured public URL, or else the request's own
 * host (over http or https, since a proxy in front may terminate TLS).
 */
export function expectedOrigins(publicUrl: string | undefined, headers: IncomingHttpHeaders): string[] {
  if (publicUrl) return [publicUrl];
  const host = headers.host;
  return host ? [`http://${host}`, `https://${host}`] : [];
}

/**
 * True when the request comes from one of our pages: its Origin header, or else its Referer's
 * origin, is expected. Without both (some privacy tools strip them) the CSRF token alone decides.
 */
export function isSameOrigin(headers: IncomingHttpHeaders, expected: readonly string[]): boolean {
  const origin = headers.origin;
  if (typeof origin === 'string') return expected.includes(origin);
  const referer = headers.referer;
  if (typeof referer === 'string') {
    try {
      return expected.includes(new URL(referer).origin);
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Checks a dashboard POST before anything runs: content type (a form; multipart only where a route
 * accepts it), origin and the session's CSRF token.
 */
export function checkPost(
  headers: IncomingHttpHeaders,
  form: unknown,
  csrfToken: string,
  expected: readonly string[],
  acceptedTypes: readonly string[] = [FORM_CONTENT_TYPE],
): PostRefusal | null {
  const contentType = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!acceptedTypes.includes(contentType)) return 'content_type';
  if (!isSameOrigin(headers, expected)) return 'cross_origin';
  const sent = form !== null && typeof form === 'object' ? (form as Record<string, unknown>)._csrf : undefined;
  if (typeof sent !== 'string' || sent.length === 0) return 'csrf_missing';
  return secretsEqual(sent, csrfToken) ? null : 'csrf_mismatch';
}

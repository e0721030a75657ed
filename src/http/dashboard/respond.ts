import type { Request, Response } from 'restify';
import type { DashboardContext } from './dashboard-context';
import type { LayoutOptions } from './layout';
import { renderLayout } from './layout';
import type { PageContent } from './pages';
import { errorPageFor, tooManyRequestsPage } from './pages';
import { applySecurityHeaders } from './security-headers';

const HTML = 'text/html; charset=utf-8';

/** Adds Set-Cookie values to the response. */
export function setCookies(res: Response, cookies: readonly string[]): void {
  if (cookies.length === 0) return;
  const earlier = res.getHeader('Set-Cookie');
  const list = earlier === undefined ? [] : Array.isArray(earlier) ? earlier : [String(earlier)];
  res.setHeader('Set-Cookie', [...list, ...cookies]);
}

/** Sends a page inside the common layout. */
export function sendPage(res: Response, page: PageContent, layout: Omit<LayoutOptions, 'title' | 'body'> = {}): void {
  res.sendRaw(page.status, renderLayout({ ...layout, title: page.title, body: page.body }).value, { 'Content-Type': HTML });
}

/** Redirects to a path of this site (302 after GET, 303 after POST). */
export function sendRedirect(res: Response, status: 302 | 303, location: string): void {
  res.sendRaw(status, '', { Location: location, 'Content-Type': HTML });
}

/** The security headers every dashboard response carries. */
export function secure(ctx: DashboardContext, res: Response): void {
  applySecurityHeaders(res, { https: ctx.https });
}

/** The client address a rate limit counts against. */
export function clientAddress(req: Request): string {
  return req.socket.remoteAddress ?? 'unknown';
}

/**
 * Counts a sign-in attempt of this client against the limit; when over it, sends the 429 page
 * (with Retry-After) and returns false.
 */
export function withinSignInLimit(ctx: DashboardContext, bucket: string, req: Request, res: Response): boolean {
  const decision = ctx.signInLimiter.take(`${bucket}:${clientAddress(req)}`);
  if (decision.allowed) return true;
  res.setHeader('Retry-After', String(decision.retryAfterSeconds));
  sendPage(res, tooManyRequestsPage(decision.retryAfterSeconds));
  return false;
}

/** Security headers first; any failure becomes a German error page (never a crash, never details). */
export async function guarded(ctx: DashboardContext, res: Response, run: () => Promise<void>): Promise<void> {
  secure(ctx, res);
  try {
    await run();
  } catch (error) {
    const page = errorPageFor(error);
    if (page.unexpected) ctx.httpLog.error({ reference: page.reference, err: error instanceof Error ? { name: error.name, stack: error.stack } : undefined }, 'dashboard request failed');
    if (!res.headersSent) sendPage(res, page);
  }
}


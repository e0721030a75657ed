import type { Request, Response } from 'restify';
import type { DashboardUser } from '../../../domain/access/dashboard-user';
import { readCookie, serializeCookie, SESSION_COOKIE } from '../cookies';
import type { DashboardContext } from '../dashboard-context';
import { sendRedirect, setCookies } from '../respond';


/**
 * Ends a session this browser may still have, starts a new one (a fresh token: no session
 * fixation), sets the session cookie and sends the user on to `returnTo`.
 */
export async function startSession(
  ctx: DashboardContext,
  req: Request,
  res: Response,
  user: DashboardUser,
  details: { readonly method: 'entra' | 'dev'; readonly returnTo: string },
): Promise<void> {
  await ctx.sessions.end(readCookie(req.headers, SESSION_COOKIE));
  const { token } = await ctx.sessions.start(user);
  setCookies(res, [serializeCookie(SESSION_COOKIE, token, { path: '/dashboard', secure: ctx.config.cookieSecure })]);
  ctx.authLog.info({ outcome: 'signed_in', method: details.method, roles: user.roles, tenantId: user.tenantId }, 'dashboard sign-in');
  sendRedirect(res, req.method === 'POST' ? 303 : 302, details.returnTo);
}

import type { Request, Response, Server } from 'restify';
import { clearCookie, readCookie, SESSION_COOKIE } from '../cookies';
import type { DashboardContext } from '../dashboard-context';
import { REFUSED_POST_PAGE } from '../pages';
import { checkPost, expectedOrigins } from '../request-checks';
import { guarded, sendPage, sendRedirect, setCookies } from '../respond';
import { formParsers } from '../route-runner';


/** `POST /dashboard/sign-out` (form with the CSRF token): deletes the session and its cookie. */
export function registerSignOutRoute(server: Server, ctx: DashboardContext): void {
  server.post('/dashboard/sign-out', ...formParsers(), async (req: Request, res: Response) =>
    guarded(ctx, res, async () => {
      const token = readCookie(req.headers, SESSION_COOKIE);
      const session = await ctx.sessions.resolve(token);
      if (!session) return sendRedirect(res, 303, '/dashboard/sign-in');
      const refusal = checkPost(req.headers, req.body, session.csrfToken, expectedOrigins(ctx.config.publicUrl, req.headers));
      if (refusal) {
        ctx.authLog.warn({ outcome: 'refused', reason: refusal }, 'dashboard sign-out refused');
        return sendPage(res, REFUSED_POST_PAGE, { signedIn: { user: session.user, csrfToken: session.csrfToken } });
      }
      await ctx.sessions.end(token);
      setCookies(res, [clearCookie(SESSION_COOKIE, { path: '/dashboard', secure: ctx.config.cookieSecure })]);
      ctx.authLog.info({ outcome: 'signed_out' }, 'dashboard sign-out');
      sendRedirect(res, 303, '/dashboard/sign-in?signedOut=1');
    }),
  );
}

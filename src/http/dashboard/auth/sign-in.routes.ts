import type { Request, Response, Server } from 'restify';
import type { PendingSignIn } from '../../../domain/access/pending-sign-in';
import { resolveDashboardRoles } from '../../../domain/access/role-mapping';
import { createToken, hashToken, isWellFormedToken, secretsEqual } from '../../../domain/access/session-token';
import { clearCookie, readCookie, serializeCookie, SESSION_COOKIE, SIGN_IN_COOKIE } from '../cookies';
import type { DashboardContext } from '../dashboard-context';
import { html } from '../html';
import type { PageContent } from '../pages';
import { messageBody, noAccessPage, NOT_FOUND_PAGE } from '../pages';
import { readQuery } from '../request-input';
import { guarded, sendPage, sendRedirect, setCookies, withinSignInLimit } from '../respond';
import { HOME_PATH, safeReturnPath } from './return-path';
import { startSession } from './start-session';

const SIGN_IN_PATH = '/dashboard/auth';
/** How long a started sign-in waits for its callback. */
const SIGN_IN_TTL_SECONDS = 600;

/** `/dashboard/sign-in` (the page), `/dashboard/auth/sign-in` (start at Entra) and `/dashboard/auth/callback`. */
export function registerSignInRoutes(server: Server, ctx: DashboardContext): void {
  server.get('/dashboard/sign-in', async (req: Request, res: Response) => guarded(ctx, res, () => showSignInPage(ctx, req, res)));
  server.get('/dashboard/auth/sign-in', async (req: Request, res: Response) =>
    guarded(ctx, res, async () => {
      if (withinSignInLimit(ctx, 'sign-in', req, res)) await startEntraSignIn(ctx, req, res);
    }),
  );
  server.get('/dashboard/auth/callback', async (req: Request, res: Response) =>
    guarded(ctx, res, async () => {
      if (withinSignInLimit(ctx, 'callback', req, res)) await completeEntraSignIn(ctx, req, res);
    }),
  );
}

async function showSignInPage(ctx: DashboardContext, req: Request, res: Response): Promise<void> {
  const query = readQuery(req.url ?? '');
  const returnTo = safeReturnPath(query.returnTo);
  if (await ctx.sessions.resolve(readCookie(req.headers, SESSION_COOKIE))) {
    sendRedirect(res, 302, returnTo);
    return;
  }
  const suffix = returnTo === HOME_PATH ? '' : `?returnTo=${encodeURIComponent(returnTo)}`;
  const options = [
    ctx.entra
      ? html`<p>Melden Sie sich mit dem Microsoft-Konto Ihrer Organisation an.</p>
<p><a class="button" href="/dashboard/auth/sign-in${suffix}">Mit Microsoft-Konto anmelden</a></p>`
      : '',
    ctx.devSignIn
      ? html`<p><a href="/dashboard/dev-sign-in${suffix}">Entwicklungs-Anmeldung ohne Entra ID</a> (nur auf diesem Rechner)</p>`
      : '',
    !ctx.entra && !ctx.devSignIn
      ? html`<p>Die Anmeldung ist noch nicht eingerichtet. Bitte wenden Sie sich an die Betreiber von Lotse
(Einstellung <code>DASHBOARD_ENTRA_CLIENT_ID</code>).</p>`
      : '',
  ];
  const body = html`<p>Das Lotse-Dashboard ist für die Beraterinnen und Berater sowie die Administration der Kooperation.</p>${options}`;
  sendPage(res, { status: 200, title: 'Anmelden', body }, { notices: query.signedOut === '1' ? ['Sie wurden abgemeldet.'] : [] });
}

async function startEntraSignIn(ctx: DashboardContext, req: Request, res: Response): Promise<void> {
  if (!ctx.entra) {
    sendPage(res, NOT_FOUND_PAGE);
    return;
  }
  const now = ctx.clock();
  await ctx.signIns.deleteExpired(now.toISOString());
  const secrets = await ctx.entra.createSecrets();
  const token = createToken();
  await ctx.signIns.insert({
    id: hashToken(token),
    state: secrets.state,
    nonce: secrets.nonce,
    codeVerifier: secrets.codeVerifier,
    returnTo: safeReturnPath(readQuery(req.url ?? '').returnTo),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SIGN_IN_TTL_SECONDS * 1000).toISOString(),
  });
  const url = await ctx.entra.authorizationUrl(secrets);
  setCookies(res, [serializeCookie(SIGN_IN_COOKIE, token, { path: SIGN_IN_PATH, secure: ctx.config.cookieSecure, maxAgeSeconds: SIGN_IN_TTL_SECONDS })]);
  sendRedirect(res, 302, url);
}

function signInFailed(status: number, text: string): PageContent {
  return { status, title: 'Anmeldung nicht möglich', body: messageBody([text], [{ href: '/dashboard/sign-in', label: 'Erneut anmelden' }]) };
}

const EXPIRED = signInFailed(400, 'Die Anmeldung ist abgelaufen oder wurde in einem anderen Fenster begonnen. Bitte melden Sie sich erneut an.');

async function completeEntraSignIn(ctx: DashboardContext, req: Request, res: Response): Promise<void> {
  if (!ctx.entra) {
    sendPage(res, NOT_FOUND_PAGE);
    return;
  }
  // The sign-in cookie is good for this one callback, whatever its outcome.
  setCookies(res, [clearCookie(SIGN_IN_COOKIE, { path: SIGN_IN_PATH, secure: ctx.config.cookieSecure })]);
  const query = readQuery(req.url ?? '');
  const pending = await takePendingSignIn(ctx, readCookie(req.headers, SIGN_IN_COOKIE));
  const refuse = (reason: string, page: PageContent, extra: Record<string, unknown> = {}) => {
    ctx.authLog.warn({ outcome: 'refused', reason, ...extra }, 'dashboard sign-in refused');
    sendPage(res, page);
  };
  if (!pending) return refuse('no_pending_sign_in', EXPIRED);
  if (typeof query.state !== 'string' || !secretsEqual(query.state, pending.state)) return refuse('state_mismatch', EXPIRED);
  if (query.error !== undefined || typeof query.code !== 'string') {
    // An OAuth error code (e.g. access_denied) is safe to log; any other text is not.
    const providerError = typeof query.error === 'string' ? (/^[a-z_]{1,64}$/.test(query.error) ? query.error : 'other') : 'no_code';
    return refuse('provider_error', signInFailed(400, 'Die Anmeldung wurde abgebrochen oder von Microsoft abgelehnt.'), { providerError });
  }
  let account;
  try {
    account = await ctx.entra.redeem(query.code, pending);
  } catch (error) {
    const providerCode = (error as { details?: { providerCode?: unknown } }).details?.providerCode;
    return refuse('code_not_redeemed', signInFailed(502, 'Die Anmeldung bei Microsoft konnte nicht abgeschlossen werden. Bitte versuchen Sie es erneut.'), { providerCode });
  }
  const shown = { id: account.objectId, name: account.name, email: account.email };
  if (!ctx.config.allowedTenantIds.includes(account.tenantId)) {
    return refuse('tenant_not_allowed', foreignTenantPage(shown), { tenantId: account.tenantId });
  }
  const roles = resolveDashboardRoles(account.rolesClaim, account.objectId, ctx.config.roleAllowList);
  if (roles.length === 0) return refuse('no_role', noAccessPage(shown, { signedIn: false }), { tenantId: account.tenantId });
  const user = { id: account.objectId, name: account.name, email: account.email, tenantId: account.tenantId, roles };
  await startSession(ctx, req, res, user, { method: 'entra', returnTo: pending.returnTo });
}

async function takePendingSignIn(ctx: DashboardContext, token: string | undefined): Promise<PendingSignIn | null> {
  if (!isWellFormedToken(token)) return null;
  const pending = await ctx.signIns.take(hashToken(token));
  return pending && Date.parse(pending.expiresAt) > ctx.clock().getTime() ? pending : null;
}

function foreignTenantPage(account: { name: string; email: string | null }): PageContent {
  const who = account.email ? html`<strong>${account.name}</strong> (${account.email})` : html`<strong>${account.name}</strong>`;
  return {
    status: 403,
    title: 'Kein Zugriff',
    body: html`<p>Sie haben sich als ${who} angemeldet. Ihre Organisation ist für das Lotse-Dashboard nicht freigeschaltet.</p>
<p>Melden Sie sich mit dem Konto Ihrer Mitgliedskommune an oder bitten Sie die Administration der Kooperation,
Ihre Organisation freizuschalten.</p>
${messageBody([], [{ href: '/dashboard/sign-in', label: 'Mit einem anderen Konto anmelden' }])}`,
  };
}

import { createHash } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { DashboardRole } from '../../../domain/access/dashboard-user';
import { DASHBOARD_ROLES } from '../../../domain/access/dashboard-user';
import type { DashboardContext } from '../dashboard-context';
import type { Html } from '../html';
import { html } from '../html';
import { noAccessPage, NOT_FOUND_PAGE, REFUSED_POST_PAGE, ROLE_LABELS } from '../pages';
import { expectedOrigins, isSameOrigin } from '../request-checks';
import { readForm, readQuery } from '../request-input';
import { guarded, sendPage, withinSignInLimit } from '../respond';
import { formParsers } from '../route-runner';
import { safeReturnPath } from './return-path';
import { startSession } from './start-session';

const NAME_MAX = 100;
/** The tenant of development users when ALLOWED_TENANT_IDS is empty. */
const DEV_TENANT = '00000000-0000-0000-0000-000000000000';

const ROLE_HINTS: Readonly<Record<DashboardRole, string>> = {
  advisor: 'Tickets bearbeiten',
  admin: 'Wissen pflegen, Wissenslücken und Auswertung',
};

/**
 * `/dashboard/dev-sign-in`: sign in with a name and roles, without Entra ID — for development on
 * this machine only. Answers 404 unless the development sign-in is on and the request arrived on a
 * loopback address.
 */
export function registerDevSignInRoutes(server: Server, ctx: DashboardContext): void {
  server.get('/dashboard/dev-sign-in', async (req: Request, res: Response) =>
    guarded(ctx, res, async () => {
      if (!devSignInAvailable(ctx, req)) return sendPage(res, NOT_FOUND_PAGE);
      sendPage(res, formPage(safeReturnPath(readQuery(req.url ?? '').returnTo), '', {}, 200));
    }),
  );
  server.post('/dashboard/dev-sign-in', ...formParsers(), async (req: Request, res: Response) =>
    guarded(ctx, res, async () => {
      if (!withinSignInLimit(ctx, 'dev-sign-in', req, res)) return;
      if (!devSignInAvailable(ctx, req)) return sendPage(res, NOT_FOUND_PAGE);
      await signInForDevelopment(ctx, req, res);
    }),
  );
}

function devSignInAvailable(ctx: DashboardContext, req: Request): boolean {
  return ctx.devSignIn && isLoopbackAddress(req.socket.localAddress);
}

function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.replace(/^::ffff:/, '');
  return plain === '::1' || /^127\.\d+\.\d+\.\d+$/.test(plain);
}

async function signInForDevelopment(ctx: DashboardContext, req: Request, res: Response): Promise<void> {
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const form = readForm(req.body);
  if (contentType !== 'application/x-www-form-urlencoded' || !isSameOrigin(req.headers, expectedOrigins(ctx.config.publicUrl, req.headers)) || !form) {
    ctx.authLog.warn({ outcome: 'refused', reason: 'dev_sign_in_request' }, 'dashboard sign-in refused');
    return sendPage(res, REFUSED_POST_PAGE);
  }
  const returnTo = safeReturnPath(form.returnTo);
  const name = typeof form.name === 'string' ? form.name.trim() : '';
  const chosen = ([] as string[]).concat(form.roles ?? []);
  if (name.length === 0 || name.length > NAME_MAX) {
    return sendPage(res, formPage(returnTo, name, { name: `Bitte geben Sie einen Namen mit 1 bis ${NAME_MAX} Zeichen ein.` }, 422));
  }
  const roles = DASHBOARD_ROLES.filter((role) => chosen.includes(role));
  const user = { id: developmentObjectId(name), name, email: null, tenantId: ctx.config.allowedTenantIds[0] ?? DEV_TENANT, roles };
  if (roles.length === 0) {
    ctx.authLog.info({ outcome: 'refused', reason: 'no_role', method: 'dev' }, 'dashboard sign-in refused');
    return sendPage(res, noAccessPage(user, { signedIn: false }));
  }
  await startSession(ctx, req, res, user, { method: 'dev', returnTo });
}

/** A stable, GUID-shaped object id per name, so that the same name is the same user across sign-ins. */
export function developmentObjectId(name: string): string {
  const hex = createHash('sha256').update(`lotse-dev:${name}`, 'utf8').digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function formPage(returnTo: string, name: string, errors: { readonly name?: string }, status: number) {
  const nameError: Html | string = errors.name ? html`<p class="field-error" id="name-error">${errors.name}</p>` : '';
  const roleBoxes = DASHBOARD_ROLES.map(
    (role) => html`<div class="checkbox">
  <input type="checkbox" id="role-${role}" name="roles" value="${role}">
  <label for="role-${role}">${ROLE_LABELS[role]} <span class="hint">(${ROLE_HINTS[role]})</span></label>
</div>`,
  );
  const body = html`<p>Nur für die Entwicklung auf diesem Rechner: Sie melden sich ohne Microsoft Entra ID an und wählen Ihre Rollen selbst.</p>
<form method="post" action="/dashboard/dev-sign-in" novalidate>
  <input type="hidden" name="returnTo" value="${returnTo}">
  <div class="form-field${errors.name ? ' form-field--error' : ''}">
    <label for="name">Name</label>
    ${nameError}
    <input type="text" id="name" name="name" value="${name}" autocomplete="name" maxlength="${NAME_MAX}" required${
      errors.name ? html` aria-invalid="true" aria-describedby="name-error"` : ''
    }>
  </div>
  <fieldset class="form-field">
    <legend>Rollen</legend>
    ${roleBoxes}
    <p class="hint">Ohne Rolle sehen Sie die Seite „Kein Zugriff“.</p>
  </fieldset>
  <button type="submit" class="button">Anmelden</button>
</form>`;
  return { status, title: 'Entwicklungs-Anmeldung', body };
}

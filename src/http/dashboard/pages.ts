import { randomUUID } from 'node:crypto';
import type { DashboardRole } from '../../domain/access/dashboard-user';
import { ErrorCode, isAppError } from '../../domain/errors';
import type { Html } from './html';
import { html } from './html';

/** A page before it goes into the layout. */
export interface PageContent {
  readonly status: number;
  readonly title: string;
  readonly body: Html;
}

/** German names of the roles, as users know them. */
export const ROLE_LABELS: Readonly<Record<DashboardRole, string>> = { advisor: 'Beratung', admin: 'Administration' };

export interface LinkSpec {
  readonly href: string;
  readonly label: string;
}

/** Paragraphs and follow-up links: the body of every message page. */
export function messageBody(paragraphs: readonly (string | Html)[], links: readonly LinkSpec[] = []): Html {
  return html`${paragraphs.map((paragraph) => html`<p>${paragraph}</p>`)}${
    links.length > 0 ? html`<ul class="links">${links.map((link) => html`<li><a href="${link.href}">${link.label}</a></li>`)}</ul>` : ''
  }`;
}

/** The account as the "Kein Zugriff" page names it. */
export interface AccountShown {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
}

/**
 * "Kein Zugriff" (403): names the signed-in account, what is missing, and how to get access.
 * `needed` is the role the page requires; absent when the account has no dashboard role at all.
 */
export function noAccessPage(account: AccountShown, options: { readonly needed?: DashboardRole; readonly signedIn: boolean }): PageContent {
  const who = account.email ? html`<strong>${account.name}</strong> (${account.email})` : html`<strong>${account.name}</strong>`;
  const missing = options.needed
    ? `Für diese Seite brauchen Sie die Rolle „${ROLE_LABELS[options.needed]}“.`
    : 'Ihrem Konto ist keine Rolle für das Lotse-Dashboard zugewiesen.';
  const links: LinkSpec[] = options.signedIn
    ? [{ href: '/dashboard', label: 'Zur Übersicht' }]
    : [{ href: '/dashboard/sign-in', label: 'Mit einem anderen Konto anmelden' }];
  return {
    status: 403,
    title: 'Kein Zugriff',
    body: html`<p>Sie sind angemeldet als ${who}.</p>
<p>${missing}</p>
<h2>So erhalten Sie Zugriff</h2>
<p>Bitten Sie die Administration der Kooperation, Ihnen in Microsoft Entra ID die App-Rolle
<strong>Lotse.Advisor</strong> (Beratung) oder <strong>Lotse.Admin</strong> (Administration) der
Anwendung Lotse zuzuweisen. Nennen Sie dabei Ihre Objekt-ID: <code>${account.id}</code>.
Melden Sie sich danach erneut an.</p>
${messageBody([], links)}`,
  };
}

export const NOT_FOUND_PAGE: PageContent = {
  status: 404,
  title: 'Seite nicht gefunden',
  body: messageBody(['Diese Seite gibt es nicht (mehr). Prüfen Sie die Adresse.'], [{ href: '/dashboard', label: 'Zur Übersicht' }]),
};

/** A refused POST: wrong or missing CSRF token, foreign origin, or no form. */
export const REFUSED_POST_PAGE: PageContent = {
  status: 403,
  title: 'Anfrage abgelehnt',
  body: messageBody(
    ['Die Sicherheitsprüfung des Formulars ist fehlgeschlagen; es wurde nichts geändert. Laden Sie die Seite neu und versuchen Sie es noch einmal.'],
    [{ href: '/dashboard', label: 'Zur Übersicht' }],
  ),
};

export const INVALID_INPUT_PAGE: PageContent = {
  status: 400,
  title: 'Ungültige Eingabe',
  body: messageBody(['Die Anfrage enthielt Werte in einer Form, die das Dashboard nicht annimmt. Es wurde nichts geändert.'], [
    { href: '/dashboard', label: 'Zur Übersicht' },
  ]),
};

export const SESSION_EXPIRED_PAGE: PageContent = {
  status: 401,
  title: 'Sitzung abgelaufen',
  body: messageBody(['Ihre Sitzung ist abgelaufen oder Sie sind nicht angemeldet. Es wurde nichts geändert.'], [
    { href: '/dashboard/sign-in', label: 'Anmelden' },
  ]),
};

export function tooManyRequestsPage(retryAfterSeconds: number): PageContent {
  return {
    status: 429,
    title: 'Zu viele Anmeldeversuche',
    body: messageBody([`Bitte warten Sie ${retryAfterSeconds} Sekunden und versuchen Sie es dann erneut.`]),
  };
}

/** The German page for an error from a handler, and whether (and under which reference) to log it as a failure. */
export function errorPageFor(error: unknown): PageContent & { readonly unexpected: boolean; readonly reference?: string } {
  const back = [{ href: '/dashboard', label: 'Zur Übersicht' }];
  if (isAppError(error)) {
    switch (error.code) {
      case ErrorCode.NotFound:
        return { ...NOT_FOUND_PAGE, title: 'Nicht gefunden', body: messageBody(['Der Eintrag wurde nicht gefunden.', error.message], back), unexpected: false };
      case ErrorCode.ValidationFailed:
        return { status: 422, title: 'Eingabe nicht gültig', body: messageBody(['Bitte prüfen Sie Ihre Eingabe.', error.message], back), unexpected: false };
      case ErrorCode.VersionConflict:
      case ErrorCode.TicketAlreadyClaimed:
      case ErrorCode.InvalidTransition:
      case ErrorCode.DuplicateKey:
        return {
          status: 409,
          title: 'Konflikt',
          body: messageBody(['Die Änderung passt nicht zum aktuellen Stand – jemand anderes war schneller, oder der Zustand lässt sie nicht zu. Laden Sie die Seite neu.', error.message], back),
          unexpected: false,
        };
      case ErrorCode.Forbidden:
      case ErrorCode.Unauthorized:
        return { status: 403, title: 'Kein Zugriff', body: messageBody(['Diese Aktion ist für Ihr Konto nicht erlaubt.'], back), unexpected: false };
      case ErrorCode.NotReady:
      case ErrorCode.StoreUnavailable:
        return {
          status: 503,
          title: 'Vorübergehend nicht verfügbar',
          body: messageBody(['Lotse startet gerade oder der Speicher ist nicht erreichbar. Bitte versuchen Sie es in einer Minute erneut.']),
          unexpected: false,
        };
      default:
        break;
    }
  }
  const reference = randomUUID().slice(0, 8);
  return {
    status: 500,
    title: 'Interner Fehler',
    body: messageBody([`Es ist ein unerwarteter Fehler aufgetreten. Bitte versuchen Sie es später erneut. Fehlerkennung für den Support: ${reference}`], back),
    unexpected: true,
    reference,
  };
}

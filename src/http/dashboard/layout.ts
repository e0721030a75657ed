import type { DashboardRole, DashboardUser } from '../../domain/access/dashboard-user';
import { hasRole } from '../../domain/access/dashboard-user';
import type { DashboardRoute } from './dashboard-route';
import type { Html } from './html';
import { csrfField, html } from './html';

/** A navigation section: the sections of {@link DashboardRoute} plus the home page. */
export type DashboardSection = NonNullable<DashboardRoute['section']> | 'home';

export interface LayoutOptions {
  /** The page title: the one `<h1>` and the first part of `<title>`. Pages do not add their own `<h1>`. */
  readonly title: string;
  readonly body: Html;
  /** The signed-in user: shows the navigation for their roles, their name and the sign-out button. */
  readonly signedIn?: { readonly user: DashboardUser; readonly csrfToken: string };
  /** The section to mark with aria-current in the navigation. */
  readonly section?: DashboardSection;
  /** The request's path with query (tells "Meine Tickets" from "Tickets"). */
  readonly url?: string;
  /** One-line notices, announced to screen readers (role=status). */
  readonly notices?: readonly string[];
}

interface NavItem {
  readonly label: string;
  readonly href: string;
  readonly role: DashboardRole;
  readonly section: DashboardSection;
  /** "Meine Tickets": current when the ticket list is filtered to the signed-in user. */
  readonly mine?: boolean;
}

/** The navigation by role; admins see everything advisors see. */
export const NAVIGATION: readonly NavItem[] = [
  { label: 'Tickets', href: '/dashboard/tickets', role: 'advisor', section: 'tickets', mine: false },
  { label: 'Meine Tickets', href: '/dashboard/tickets?assignee=me', role: 'advisor', section: 'tickets', mine: true },
  { label: 'Wissen', href: '/dashboard/knowledge', role: 'admin', section: 'knowledge' },
  { label: 'Konsole', href: '/dashboard/console', role: 'admin', section: 'console' },
  { label: 'Wissenslücken', href: '/dashboard/gaps', role: 'admin', section: 'gaps' },
  { label: 'Auswertung', href: '/dashboard/analytics', role: 'admin', section: 'analytics' },
];

/** The navigation entries a user sees. */
export function navigationFor(user: Pick<DashboardUser, 'roles'>): NavItem[] {
  return NAVIGATION.filter((item) => hasRole(user, item.role));
}

function isCurrent(item: NavItem, section: DashboardSection | undefined, url: string | undefined): boolean {
  if (item.section !== section) return false;
  if (item.mine === undefined) return true;
  const mine = new URL(url ?? '/', 'http://localhost').searchParams.get('assignee') === 'me';
  return item.mine === mine;
}

function navigation(user: DashboardUser, section: DashboardSection | undefined, url: string | undefined): Html {
  const items = navigationFor(user).map(
    (item) =>
      html`<li><a href="${item.href}"${isCurrent(item, section, url) ? html` aria-current="page"` : ''}>${item.label}</a></li>`,
  );
  return html`<nav class="site-nav" aria-label="Hauptnavigation"><ul>${items}</ul></nav>`;
}

function account(signedIn: NonNullable<LayoutOptions['signedIn']>): Html {
  return html`<div class="account">
      <span class="account__name">Angemeldet als <strong>${signedIn.user.name}</strong></span>
      <form class="account__sign-out" method="post" action="/dashboard/sign-out">
        ${csrfField(signedIn.csrfToken)}
        <button type="submit" class="button button-secondary">Abmelden</button>
      </form>
    </div>`;
}

/**
 * The common page: `lang="de"`, skip link, header with product name, navigation by role with
 * aria-current, the user's name and sign-out, `<main id="inhalt">` with the one `<h1>` and a
 * status region for notices. Styles and scripts come from /dashboard/assets only (strict CSP).
 */
export function renderLayout(options: LayoutOptions): Html {
  const { signedIn } = options;
  const notices = (options.notices ?? []).filter((notice) => notice.length > 0);
  return html`<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} – Lotse-Dashboard</title>
<link rel="stylesheet" href="/dashboard/assets/dashboard.css">
<script src="/dashboard/assets/dashboard.js" defer></script>
</head>
<body>
<a class="skip-link" href="#inhalt">Zum Inhalt springen</a>
<header class="site-header">
  <div class="site-header__bar">
    <a class="brand" href="/dashboard">Lotse <span class="brand__sub">Dashboard</span></a>
    ${signedIn ? account(signedIn) : ''}
  </div>
  ${signedIn ? navigation(signedIn.user, options.section, options.url) : ''}
</header>
<main id="inhalt" tabindex="-1">
  <h1>${options.title}</h1>
  <div class="notice" role="status">${notices.map((notice) => html`<p>${notice}</p>`)}</div>
  ${options.body}
</main>
<footer class="site-footer">
  <p>Lotse – die digitale Anlaufstelle der E-Government-Kooperation</p>
</footer>
</body>
</html>
`;
}

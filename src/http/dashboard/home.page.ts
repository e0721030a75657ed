import type { DashboardRoute } from './dashboard-route';
import { html } from './html';
import { navigationFor } from './layout';

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  '/dashboard/tickets': 'Alle Anfragen der Beratungsgruppen mit Status und Fristen.',
  '/dashboard/tickets?assignee=me': 'Die Tickets, die Sie gerade bearbeiten.',
  '/dashboard/knowledge': 'FAQ-Einträge, alternative Fragen und Synonyme pflegen.',
  '/dashboard/console': 'Lotse Fragen stellen und nachvollziehen, wie er antwortet.',
  '/dashboard/gaps': 'Fragen, auf die Lotse keine passende Antwort hatte.',
  '/dashboard/analytics': 'Kennzahlen zu Fragen, Antworten und Tickets.',
};

/** `GET /dashboard`: the start page with the sections the user's roles open. */
export const homePage: DashboardRoute = {
  method: 'GET',
  path: '/dashboard',
  role: 'advisor',
  async handle({ user }) {
    const cards = navigationFor(user).map(
      (item) => html`<li><a href="${item.href}">${item.label}</a><p>${DESCRIPTIONS[item.href] ?? ''}</p></li>`,
    );
    return {
      kind: 'page',
      title: 'Übersicht',
      body: html`<p>Willkommen, ${user.name}.</p>
<h2>Ihre Bereiche</h2>
<ul class="cards">${cards}</ul>`,
    };
  },
};

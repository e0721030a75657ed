import type { DashboardUser } from '../../../../src/domain/access/dashboard-user';
import { html } from '../../../../src/http/dashboard/html';
import { renderLayout } from '../../../../src/http/dashboard/layout';

const advisor: DashboardUser = { id: 'o1', name: 'Ada <Beraterin>', email: null, tenantId: 't', roles: ['advisor'] };
const admin: DashboardUser = { ...advisor, name: 'Grace', roles: ['admin'] };

function navLinks(markup: string): string[] {
  return [...markup.matchAll(/<nav[^>]*>(.*?)<\/nav>/gs)].flatMap((nav) => [...nav[1]!.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]!));
}

describe('renderLayout', () => {
  it('is German, starts with the skip link to main, has one h1 = the title', () => {
    const page = renderLayout({ title: 'Übersicht', body: html`<p>x</p>` }).value;
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="de">/);
    expect(page.indexOf('<a class="skip-link" href="#inhalt">Zum Inhalt springen</a>')).toBeLessThan(page.indexOf('<header'));
    expect(page).toContain('<main id="inhalt" tabindex="-1">');
    expect(page.match(/<h1>/g)).toHaveLength(1);
    expect(page).toContain('<h1>Übersicht</h1>');
    expect(page).toContain('<title>Übersicht – Lotse-Dashboard</title>');
    expect(page).not.toMatch(/<style|style=|<script>|\son[a-z]+=/);
  });

  it('shows advisors the ticket sections only, admins everything', () => {
    const forAdvisor = renderLayout({ title: 'T', body: html``, signedIn: { user: advisor, csrfToken: 'c' } }).value;
    expect(navLinks(forAdvisor)).toEqual(['/dashboard/tickets', '/dashboard/tickets?assignee=me']);
    const forAdmin = renderLayout({ title: 'T', body: html``, signedIn: { user: admin, csrfToken: 'c' } }).value;
    expect(navLinks(forAdmin)).toEqual([
      '/dashboard/tickets',
      '/dashboard/tickets?assignee=me',
      '/dashboard/knowledge',
      '/dashboard/console',
      '/dashboard/gaps',
      '/dashboard/analytics',
    ]);
  });

  it('marks the active section, telling "Meine Tickets" from "Tickets"', () => {
    const signedIn = { user: admin, csrfToken: 'c' };
    const mine = renderLayout({ title: 'T', body: html``, signedIn, section: 'tickets', url: '/dashboard/tickets?assignee=me' }).value;
    expect(mine).toContain('<a href="/dashboard/tickets?assignee=me" aria-current="page">Meine Tickets</a>');
    expect(mine.match(/aria-current/g)).toHaveLength(1);
    const all = renderLayout({ title: 'T', body: html``, signedIn, section: 'tickets', url: '/dashboard/tickets' }).value;
    expect(all).toContain('<a href="/dashboard/tickets" aria-current="page">Tickets</a>');
    const gaps = renderLayout({ title: 'T', body: html``, signedIn, section: 'gaps' }).value;
    expect(gaps).toContain('<a href="/dashboard/gaps" aria-current="page">Wissenslücken</a>');
  });

  it('escapes the user name and carries the CSRF token in the sign-out form; notices in a status region', () => {
    const page = renderLayout({ title: 'T', body: html``, signedIn: { user: advisor, csrfToken: 'tok"en' }, notices: ['Gespeichert.'] }).value;
    expect(page).toContain('Angemeldet als <strong>Ada &lt;Beraterin&gt;</strong>');
    expect(page).toMatch(/<form class="account__sign-out" method="post" action="\/dashboard\/sign-out">\s*<input type="hidden" name="_csrf" value="tok&quot;en">/);
    expect(page).toContain('<div class="notice" role="status"><p>Gespeichert.</p></div>');
  });
});

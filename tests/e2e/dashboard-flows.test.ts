import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { Actor, Ticket } from '../../src/domain/tickets/ticket';
import type { TicketDesk } from '../../src/domain/tickets/ticket-desk';
import { postToBot, teamsMessage } from '../support/activities';
import { FakeConnector } from '../support/fake-connector';
import { LOTSE_BOT, REQUESTER, TEAMS_TENANT_ID, personalConversationId } from '../support/teams-activities';
import type { DashboardBrowser } from './support/dashboard-browser';
import { describeBrowser, expectNoSeriousAxeViolations, signInAs, startDashboardBrowser } from './support/dashboard-browser';
import type { PageGlobals } from './support/page-globals';

/**
 * The dashboard's main flows in Chromium against a real Lotse, as advisors and admins use them:
 * answering a ticket (the reply reaches the requester's Teams chat through a fake connector),
 * writing an FAQ entry and asking the console, turning a knowledge gap into a draft. Every page
 * visited is checked with axe-core.
 */
const FLOW_TIMEOUT = 180_000;
const ADVISOR = { name: 'Ada Beraterin', roles: ['advisor'] } as const;
const ADMIN = { name: 'Grace Admin', roles: ['admin'] } as const;
const CHAT = personalConversationId(REQUESTER.id);

const textOf = (value: unknown) => JSON.stringify(value ?? {});

/** Presses Tab until the focus is on the button named `name` (the keyboard path a user takes). */
async function tabToButton(page: Page, name: string, limit = 60): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = (globalThis as unknown as PageGlobals).document.activeElement;
      return { tag: element?.tagName.toLowerCase(), text: element?.textContent?.trim() };
    });
    if (focused.tag === 'button' && focused.text === name) return;
  }
  throw new Error(`no button "${name}" within ${limit} Tab presses`);
}

/** Runs `action` (a click or key that sends a form or follows a link) and waits until the next page (after any redirect) has loaded. */
async function submitWith(page: Page, action: () => Promise<void>): Promise<void> {
  const loaded = page.waitForEvent('load');
  await action();
  await loaded;
}

async function notices(page: Page): Promise<string> {
  return (await page.locator('main > .notice').textContent())?.trim() ?? '';
}

describeBrowser('dashboard flows in Chromium (ticket reply, FAQ entry, knowledge gap)', () => {
  const connector = new FakeConnector();
  let serviceUrl: string;
  let dashboard: DashboardBrowser;
  let desk: TicketDesk;

  /** Opens a ticket as the create-ticket dialog does, with the requester's chat at the fake connector. */
  async function openTicket(subject: string): Promise<Ticket> {
    const result = await desk.open({
      idempotencyKey: `${CHAT}|${randomUUID()}`,
      requester: { id: REQUESTER.aadObjectId, displayName: REQUESTER.name, municipality: 'Musterstadt' },
      subject,
      description: 'Unsere Kommune möchte das Verfahren bis zum Sommer umstellen.\nWer kann uns dabei helfen?',
      originalQuestion: `${subject}?`,
      category: 'Kooperation',
      priority: 'normal',
      candidates: [],
      conversationReference: {
        channelId: 'msteams',
        serviceUrl,
        locale: 'de-DE',
        conversation: { id: CHAT, conversationType: 'personal', tenantId: TEAMS_TENANT_ID },
        user: { id: REQUESTER.id, aadObjectId: REQUESTER.aadObjectId, name: REQUESTER.name },
        bot: LOTSE_BOT,
      },
    });
    return result.ticket;
  }

  beforeAll(async () => {
    serviceUrl = await connector.start();
    dashboard = await startDashboardBrowser({ env: { OUTBOX_POLL_MS: '200' } });
    desk = dashboard.app.lotse.tickets!.desk;
  }, FLOW_TIMEOUT);
  afterAll(async () => {
    await dashboard?.close();
    await connector.stop();
  });
  afterEach(() => {
    // Any inline script or style would be refused by the CSP and logged here.
    expect(dashboard.consoleErrors).toEqual([]);
  });

  it(
    'lets an advisor find a new ticket in the queue, claim it by keyboard and answer; the reply reaches the requester in Teams',
    async () => {
      const ticket = await openTicket('Beitritt zur Kooperation für den Bauhof');
      const reply = `Gern helfen wir beim Beitritt – Ihre Ansprechperson meldet sich bis Freitag (${randomUUID().slice(0, 8)}).`;
      const page = await dashboard.newUser();
      await signInAs(page, ADVISOR, '/dashboard/tickets');
      await expectNoSeriousAxeViolations(page);

      await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Neu' });
      await submitWith(page, () => page.getByRole('button', { name: 'Anzeigen' }).click());
      expect(new URL(page.url()).searchParams.get('status')).toBe('new');
      const row = page.getByRole('row').filter({ hasText: ticket.number });
      await expect(row.getByRole('cell').first().textContent()).resolves.toBe(ticket.subject);
      await expect(row.getByRole('cell').nth(1).textContent()).resolves.toBe('Neu');
      await expectNoSeriousAxeViolations(page);

      await submitWith(page, () => page.getByRole('link', { name: ticket.number, exact: true }).click());
      await expect(page.locator('h1').textContent()).resolves.toBe(`${ticket.number}: ${ticket.subject}`);
      await expectNoSeriousAxeViolations(page);

      await tabToButton(page, 'Übernehmen');
      await submitWith(page, () => page.keyboard.press('Enter'));
      await expect(notices(page)).resolves.toBe('Ticket übernommen.');
      await expect(page.locator('.facts').textContent()).resolves.toContain('Ada Beraterin');
      await expectNoSeriousAxeViolations(page);

      await page.getByLabel('Antwort an die anfragende Person').fill(reply);
      await submitWith(page, () => page.getByRole('button', { name: 'Antwort senden' }).click());
      await expect(notices(page)).resolves.toBe('Antwort gesendet. Die anfragende Person erhält sie in Microsoft Teams.');
      const shown = page.locator('.thread .message-advisor');
      await expect(shown.locator('.message-text').textContent()).resolves.toBe(reply);
      await expect(shown.locator('.message-meta').textContent()).resolves.toContain('Ada Beraterin');
      await expectNoSeriousAxeViolations(page);

      // The desk's outbox delivers the reply into the requester's personal chat.
      const delivered = await connector.waitForCall((call) => call.conversationId === CHAT && textOf(call.activity).includes(reply), 30_000);
      expect(delivered.method).toBe('POST');
      expect(textOf(delivered.activity)).toContain(ticket.number);
    },
    FLOW_TIMEOUT,
  );

  it(
    'lets an admin write and publish an FAQ entry that the console then gives as the answer',
    async () => {
      const question = 'Dürfen wir auf dem Flachdach des Rathauses Bienenvölker aufstellen?';
      const page = await dashboard.newUser();
      await signInAs(page, ADMIN, '/dashboard/knowledge/new');
      await expect(page.locator('h1').textContent()).resolves.toBe('Neuer Eintrag');
      await expectNoSeriousAxeViolations(page);

      await page.getByLabel('Frage', { exact: true }).fill(question);
      await page.getByLabel('Alternative Fragen').fill('Bienen auf dem Rathausdach\nImkerei auf kommunalen Gebäuden erlaubt?');
      await page
        .getByLabel('Antwort', { exact: true })
        .fill('Ja, wenn die Statik geprüft ist und die Gebäudeverwaltung zustimmt.\n\n- Antrag an die Gebäudeverwaltung\n- Nachweis der Imkerschulung');
      await page.getByLabel('Kategorie', { exact: true }).fill('Kooperation');
      await page.getByLabel('Schlagwörter').fill('imkerei, rathaus, dach');
      await page.getByLabel('Quelle').fill('Beschluss des Lenkungskreises vom 12.03.2026');
      await page.getByLabel('Verantwortlich').fill('Team Liegenschaften');
      await page.getByLabel('Wiedervorlage').fill('2027-03-31');
      await page.getByLabel('Status', { exact: true }).selectOption('published');
      await submitWith(page, () => page.getByRole('button', { name: 'Speichern' }).click());

      const id = /\/dashboard\/knowledge\/([^/?]+)$/.exec(new URL(page.url()).pathname)?.[1];
      expect(id).toMatch(/^kb-/);
      await expect(notices(page)).resolves.toBe(`Eintrag ${id} angelegt.`);
      await expect(page.getByLabel('Frage', { exact: true }).inputValue()).resolves.toBe(question);
      await expectNoSeriousAxeViolations(page);

      await page.goto('/dashboard/console');
      await page.getByLabel('Frage', { exact: true }).fill(question);
      await submitWith(page, () => page.getByRole('button', { name: 'Fragen' }).click());
      const result = page.getByRole('region', { name: 'Ergebnis' });
      await expect(result.locator('p').first().textContent()).resolves.toBe(`Entscheidung: Antwort. Lotse antwortet direkt mit ${id} „${question}“.`);
      await expect(result.locator('.teams-card').textContent()).resolves.toContain('Statik geprüft');
      const first = result.getByRole('row').nth(1);
      await expect(first.getByRole('link').textContent()).resolves.toBe(id);
      await expect(first.getByRole('cell').last().textContent()).resolves.toBe('Antwort');
      await expectNoSeriousAxeViolations(page);
    },
    FLOW_TIMEOUT,
  );

  it(
    'shows unanswered questions asked in Teams as a knowledge gap that an admin turns into a draft entry',
    async () => {
      const question = 'Wie oft muss die Turmuhr der Dorfkirche gewartet werden?';
      // Three employees ask the same in their chats; Lotse has no answer.
      for (const userId of ['29:user-gap-1', '29:user-gap-2', '29:user-gap-3']) {
        const response = await postToBot(dashboard.url, teamsMessage(serviceUrl, question, { userId }));
        expect(response.status).toBe(200);
      }
      const page = await dashboard.newUser();
      await signInAs(page, ADMIN, '/dashboard/gaps');
      const heading = page.getByRole('heading', { level: 2, name: `„${question}“`, exact: true });
      const group = page.locator('.gap-group').filter({ has: heading });
      await expect(group.locator('.gap-meta').textContent()).resolves.toMatch(/^3 Fragen, zuletzt am .*ohne Antwort: 3\.$/);
      await expectNoSeriousAxeViolations(page);

      await group.getByLabel('Kategorie des neuen Eintrags').selectOption('Kooperation');
      await submitWith(page, () => group.getByRole('button', { name: 'Als neuer Eintrag anlegen' }).click());
      expect(new URL(page.url()).pathname).toMatch(/^\/dashboard\/knowledge\/kb-[\w-]+$/);
      await expect(notices(page)).resolves.toMatch(/^Entwurf aus 3 Fragen angelegt\./);
      await expect(page.getByLabel('Frage', { exact: true }).inputValue()).resolves.toBe(question);
      await expect(page.getByLabel('Kategorie', { exact: true }).inputValue()).resolves.toBe('Kooperation');
      await expect(page.getByLabel('Status', { exact: true }).inputValue()).resolves.toBe('draft');
      await expectNoSeriousAxeViolations(page);

      // The group is handled: the gaps page no longer lists it.
      await page.goto('/dashboard/gaps');
      await expect(heading.count()).resolves.toBe(0);
    },
    FLOW_TIMEOUT,
  );

  it(
    'has no serious or critical axe violations on any page an admin can open, reflows at 320 px and marks internal notes apart',
    async () => {
      const ticket = await openTicket('Zugang zur gemeinsamen Vergabeplattform');
      const advisor: Actor = { id: 'advisor-axe', displayName: 'Bea Beraterin', role: 'advisor' };
      const requester: Actor = { id: ticket.requester.id, displayName: ticket.requester.displayName, role: 'requester' };
      let current = await desk.claim(ticket.id, advisor, ticket.version);
      current = await desk.reply(ticket.id, advisor, 'Bitte nennen Sie uns die Vergabestelle Ihrer Kommune.', current.version);
      current = await desk.reply(ticket.id, requester, 'Das ist die Zentrale Vergabestelle im Rathaus.', current.version);
      await desk.note(ticket.id, advisor, 'Rückruf bei der Vergabestelle vereinbart.', current.version);

      const page = await dashboard.newUser();
      await signInAs(page, ADMIN);
      const entryId = 'kb-001';
      const paths = [
        '/dashboard/tickets',
        '/dashboard/tickets?assignee=me',
        `/dashboard/tickets/${ticket.number}`,
        '/dashboard/knowledge',
        '/dashboard/knowledge?q=rechnung&due=1',
        '/dashboard/knowledge/new',
        `/dashboard/knowledge/${entryId}`,
        `/dashboard/knowledge/${entryId}/versions`,
        '/dashboard/knowledge/import',
        '/dashboard/console',
        '/dashboard/console?q=Wie%20empfangen%20wir%20XRechnungen%3F',
        '/dashboard/gaps',
        '/dashboard/analytics',
      ];
      for (const path of paths) {
        const response = await page.goto(path);
        expect([path, response?.status()]).toEqual([path, 200]);
        await expectNoSeriousAxeViolations(page);
      }

      // Reflow (WCAG 1.4.10): at 320 CSS pixels no page scrolls sideways, not even the wide tables.
      await page.setViewportSize({ width: 320, height: 640 });
      for (const path of paths) {
        await page.goto(path);
        const width = await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth);
        expect([path, width]).toEqual([path, 320]);
      }
      await page.setViewportSize({ width: 1280, height: 720 });

      // Back on the ticket: the note says what it is in words and looks unlike a reply.
      await page.goto(`/dashboard/tickets/${ticket.number}`);
      const note = page.locator('.thread .message-internal');
      await expect(note.locator('.message-meta').textContent()).resolves.toContain('Interne Notiz (nur für Berater:innen sichtbar)');
      const looks = await page.evaluate(() => {
        const window = globalThis as unknown as PageGlobals;
        const look = (selector: string) => {
          const style = window.getComputedStyle(window.document.querySelector(selector)!);
          return `${style.backgroundColor} ${style.borderLeftColor}`;
        };
        return { note: look('.thread .message-internal'), advisor: look('.thread .message-advisor'), requester: look('.thread .message-requester') };
      });
      expect(new Set(Object.values(looks)).size).toBe(3);
      expect(looks.note).not.toMatch(/^rgba\(0, 0, 0, 0\)/);
    },
    FLOW_TIMEOUT,
  );
});

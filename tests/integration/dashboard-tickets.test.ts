import type { TicketRuntime } from '../../src/ticket-runtime';
import { invokeBot, postToBot } from '../support/activities';
import { DashboardClient } from '../support/dashboard-client';
import { FakeConnector } from '../support/fake-connector';
import { captureLogs, startTestLotse, type TestLotse } from '../support/start-test-lotse';
import { ADVISOR, ADVISORS_TEAM, REQUESTER, adaptiveCardActionInvoke, channelMentionMessage, personalConversationId } from '../support/teams-activities';

/**
 * The dashboard and Teams work on the same tickets: a change made in the dashboard reaches the
 * requester's chat and refreshes the card in the advisors' channel, and a claim race between the
 * dashboard and the Teams card has exactly one winner.
 */
captureLogs();

const DEV = { DASHBOARD_DEV_SIGN_IN: 'true', DASHBOARD_COOKIE_SECURE: 'false', DASHBOARD_SIGN_IN_LIMIT_PER_MINUTE: '1000', OUTBOX_POLL_MS: '200' };
const json = (value: unknown) => JSON.stringify(value ?? {});

describe('dashboard ticket changes reach Teams', () => {
  const connector = new FakeConnector();
  let serviceUrl: string;
  let app: TestLotse;
  let tickets: TicketRuntime;
  const chat = personalConversationId(REQUESTER.id);
  let sequence = 0;

  beforeAll(async () => {
    serviceUrl = await connector.start();
    connector.setTeam(ADVISORS_TEAM);
    connector.setTeamMembers(ADVISORS_TEAM.id, [ADVISOR]);
    app = await startTestLotse(DEV);
    await app.lotse.ready;
    tickets = app.lotse.tickets!;
    await postToBot(app.url, channelMentionMessage(serviceUrl, 'Tickets für Datenschutz hier'));
  }, 30_000);

  afterAll(async () => {
    await app?.dispose();
    await connector.stop();
  });

  /** A ticket of the Datenschutz group whose card is in the channel; returns it and the card's activity id. */
  async function postedTicket() {
    sequence += 1;
    const { ticket } = await tickets.desk.open({
      idempotencyKey: `dashboard-test:${sequence}`,
      requester: { id: REQUESTER.aadObjectId, displayName: REQUESTER.name, municipality: 'Musterstadt' },
      subject: `Löschfristen Bewerbungsunterlagen ${sequence}`,
      description: 'Wie lange dürfen wir Bewerbungsunterlagen aufbewahren?',
      originalQuestion: 'Wie lange dürfen wir Bewerbungsunterlagen aufbewahren?',
      category: 'Datenschutz',
      priority: 'normal',
      candidates: [],
      conversationReference: { channelId: 'msteams', serviceUrl, bot: { id: '28:lotse-bot' }, conversation: { id: chat }, user: { id: REQUESTER.id } },
    });
    const thread = await connector.waitForCall((call) => call.threadId !== undefined && json(call.activity).includes(ticket.number));
    return { ticket, cardId: thread.resourceId! };
  }

  async function advisorClient(): Promise<DashboardClient> {
    const client = new DashboardClient(app.url);
    expect((await client.signInDev('Hanna Dashboard', ['advisor'])).status).toBe(303);
    return client;
  }

  it('claims and replies from the dashboard: the requester is told, and the Teams card shows it', async () => {
    const { ticket, cardId } = await postedTicket();
    const client = await advisorClient();
    const csrf = await client.csrfToken();
    const claimed = await client.post(`/dashboard/tickets/${ticket.number}/claim`, { _csrf: csrf, version: String(ticket.version) });
    expect(claimed.status).toBe(303);
    const afterClaim = await tickets.desk.tickets.getTicket(ticket.id);
    expect(afterClaim).toMatchObject({ status: 'assigned', assignee: { displayName: 'Hanna Dashboard' } });

    const replied = await client.post(`/dashboard/tickets/${ticket.number}/reply`, {
      _csrf: csrf,
      version: String(afterClaim.version),
      text: 'Bewerbungsunterlagen abgelehnter Personen löschen Sie in der Regel nach sechs Monaten.',
    });
    expect(replied.status).toBe(303);
    await connector.waitFor(() => connector.sentTo(chat).some((activity) => json(activity).includes('sechs Monaten')));
    await connector.waitFor(() => json(connector.latestActivity(cardId)).includes('sechs Monaten') && json(connector.latestActivity(cardId)).includes('Hanna Dashboard'));
  }, 30_000);

  it('refuses a reply with a stale version and changes nothing', async () => {
    const { ticket } = await postedTicket();
    const client = await advisorClient();
    const csrf = await client.csrfToken();
    await client.post(`/dashboard/tickets/${ticket.number}/claim`, { _csrf: csrf, version: String(ticket.version) });
    const stale = await client.post(`/dashboard/tickets/${ticket.number}/reply`, { _csrf: csrf, version: String(ticket.version), text: 'Veraltete Antwort' });
    expect(stale.status).toBe(409);
    expect((await tickets.desk.tickets.getTicket(ticket.id)).messages).toEqual([]);
  }, 30_000);

  it('lets exactly one of a dashboard claim and a Teams card claim win', async () => {
    const { ticket, cardId } = await postedTicket();
    const client = await advisorClient();
    const csrf = await client.csrfToken();
    const [dashboard, teams] = await Promise.all([
      client.post(`/dashboard/tickets/${ticket.number}/claim`, { _csrf: csrf, version: String(ticket.version) }),
      invokeBot(app.url, adaptiveCardActionInvoke(serviceUrl, { verb: 'claim', data: { ticketId: ticket.id, version: ticket.version }, replyToId: cardId, from: ADVISOR })),
    ]);
    const stored = await tickets.desk.tickets.getTicket(ticket.id);
    expect(stored.status).toBe('assigned');
    expect(stored.auditTrail.filter((entry) => entry.action === 'claim')).toHaveLength(1);
    if (stored.assignee!.displayName === 'Hanna Dashboard') {
      expect(dashboard.status).toBe(303);
      expect(json(teams.body)).toContain('Hanna Dashboard');
    } else {
      expect(stored.assignee!.displayName).toBe(ADVISOR.name);
      expect(dashboard.status).toBe(409);
      expect(await dashboard.text()).toContain(ADVISOR.name);
    }
  }, 30_000);
});

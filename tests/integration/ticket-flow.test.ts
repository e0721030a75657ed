import type { TicketRuntime } from '../../src/ticket-runtime';
import { postToBot, invokeBot } from '../support/activities';
import { FakeConnector } from '../support/fake-connector';
import { captureLogs, capturedLogs, startTestLotse, type TestLotse } from '../support/start-test-lotse';
import {
  ADVISOR,
  ADVISORS_CHANNEL_ID,
  ADVISORS_TEAM,
  REQUESTER,
  adaptiveCardActionInvoke,
  channelMentionMessage,
  personalChatMessage,
  personalConversationId,
} from '../support/teams-activities';
import { testMongoUri } from '../support/test-stores';

/**
 * The whole ticket flow over HTTP against the real server, with a fake Bot Framework connector
 * that plays Teams: a requester's personal chat and the advisors' team channel.
 */
const SECOND_ADVISOR = { ...ADVISOR, id: '29:advisor-2', aadObjectId: '00000000-0000-0000-0000-0000000000b2', name: 'Mira Schulz' };
const OUTSIDER = { ...ADVISOR, id: '29:outsider', aadObjectId: '00000000-0000-0000-0000-0000000000c9', name: 'Olaf Außen' };
const QUESTION = 'Wer ersetzt uns die Kosten für den Glasfaseranschluss des Bauhofs nach dem Hochwasser?';
const REQUESTER_ANSWER = 'Der Schaden wurde am 3. Mai gemeldet, Aktenzeichen liegt vor.';
const ADVISOR_REPLY = 'Bitte schicken Sie uns die Schadensmeldung, dann prüfen wir die Förderfähigkeit.';

type Json = Record<string, unknown>;

/** Every object inside `value` (cards nest actions in bodies, action sets and show-cards). */
function objectsIn(value: unknown): Json[] {
  if (value === null || typeof value !== 'object') return [];
  const own = Array.isArray(value) ? [] : [value as Json];
  return [...own, ...Object.values(value).flatMap(objectsIn)];
}

/** The `data` of the first card action with `data.action === action` in the activities. */
function submitData(activities: readonly Json[], action: string): Json | undefined {
  for (const activity of [...activities].reverse()) {
    const found = objectsIn(activity.attachments).find((o) => (o.data as Json | undefined)?.action === action);
    if (found) return found.data as Json;
  }
  return undefined;
}

function textOf(activity: Json | undefined): string {
  return JSON.stringify(activity ?? {});
}

const backends: Array<[string, NodeJS.ProcessEnv]> = [['embedded', {}]];
if (testMongoUri) backends.push(['mongodb', { MONGODB_URI: `${testMongoUri.replace(/\/[^/]*$/, '')}/lotse_flow_${Date.now()}` }]);

describe.each(backends)('ticket flow end to end over HTTP (%s store)', (_name, storeEnv) => {
  const connector = new FakeConnector();
  let serviceUrl: string;
  let test: TestLotse;
  let tickets: TicketRuntime;
  const chat = personalConversationId(REQUESTER.id);

  beforeAll(async () => {
    captureLogs();
    serviceUrl = await connector.start();
    connector.setTeam(ADVISORS_TEAM);
    connector.setTeamMembers(ADVISORS_TEAM.id, [ADVISOR, SECOND_ADVISOR]);
    test = await startTestLotse({ OUTBOX_POLL_MS: '200', ...storeEnv });
    await test.lotse.ready;
    tickets = test.lotse.tickets!;
  }, 30_000);

  afterAll(async () => {
    await test?.dispose();
    await connector.stop();
  });

  async function send(activity: Json): Promise<void> {
    const response = await postToBot(test.url, activity);
    expect(response.status).toBeLessThan(300);
  }

  const chatActivities = () => connector.sentTo(chat);

  it('runs from a no-answer reply to a rated ticket', async () => {
    // The advisors connect their channel to the group "Datenschutz".
    await send(channelMentionMessage(serviceUrl, 'Tickets für Datenschutz hier'));
    expect(await tickets.channels.get('datenschutz')).toMatchObject({ teamId: ADVISORS_TEAM.id, channelId: ADVISORS_CHANNEL_ID });

    // No FAQ answer: Lotse says so and offers to forward the question.
    await send(personalChatMessage(serviceUrl, QUESTION));
    const handoff = submitData(chatActivities(), 'handoff');
    expect(handoff).toEqual({ action: 'handoff', questionId: expect.any(String) });

    // The form, prefilled with the question; then suggestions once and the summary to confirm.
    await send(personalChatMessage(serviceUrl, undefined, { value: handoff! }));
    const form = submitData(chatActivities(), 'ticket_form')!;
    expect(textOf(chatActivities().at(-1))).toContain('Glasfaseranschluss');
    const formValues = { ...form, subject: 'Kosten Glasfaseranschluss nach Hochwasser', description: QUESTION, category: 'Datenschutz', urgency: 'high', municipality: 'Musterstadt' };
    await send(personalChatMessage(serviceUrl, undefined, { value: formValues }));
    const confirm = submitData(chatActivities(), 'ticket_draft');
    const shownBeforeConfirm = chatActivities().map(textOf).join('\n');
    expect(shownBeforeConfirm.split('Vielleicht hilft das schon').length - 1).toBeLessThanOrEqual(1);
    expect(confirm).toMatchObject({ action: 'ticket_draft', decision: 'submit' });

    // Submitted twice (a double click): one ticket, with everything the bot knew.
    const submit = personalChatMessage(serviceUrl, undefined, { value: confirm! });
    await send(submit);
    await send(personalChatMessage(serviceUrl, undefined, { value: confirm! }));
    const [ticket, ...others] = await tickets.desk.tickets.listForRequester(REQUESTER.aadObjectId);
    expect(others).toHaveLength(0);
    expect(ticket).toMatchObject({
      status: 'new',
      priority: 'high',
      advisorGroup: 'datenschutz',
      originalQuestion: QUESTION,
      requester: { id: REQUESTER.aadObjectId, municipality: 'Musterstadt' },
      conversationReference: expect.objectContaining({ conversation: expect.objectContaining({ id: chat }) }),
    });
    expect(ticket!.number).toMatch(/^LOT-\d{4}-\d{6}$/);
    expect(chatActivities().some((a) => textOf(a).includes(ticket!.number))).toBe(true);

    // The card arrives in a new thread of the advisors' channel.
    const thread = await connector.waitForCall((call) => call.threadId !== undefined && textOf(call.activity).includes(ticket!.number));
    const cardId = thread.resourceId!;
    expect(textOf(thread.activity)).toContain('Musterstadt');
    expect(textOf(thread.activity)).toContain('Glasfaseranschluss');

    // Two advisors claim at the same moment: exactly one gets it, the other is told who has it.
    const claim = (advisor: typeof ADVISOR) =>
      invokeBot(test.url, adaptiveCardActionInvoke(serviceUrl, { verb: 'claim', data: { ticketId: ticket!.id, version: ticket!.version }, replyToId: cardId, from: advisor }));
    const [first, second] = await Promise.all([claim(ADVISOR), claim(SECOND_ADVISOR)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const claimed = await tickets.desk.tickets.getTicket(ticket!.id);
    expect(claimed.status).toBe('assigned');
    const winner = claimed.assignee!;
    const loserResponse = winner.id === ADVISOR.aadObjectId ? second : first;
    expect(textOf(loserResponse.body as Json)).toContain(winner.displayName);
    const advisor = winner.id === ADVISOR.aadObjectId ? ADVISOR : SECOND_ADVISOR;
    await connector.waitFor(() => chatActivities().some((a) => textOf(a).includes(winner.displayName)));

    // Someone outside the advisors' team cannot act, and nothing changes.
    const refused = await invokeBot(test.url, adaptiveCardActionInvoke(serviceUrl, { verb: 'resolve', data: { ticketId: ticket!.id, version: claimed.version }, replyToId: cardId, from: OUTSIDER }));
    expect(refused.status).toBe(200);
    expect(textOf(refused.body as Json)).toContain('nur für Mitglieder der Beratergruppe');
    expect((await tickets.desk.tickets.getTicket(ticket!.id)).version).toBe(claimed.version);

    // The advisor's reply reaches the requester's chat; then the advisor waits for an answer.
    let current = await tickets.desk.tickets.getTicket(ticket!.id);
    const replied = await invokeBot(test.url, adaptiveCardActionInvoke(serviceUrl, { verb: 'reply', data: { ticketId: ticket!.id, version: current.version, replyText: ADVISOR_REPLY }, replyToId: cardId, from: advisor }));
    expect(replied.status).toBe(200);
    await connector.waitFor(() => chatActivities().some((a) => textOf(a).includes('Schadensmeldung')));
    current = await tickets.desk.tickets.getTicket(ticket!.id);
    await invokeBot(test.url, adaptiveCardActionInvoke(serviceUrl, { verb: 'wait_for_requester', data: { ticketId: ticket!.id, version: current.version }, replyToId: cardId, from: advisor }));
    expect((await tickets.desk.tickets.getTicket(ticket!.id)).status).toBe('waiting_for_requester');
    const sentBeforeWaitNotice = chatActivities().length;
    await connector.waitFor(() => chatActivities().length > sentBeforeWaitNotice);

    // The requester's next message lands on the ticket, and the advisors' card is updated.
    const updatesBefore = connector.updatesOf(cardId).length;
    await send(personalChatMessage(serviceUrl, REQUESTER_ANSWER));
    current = await tickets.desk.tickets.getTicket(ticket!.id);
    expect(current.status).toBe('assigned');
    expect(current.messages.map((m) => [m.role, m.text])).toEqual([
      ['advisor', ADVISOR_REPLY],
      ['requester', REQUESTER_ANSWER],
    ]);
    await connector.waitFor(() => connector.updatesOf(cardId).length > updatesBefore && textOf(connector.latestActivity(cardId)).includes('Aktenzeichen'));

    // Resolved: the requester is asked whether that answers the question, confirms, and rates.
    await invokeBot(test.url, adaptiveCardActionInvoke(serviceUrl, { verb: 'resolve', data: { ticketId: ticket!.id, version: current.version }, replyToId: cardId, from: advisor }));
    await connector.waitFor(() => submitData(chatActivities(), 'ticket_confirm_resolved') !== undefined);
    await send(personalChatMessage(serviceUrl, undefined, { value: submitData(chatActivities(), 'ticket_confirm_resolved')! }));
    expect((await tickets.desk.tickets.getTicket(ticket!.id)).status).toBe('closed');
    const rate = submitData(chatActivities(), 'ticket_rate')!;
    await send(personalChatMessage(serviceUrl, undefined, { value: { ...rate, score: '5', comment: 'Schnell und hilfreich.' } }));
    await send(personalChatMessage(serviceUrl, undefined, { value: { ...rate, score: '1' } }));
    expect((await tickets.desk.tickets.getTicket(ticket!.id)).satisfaction).toMatchObject({ score: 5, comment: 'Schnell und hilfreich.' });

    // Everything reached Teams, and no message text or name went into the logs.
    for (let i = 0; i < 100 && (await tickets.outbox.countPending()) > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await tickets.outbox.countPending()).toBe(0);
    const logs = capturedLogs.join('\n');
    for (const secret of ['Glasfaseranschluss', 'Aktenzeichen', 'Schadensmeldung', 'Musterstadt', REQUESTER.name, ADVISOR.name, SECOND_ADVISOR.name, 'hilfreich']) {
      expect(logs).not.toContain(secret);
    }
  }, 60_000);
});

describe('ticket delivery when Teams fails (embedded store)', () => {
  const connector = new FakeConnector();
  let serviceUrl: string;
  let test: TestLotse;

  beforeAll(async () => {
    captureLogs();
    serviceUrl = await connector.start();
    connector.setTeam(ADVISORS_TEAM);
    connector.setTeamMembers(ADVISORS_TEAM.id, [ADVISOR]);
    test = await startTestLotse({ OUTBOX_POLL_MS: '200' });
    await test.lotse.ready;
  }, 30_000);

  afterAll(async () => {
    await test?.dispose();
    await connector.stop();
  });

  it('keeps the ticket when the channel post fails and delivers the card on a later attempt', async () => {
    await postToBot(test.url, channelMentionMessage(serviceUrl, 'Tickets für Datenschutz hier'));
    // The next two attempts to start a thread in the channel are refused by Teams.
    connector.failNext(2, 403, (method, path) => method === 'POST' && path === '/v3/conversations');
    const tickets = test.lotse.tickets!;
    const { ticket } = await tickets.desk.open({
      idempotencyKey: 'retry-test:1',
      requester: { id: REQUESTER.aadObjectId, displayName: REQUESTER.name, municipality: 'Musterstadt' },
      subject: 'Auftragsverarbeitung mit dem Rechenzentrum',
      description: '',
      originalQuestion: 'Brauchen wir einen AVV mit dem Rechenzentrum?',
      category: 'Datenschutz',
      priority: 'normal',
      candidates: [],
      conversationReference: { channelId: 'msteams', serviceUrl, conversation: { id: personalConversationId(REQUESTER.id) } },
    });
    expect(await tickets.desk.tickets.getTicket(ticket.id)).toMatchObject({ number: ticket.number });
    const thread = await connector.waitForCall((call) => call.threadId !== undefined && textOf(call.activity).includes(ticket.number), 15_000);
    expect(thread.resourceId).toBeDefined();
    expect(connector.requests.filter((r) => r.injected)).toHaveLength(2);
    // The card's place is saved right after the post, for later updates in place.
    for (let i = 0; i < 50 && (await tickets.cards.get(ticket.id)) === null; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await tickets.cards.get(ticket.id)).toMatchObject({ groupId: 'datenschutz', activityId: thread.resourceId });
    expect(await tickets.outbox.countPending()).toBe(0);
  }, 30_000);
});

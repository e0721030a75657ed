import type { Activity } from 'botbuilder';
import { PENDING_REPLY_PROPERTY } from '../../../../dialogs/pending-reply';
import { AWAITING_TICKET_REPLY_PROPERTY } from '../../../../src/bot/tickets/ticket-bot-deps';
import type { TicketAdaptiveCard } from '../../../../src/bot/tickets/ticket-card.elements';
import { CHANNEL_ID, DATENSCHUTZ_CHANNEL, SERVICE_URL, anna, ben, createAdvisorHarness, invoke, invokeActivity, type AdvisorHarness } from './advisor-harness';
import { cardText, executeActions } from './ticket-card-inspection';

/** The requester's personal chat (the reference kept on tickets by `openInput`). */
const REQUESTER_CHAT = 'a:aad-requester-1';
const STATE_KEY = `msteams/conversations/${REQUESTER_CHAT}/`;

function cardIn(activity: Partial<Activity> | undefined): TicketAdaptiveCard {
  expect(activity?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return activity!.attachments![0]!.content as TicketAdaptiveCard;
}

/** A ticket whose card is posted in the datenschutz channel. */
async function postedTicket(harness: AdvisorHarness) {
  const ticket = await harness.openTicket({ conversationReference: { channelId: 'msteams', serviceUrl: SERVICE_URL, conversation: { id: REQUESTER_CHAT }, bot: { id: '28:lotse' } } });
  await harness.parts.notifier.deliver({ kind: 'post_card', ticketId: ticket.id });
  return ticket;
}

async function awaiting(harness: AdvisorHarness): Promise<unknown> {
  const stored = await harness.storage.read([STATE_KEY]);
  return (stored[STATE_KEY] as Record<string, unknown> | undefined)?.[AWAITING_TICKET_REPLY_PROPERTY];
}

describe('TicketNotifier: the card in the advisors\u2019 channel', () => {
  it('fails a card post while the group has no channel, so that the worker retries it', async () => {
    const harness = createAdvisorHarness({ registerChannel: false });
    const ticket = await harness.openTicket();
    await expect(harness.parts.notifier.deliver({ kind: 'post_card', ticketId: ticket.id })).rejects.toMatchObject({ code: 'NOT_READY' });
    expect(await harness.worker.runOnce()).toBe(0);
    expect(harness.outbox.jobs[0]).toMatchObject({ state: 'pending', attempts: 1, lastErrorCode: 'NOT_READY' });
    expect(harness.teams.threads).toEqual([]);
  });

  it('posts the card as a new thread in the group\u2019s channel and remembers where', async () => {
    const harness = createAdvisorHarness();
    const ticket = await harness.openTicket();
    expect(await harness.worker.runOnce()).toBe(1);
    expect(harness.teams.threads).toHaveLength(1);
    const [thread] = harness.teams.threads;
    expect(thread).toMatchObject({ channelId: CHANNEL_ID, serviceUrl: SERVICE_URL, parameters: { isGroup: true, channelData: { channel: { id: CHANNEL_ID } }, tenantId: 'tenant-1' } });
    const card = cardIn(thread!.parameters.activity);
    expect(cardText(card)).toContain(`${ticket.number}: ${ticket.subject}`);
    expect(harness.teams.appIds).toEqual(['app-id']);
    expect(await harness.cards.get(ticket.id)).toEqual({
      ticketId: ticket.id,
      groupId: 'datenschutz',
      conversationReference: { ...DATENSCHUTZ_CHANNEL.conversationReference, conversation: { ...(DATENSCHUTZ_CHANNEL.conversationReference.conversation as object), id: thread!.threadId }, activityId: thread!.activityId },
      activityId: thread!.activityId,
      postedAt: '2026-03-09T08:00:00.000Z',
    });
  });

  it('refreshes instead of posting again when the card is already in the channel', async () => {
    const harness = createAdvisorHarness();
    const ticket = await postedTicket(harness);
    await harness.parts.notifier.deliver({ kind: 'post_card', ticketId: ticket.id });
    expect(harness.teams.threads).toHaveLength(1);
    expect(harness.teams.updated).toHaveLength(1);
    expect(harness.teams.updated[0]).toMatchObject({ conversationId: harness.teams.threads[0]!.threadId, activity: { id: harness.teams.threads[0]!.activityId, type: 'message' } });
  });

  it('updates the card in place for everyone after a change, and does nothing before it is posted', async () => {
    const harness = createAdvisorHarness();
    const unposted = await harness.openTicket();
    await harness.parts.notifier.deliver({ kind: 'refresh_card', ticketId: unposted.id });
    expect(harness.teams.updated).toEqual([]);

    const ticket = await postedTicket(harness);
    await harness.desk.claim(ticket.id, anna);
    await harness.parts.notifier.deliver({ kind: 'refresh_card', ticketId: ticket.id });
    const update = harness.teams.updated.at(-1)!;
    expect(update.activity.id).toBe(harness.teams.threads.at(-1)!.activityId);
    expect(cardText(cardIn(update.activity))).toContain('In Bearbeitung – Anna Beraterin');
  });

  it('leaves a read-only card behind in the old channel when a ticket is forwarded, and posts it in the new one', async () => {
    const harness = createAdvisorHarness();
    await harness.channels.save({ ...DATENSCHUTZ_CHANNEL, groupId: 'technik', channelId: '19:technik@thread.tacv2' });
    const ticket = await postedTicket(harness);
    await harness.desk.route(ticket.id, 'technik', anna);
    await harness.parts.notifier.deliver({ kind: 'post_card', ticketId: ticket.id });
    expect(harness.teams.threads.map((thread) => thread.channelId)).toEqual([CHANNEL_ID, '19:technik@thread.tacv2']);
    const oldCard = cardIn(harness.teams.updated[0]!.activity);
    expect(harness.teams.updated[0]!.activity.id).toBe(harness.teams.threads[0]!.activityId);
    expect(executeActions(oldCard)).toEqual([]);
    expect(cardText(oldCard)).toContain('an die Gruppe „Technik und Infrastruktur“ weitergeleitet');
    expect((await harness.cards.get(ticket.id))?.groupId).toBe('technik');
  });

  it('reminds in the card\u2019s thread without any of the requester\u2019s text, and not once answered', async () => {
    const harness = createAdvisorHarness();
    const ticket = await postedTicket(harness);
    await harness.parts.notifier.deliver({ kind: 'remind', ticketId: ticket.id, reminder: 'first_response_due_soon' });
    await harness.parts.notifier.deliver({ kind: 'remind', ticketId: ticket.id, reminder: 'first_response_breached' });
    const thread = harness.teams.threads[0]!.threadId;
    expect(harness.teams.sentTo(thread).map((activity) => activity.text)).toEqual([
      `Erinnerung: Die Erstantwort zu ${ticket.number} ist bald fällig (bis 10.03.2026, 09:00).`,
      `Erinnerung: Die Erstantwort zu ${ticket.number} ist überschritten (fällig war 10.03.2026, 09:00).`,
    ]);
    const claimed = await harness.desk.claim(ticket.id, anna);
    await harness.desk.reply(ticket.id, anna, 'Antwort', claimed.version);
    await harness.parts.notifier.deliver({ kind: 'remind', ticketId: ticket.id, reminder: 'first_response_breached' });
    expect(harness.teams.sentTo(thread)).toHaveLength(2);
  });
});

describe('TicketNotifier: messages to the requester', () => {
  it('tells the requester who handles the request', async () => {
    const harness = createAdvisorHarness();
    const ticket = await postedTicket(harness);
    await harness.desk.claim(ticket.id, ben);
    await harness.parts.notifier.deliver({ kind: 'notify_requester', ticketId: ticket.id, event: { type: 'claimed' } });
    expect(harness.teams.sentTo(REQUESTER_CHAT).map((activity) => activity.text)).toEqual([`Ihre Anfrage ${ticket.number} wird jetzt von Ben Berater bearbeitet.`]);
  });

  it('sends an advisor\u2019s reply as a card with a reply field, and never an internal note', async () => {
    const harness = createAdvisorHarness();
    const ticket = await postedTicket(harness);
    const claimed = await harness.desk.claim(ticket.id, anna);
    const replied = await harness.desk.reply(ticket.id, anna, 'Das darf jeder Elternteil.', claimed.version);
    const noted = await harness.desk.note(ticket.id, anna, 'Intern: Vorlage fehlt');
    await harness.parts.notifier.deliver({ kind: 'notify_requester', ticketId: ticket.id, event: { type: 'advisor_replied', messageId: replied.messages[0]!.id } });
    await harness.parts.notifier.deliver({ kind: 'notify_requester', ticketId: ticket.id, event: { type: 'advisor_replied', messageId: noted.messages[1]!.id } });
    const sent = harness.teams.sentTo(REQUESTER_CHAT);
    expect(sent).toHaveLength(1);
    const card = sent[0]!.attachments![0]!.content as { body: Array<{ type: string; text?: string; id?: string }>; actions: Array<{ data: unknown }> };
    expect(card.body.map((element) => element.text ?? element.id)).toEqual([
      `Antwort zu Ihrer Anfrage ${ticket.number}`,
      ticket.subject,
      'Anna Beraterin schreibt:',
      'Das darf jeder Elternteil.',
      'replyText',
    ]);
    expect(JSON.stringify(sent)).not.toContain('Vorlage fehlt');
    expect(card.actions[0]!.data).toEqual({ action: 'ticket_reply', ticketId: ticket.id });
  });

  it('marks the ticket as awaiting the requester\u2019s reply in their chat, and clears it on another status', async () => {
    const harness = createAdvisorHarness();
    const ticket = await postedTicket(harness);
    await harness.storage.write({ [STATE_KEY]: { [AWAITING_TICKET_REPLY_PROPERTY]: ['other-ticket'], eTag: '*' } });
    const claimed = await harness.desk.claim(ticket.id, anna);
    await harness.desk.changeStatus(ticket.id, 'wait_for_requester', anna, claimed.version);
    await harness.parts.notifier.deliver({ kind: 'notify_requester', ticketId: ticket.id, event: { type: 'status_changed', status: 'waiting_for_requester' } });
    expect(await awaiting(harness)).toEqual(['other-ticket', ticket.id]);
    expect(harness.teams.sentTo(REQUESTER_CHAT).at(-1)?.text).toBe(`Ihre Anfrage ${ticket.number} benötigt eine Rückmeldung von Ihnen. Antworten Sie einfach hier im Chat.`);

    await harness.parts.notifier.deliver({ kind: 'notify_requester', ticketId: ticket.id, event: { type: 'status_changed', status: 'resolved' } });
    expect(await awaiting(harness)).toEqual(['other-ticket']);
    const resolved = harness.teams.sentTo(REQUESTER_CHAT).at(-1)!.attachments![0]!.content as { body: Array<{ text: string }>; actions: Array<{ data: unknown }> };
    expect(resolved.body.map((element) => element.text)).toContain('Ist Ihre Frage damit beantwortet?');
    expect(resolved.actions.map((action) => action.data)).toEqual([
      { action: 'ticket_confirm_resolved', ticketId: ticket.id },
      { action: 'ticket_reopen', ticketId: ticket.id },
    ]);
    // A typed "ja" / "nein" answers the notice too (channels without cards).
    const stored = (await harness.storage.read([STATE_KEY]))[STATE_KEY] as Record<string, unknown>;
    expect(stored[PENDING_REPLY_PROPERTY]).toEqual({ kind: 'ticket_resolved', userId: ticket.requester.id, ticketId: ticket.id });
  });

  it('keeps the awaiting mark when sending fails, so that the retry only repeats the message', async () => {
    const harness = createAdvisorHarness();
    const ticket = await postedTicket(harness);
    harness.teams.failNext = 1;
    const event = { type: 'status_changed', status: 'waiting_for_requester' } as const;
    await expect(harness.parts.notifier.deliver({ kind: 'notify_requester', ticketId: ticket.id, event })).rejects.toMatchObject({ statusCode: 503 });
    await harness.parts.notifier.deliver({ kind: 'notify_requester', ticketId: ticket.id, event });
    expect(await awaiting(harness)).toEqual([ticket.id]);
    expect(harness.teams.sentTo(REQUESTER_CHAT)).toHaveLength(1);
  });

  it('tells of closing and reopening, in the requester\u2019s language', async () => {
    const harness = createAdvisorHarness();
    const ticket = await harness.openTicket({
      conversationReference: { channelId: 'msteams', serviceUrl: SERVICE_URL, conversation: { id: REQUESTER_CHAT }, bot: { id: '28:lotse' }, locale: 'en-GB' },
    });
    const claimed = await harness.desk.claim(ticket.id, anna);
    const closed = await harness.desk.changeStatus(ticket.id, 'close', anna, claimed.version);
    await harness.parts.notifier.deliver({ kind: 'notify_requester', ticketId: ticket.id, event: { type: 'status_changed', status: 'closed' } });
    await harness.desk.changeStatus(ticket.id, 'reopen', anna, closed.version);
    await harness.parts.notifier.deliver({ kind: 'notify_requester', ticketId: ticket.id, event: { type: 'status_changed', status: 'assigned' } });
    expect(harness.teams.sentTo(REQUESTER_CHAT).map((activity) => activity.text)).toEqual([
      `Your request ${ticket.number} was closed.`,
      `Your request ${ticket.number} was reopened.`,
    ]);
  });
});

describe('from the card action to Teams, through the outbox', () => {
  it('claiming on the card updates the card for everyone and tells the requester', async () => {
    const harness = createAdvisorHarness();
    const ticket = await postedTicket(harness);
    await harness.worker.runOnce();
    harness.teams.updated.length = 0;
    await invoke(harness, invokeActivity(anna, 'claim', { ticketId: ticket.id, version: ticket.version }));
    expect(await harness.worker.runOnce()).toBe(2);
    expect(cardText(cardIn(harness.teams.updated[0]!.activity))).toContain('In Bearbeitung – Anna Beraterin');
    expect(harness.teams.sentTo(REQUESTER_CHAT).map((activity) => activity.text)).toEqual([`Ihre Anfrage ${ticket.number} wird jetzt von Anna Beraterin bearbeitet.`]);
    expect(await harness.outbox.countPending()).toBe(0);
  });
});

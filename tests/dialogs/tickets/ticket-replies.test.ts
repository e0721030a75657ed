import { advisorReplyCard } from '../../../src/bot/tickets/requester-cards';
import { button, cardOf, cardText, CLEAR_QUESTION, converse, submit } from '../support/bot-harness';
import { conversationState, createTicketHarness, OTHER_USER, seedTicket, setAwaiting, type TicketHarness } from './support/ticket-harness';

const ANSWER = 'Wir nutzen Version 4.2, der Fehler kommt beim Anmelden.';

describe('a message while a ticket waits for the requester', () => {
  let harness: TicketHarness;

  beforeEach(async () => {
    harness = await createTicketHarness();
  });

  it('is added to the waiting ticket, which then no longer waits', async () => {
    const ticket = await seedTicket(harness, 'waiting');
    await setAwaiting(harness, [ticket.id]);
    const [[confirmation, ...rest]] = await converse(harness, ANSWER);
    expect(rest).toEqual([]);
    expect(confirmation?.text).toBe('Ihre Antwort wurde zu LOT-2026-000001 hinzugefügt. Die Berater:innen sind informiert.');
    expect(harness.engine.asked).toEqual([]);
    const stored = await harness.service.getTicket(ticket.id);
    expect(stored.status).toBe('assigned');
    expect(stored.messages.at(-1)).toMatchObject({ role: 'requester', text: ANSWER, author: { id: 'user1' } });
    expect(harness.outbox.notifications).toContainEqual({ kind: 'refresh_card', ticketId: ticket.id });
    expect(await conversationState(harness)).not.toHaveProperty('awaitingTicketReply');

    const [[answer]] = await converse(harness, CLEAR_QUESTION);
    expect(cardOf(answer!).body[0]).toMatchObject({ text: 'Wie können wir XRechnungen technisch empfangen?' });
  });

  it('drops a ticket that no longer waits and answers the message as a question', async () => {
    const ticket = await seedTicket(harness, 'assigned');
    await setAwaiting(harness, [ticket.id, 'unknown-ticket']);
    const [[answer]] = await converse(harness, CLEAR_QUESTION);
    expect(cardOf(answer!).body[0]).toMatchObject({ text: 'Wie können wir XRechnungen technisch empfangen?' });
    expect((await harness.service.getTicket(ticket.id)).messages.filter((message) => message.role === 'requester')).toEqual([]);
    expect(await conversationState(harness)).not.toHaveProperty('awaitingTicketReply');
  });

  it("never adds to another requester's ticket, even when its id is in the list", async () => {
    const foreign = await seedTicket(harness, 'waiting', { requesterId: OTHER_USER.id });
    await setAwaiting(harness, [foreign.id]);
    await converse(harness, ANSWER);
    expect((await harness.service.getTicket(foreign.id)).messages.filter((message) => message.role === 'requester')).toEqual([]);
  });

  it('keeps commands and ticket numbers as they are', async () => {
    const ticket = await seedTicket(harness, 'waiting');
    await setAwaiting(harness, [ticket.id]);
    const [[list], [detail]] = await converse(harness, 'Meine Anfragen', 'LOT-2026-000001');
    expect(cardText(cardOf(list!))).toMatch(/^Ihre Anfragen/);
    expect(cardText(cardOf(detail!))).toMatch(/^LOT-2026-000001: /);
    expect((await harness.service.getTicket(ticket.id)).status).toBe('waiting_for_requester');
  });

  it('with two waiting tickets asks which one, keeps the text meanwhile, and adds it to the chosen one', async () => {
    const first = await seedTicket(harness, 'waiting', { subject: 'Portalzugang' });
    const second = await seedTicket(harness, 'waiting', { subject: 'Signaturkarte' });
    await setAwaiting(harness, [first.id, second.id]);
    const [[choice, ...rest]] = await converse(harness, ANSWER);
    expect(rest).toEqual([]);
    const card = cardOf(choice!);
    expect(cardText(card)).toMatch(/^Zu welcher Anfrage gehört Ihre Nachricht\?/);
    expect(card.actions.map((action) => [action.title, action.data])).toEqual([
      ['LOT-2026-000001: Portalzugang', { action: 'ticket_attach', ticketId: first.id }],
      ['LOT-2026-000002: Signaturkarte', { action: 'ticket_attach', ticketId: second.id }],
      ['Keine davon – es ist eine neue Frage', { action: 'ticket_attach_none' }],
    ]);
    expect(await conversationState(harness)).toMatchObject({ keptTicketReply: { text: ANSWER, ticketIds: [first.id, second.id] } });

    const [[added]] = await converse(harness, submit(button(card, 'LOT-2026-000002: Signaturkarte').data));
    expect(added?.text).toBe('Ihre Antwort wurde zu LOT-2026-000002 hinzugefügt. Die Berater:innen sind informiert.');
    expect((await harness.service.getTicket(second.id)).messages.at(-1)).toMatchObject({ text: ANSWER });
    expect((await harness.service.getTicket(first.id)).status).toBe('waiting_for_requester');
    expect(await conversationState(harness)).toMatchObject({ awaitingTicketReply: [first.id] });
    expect(await conversationState(harness)).not.toHaveProperty('keptTicketReply');

    const [[again]] = await converse(harness, submit(button(card, 'LOT-2026-000001: Portalzugang').data));
    expect(again?.text).toBe('Ihre Nachricht liegt mir leider nicht mehr vor. Bitte schreiben Sie sie noch einmal.');
  });

  it('answers the kept text as a question with "Keine davon"', async () => {
    const first = await seedTicket(harness, 'waiting', { subject: 'Portalzugang' });
    const second = await seedTicket(harness, 'waiting', { subject: 'Signaturkarte' });
    await setAwaiting(harness, [first.id, second.id]);
    const [[choice]] = await converse(harness, CLEAR_QUESTION);
    const [[answer]] = await converse(harness, submit(button(cardOf(choice!), 'Keine davon – es ist eine neue Frage').data));
    expect(cardOf(answer!).body[0]).toMatchObject({ text: 'Wie können wir XRechnungen technisch empfangen?' });
  });

  it('chooses by number in plain text', async () => {
    const plain = await createTicketHarness({ channelId: 'sms' });
    const first = await seedTicket(plain, 'waiting', { subject: 'Portalzugang' });
    const second = await seedTicket(plain, 'waiting', { subject: 'Signaturkarte' });
    await setAwaiting(plain, [first.id, second.id], 'sms');
    const [[choice]] = await converse(plain, ANSWER);
    expect(choice?.text).toBe(
      'Zu welcher Anfrage gehört Ihre Nachricht?\n\n1. LOT-2026-000001: Portalzugang\n2. LOT-2026-000002: Signaturkarte\n\nAntworten Sie mit der Nummer (1 bis 2) – oder mit „0“, wenn es eine neue Frage ist.',
    );
    const [[added]] = await converse(plain, '1');
    expect(added?.text).toMatch(/^Ihre Antwort wurde zu LOT-2026-000001 hinzugefügt\./);
    expect((await plain.service.getTicket(first.id)).messages.at(-1)).toMatchObject({ text: ANSWER });
  });

  it('keeps the text when the store fails and sends it again with one click', async () => {
    const ticket = await seedTicket(harness, 'waiting');
    await setAwaiting(harness, [ticket.id]);
    harness.repository.failWrites = true;
    const [[failed]] = await converse(harness, ANSWER);
    expect(cardText(cardOf(failed!))).toBe('Ihre Antwort konnte gerade nicht gespeichert werden. Ich habe sie mir gemerkt – klicken Sie gleich auf „Erneut senden“.\nErneut senden');
    harness.repository.failWrites = false;
    const [[added]] = await converse(harness, submit(button(cardOf(failed!), 'Erneut senden').data));
    expect(added?.text).toMatch(/^Ihre Antwort wurde zu LOT-2026-000001 hinzugefügt\./);
    expect((await harness.service.getTicket(ticket.id)).messages.filter((message) => message.role === 'requester')).toHaveLength(1);
  });
});

describe('the reply field on an advisor reply card', () => {
  let harness: TicketHarness;

  beforeEach(async () => {
    harness = await createTicketHarness();
  });

  it('adds its text to the ticket', async () => {
    const ticket = await seedTicket(harness, 'waiting');
    const card = advisorReplyCard(ticket, 'Welche Version des Portals nutzen Sie?', 'de', 'Anna Beraterin');
    const [[added]] = await converse(harness, submit({ ...button(card, 'Antworten').data, replyText: `  ${ANSWER}\r\n` }));
    expect(added?.text).toBe('Ihre Antwort wurde zu LOT-2026-000001 hinzugefügt. Die Berater:innen sind informiert.');
    expect((await harness.service.getTicket(ticket.id)).messages.at(-1)).toMatchObject({ role: 'requester', text: ANSWER });
  });

  it.each([
    ['an empty reply', { replyText: '  ' }, 'Bitte schreiben Sie Ihre Antwort in das Textfeld.'],
    ['a reply that is no text', { replyText: ['x'] }, 'Bitte schreiben Sie Ihre Antwort in das Textfeld.'],
    ['a reply over 5,000 characters', { replyText: 'x'.repeat(5001) }, 'Ihre Antwort ist zu lang (höchstens 5.000 Zeichen). Bitte kürzen Sie sie.'],
  ])('refuses %s politely and adds nothing', async (_case, value, expected) => {
    const ticket = await seedTicket(harness, 'waiting');
    const [[reply]] = await converse(harness, submit({ action: 'ticket_reply', ticketId: ticket.id, ...value }));
    expect(reply?.text).toBe(expected);
    expect((await harness.service.getTicket(ticket.id)).messages.filter((message) => message.role === 'requester')).toEqual([]);
  });

  it("refuses a reply to another requester's ticket without saying it exists", async () => {
    const foreign = await seedTicket(harness, 'waiting', { requesterId: OTHER_USER.id });
    const [[reply], [unknown]] = await converse(
      harness,
      submit({ action: 'ticket_reply', ticketId: foreign.id, replyText: 'Hallo' }),
      submit({ action: 'ticket_reply', ticketId: 'no-such-ticket', replyText: 'Hallo' }),
    );
    expect(reply?.text).toBe('Diese Auswahl kann ich leider nicht zuordnen. Bitte stellen Sie Ihre Frage einfach noch einmal.');
    expect(unknown?.text).toBe(reply?.text);
    expect((await harness.service.getTicket(foreign.id)).messages.filter((message) => message.role === 'requester')).toEqual([]);
  });

  it('says a closed ticket takes no more messages', async () => {
    const ticket = await seedTicket(harness, 'resolved');
    const [[reply]] = await converse(harness, submit({ action: 'ticket_reply', ticketId: ticket.id, replyText: 'Noch eine Frage' }));
    expect(reply?.text).toBe('Zu LOT-2026-000001 kann ich nichts mehr hinzufügen (Status: Gelöst). Besteht Ihr Anliegen weiter, schreiben Sie „Ticket eröffnen“.');
  });
});

import type { Activity } from 'botbuilder';
import { resolvedNoticeCard } from '../../../src/bot/tickets/requester-cards';
import { button, cardOf, cardText, converse, message, submit } from '../support/bot-harness';
import { inputOf } from './support/card-helpers';
import { createTicketHarness, OTHER_USER, seedTicket, type TicketHarness } from './support/ticket-harness';

/** What the notifier does after sending the resolved notice to a chat without cards: "ja"/"nein" are expected. */
async function expectResolvedAnswer(harness: TicketHarness, ticketId: string, channelId = 'test'): Promise<void> {
  const key = `${channelId}/conversations/Convo1/`;
  const items = await harness.storage.read([key]);
  await harness.storage.write({ [key]: { ...(items[key] ?? {}), pendingReply: { kind: 'ticket_resolved', userId: 'user1', ticketId }, eTag: '*' } });
}

describe('"Ist Ihre Frage damit beantwortet?"', () => {
  let harness: TicketHarness;

  beforeEach(async () => {
    harness = await createTicketHarness();
  });

  it('"Ja, erledigt" closes the ticket and asks for the rating once; the rating is stored once', async () => {
    const ticket = await seedTicket(harness, 'resolved');
    const notice = resolvedNoticeCard(ticket, 'de');
    const [[thanks, rating, ...rest]] = await converse(harness, submit(button(notice, 'Ja, erledigt').data));
    expect(rest).toEqual([]);
    expect(thanks?.text).toBe('Vielen Dank für Ihre Rückmeldung! LOT-2026-000001 ist damit abgeschlossen.');
    expect((await harness.service.getTicket(ticket.id)).status).toBe('closed');
    const ratingCard = cardOf(rating!);
    expect(cardText(ratingCard)).toMatch(/^Wie zufrieden sind Sie mit der Bearbeitung Ihrer Anfrage\?/);
    expect(inputOf(ratingCard, 'score')).toMatchObject({ choices: [{ value: '1' }, { value: '2' }, { value: '3' }, { value: '4' }, { value: '5' }] });

    const [[secondClick]] = await converse(harness, submit(button(notice, 'Ja, erledigt').data));
    expect(secondClick?.text).toBe('LOT-2026-000001 hat inzwischen den Status „Abgeschlossen“.');

    const rate = { ...button(ratingCard, 'Bewertung senden').data, score: '4', comment: '  Schnell und freundlich.  ' };
    const [[rated], [again]] = await converse(harness, submit(rate), submit({ ...rate, score: '1' }));
    expect(rated?.text).toBe('Vielen Dank für Ihre Bewertung!');
    expect(again?.text).toBe('Sie haben diese Anfrage bereits bewertet – vielen Dank!');
    expect((await harness.service.getTicket(ticket.id)).satisfaction).toEqual({ score: 4, comment: 'Schnell und freundlich.', at: expect.any(String) });
  });

  it('"Nein, wieder öffnen" reopens the ticket and offers a field for what is missing', async () => {
    const ticket = await seedTicket(harness, 'resolved');
    const [[reopened, field]] = await converse(harness, submit(button(resolvedNoticeCard(ticket, 'de'), 'Nein, wieder öffnen').data));
    expect(reopened?.text).toBe('LOT-2026-000001 ist wieder geöffnet. Die Berater:innen kümmern sich weiter darum.');
    expect(cardText(cardOf(field!))).toMatch(/^Was fehlt Ihnen noch\?/);
    expect((await harness.service.getTicket(ticket.id)).status).toBe('assigned');
  });

  it.each([
    ['no score', { comment: 'gut' }],
    ['a score of 6', { score: '6' }],
    ['a score that is no number', { score: { $gt: 0 } }],
    ['a comment over 1,000 characters', { score: '5', comment: 'x'.repeat(1001) }],
  ])('refuses a rating with %s politely, shows the rating again, stores nothing', async (_case, value) => {
    const ticket = await seedTicket(harness, 'resolved');
    await converse(harness, submit({ action: 'ticket_confirm_resolved', ticketId: ticket.id }));
    const [[refused, again]] = await converse(harness, submit({ action: 'ticket_rate', ticketId: ticket.id, ...value }));
    expect(refused?.text).toBe('Bitte wählen Sie eine Bewertung von 1 bis 5 (der Kommentar darf höchstens 1.000 Zeichen lang sein).');
    expect(cardText(cardOf(again!))).toMatch(/^Wie zufrieden/);
    expect((await harness.service.getTicket(ticket.id)).satisfaction).toBeNull();
  });

  it("refuses buttons for another requester's ticket and for an open one", async () => {
    const foreign = await seedTicket(harness, 'resolved', { requesterId: OTHER_USER.id });
    const open = await seedTicket(harness, 'assigned', { subject: 'Offen' });
    const [[refused], [notYet]] = await converse(
      harness,
      submit({ action: 'ticket_confirm_resolved', ticketId: foreign.id }),
      submit({ action: 'ticket_rate', ticketId: open.id, score: '5' }),
    );
    expect(refused?.text).toBe('Diese Auswahl kann ich leider nicht zuordnen. Bitte stellen Sie Ihre Frage einfach noch einmal.');
    expect((await harness.service.getTicket(foreign.id)).status).toBe('resolved');
    expect(notYet?.text).toBe('LOT-2026-000002 kann erst nach dem Abschluss bewertet werden.');
  });

  it('tells honestly when the store fails, and the button works afterwards', async () => {
    const ticket = await seedTicket(harness, 'resolved');
    harness.repository.failWrites = true;
    const confirm = submit({ action: 'ticket_confirm_resolved', ticketId: ticket.id });
    const [[failed]] = await converse(harness, confirm);
    expect(failed?.text).toBe('Das konnte ich gerade nicht speichern. Bitte versuchen Sie es gleich noch einmal.');
    harness.repository.failWrites = false;
    const [[thanks]] = await converse(harness, confirm);
    expect(thanks?.text).toMatch(/ist damit abgeschlossen/);
  });

  it('in plain text: "ja" closes, "4 schnelle Hilfe" rates, and a "5" afterwards is an ordinary message', async () => {
    const plain = await createTicketHarness({ channelId: 'sms' });
    const ticket = await seedTicket(plain, 'resolved');
    await expectResolvedAnswer(plain, ticket.id, 'sms');
    const [[thanks, rating]] = await converse(plain, 'Ja');
    expect(thanks?.text).toMatch(/ist damit abgeschlossen/);
    expect(rating?.text).toBe(
      'Wie zufrieden sind Sie mit der Bearbeitung Ihrer Anfrage? Antworten Sie mit einer Zahl von 1 (sehr unzufrieden) bis 5 (sehr zufrieden) – gern mit einem Kommentar dahinter, z. B. „5 schnelle Hilfe“.',
    );
    const [[rated]] = await converse(plain, '4 schnelle Hilfe');
    expect(rated?.text).toBe('Vielen Dank für Ihre Bewertung!');
    expect((await plain.service.getTicket(ticket.id)).satisfaction).toMatchObject({ score: 4, comment: 'schnelle Hilfe' });
    const [[question]] = await converse(plain, '5');
    expect(question?.text).toMatch(/keine passende Antwort/);
  });

  it('in plain text: "nein" reopens', async () => {
    const ticket = await seedTicket(harness, 'resolved');
    await expectResolvedAnswer(harness, ticket.id);
    const [[reopened]] = await converse(harness, 'nein');
    expect(reopened?.text).toMatch(/^LOT-2026-000001 ist wieder geöffnet\./);
  });

  it('speaks English for an English locale', async () => {
    const ticket = await seedTicket(harness, 'resolved');
    const en: Partial<Activity> = { locale: 'en-GB' };
    const notice = resolvedNoticeCard(ticket, 'en');
    expect(notice.actions.map((action) => action.title)).toEqual(['Yes, done', 'No, reopen']);
    const [[thanks, rating]] = await converse(harness, submit(button(notice, 'Yes, done').data, en));
    expect(thanks?.text).toBe('Thank you for your feedback! LOT-2026-000001 is now closed.');
    expect(cardText(cardOf(rating!))).toMatch(/^How satisfied are you/);
    const [[rated], [again]] = await converse(harness, message('5', en), submit({ action: 'ticket_rate', ticketId: ticket.id, score: '2' }, en));
    expect(rated?.text).toBe('Thank you for your rating!');
    expect(again?.text).toBe('You have already rated this request – thank you!');
  });
});

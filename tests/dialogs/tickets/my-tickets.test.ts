import { button, cardOf, cardText, converse, message } from '../support/bot-harness';
import { inputIds } from './support/card-helpers';
import { createTicketHarness, OTHER_USER, seedTicket, type TicketHarness } from './support/ticket-harness';

describe('"Meine Anfragen"', () => {
  let harness: TicketHarness;

  beforeEach(async () => {
    harness = await createTicketHarness();
  });

  it('lists the own tickets, most recent activity first, with status in German and the last activity in Berlin time', async () => {
    await seedTicket(harness, 'new', { subject: 'Erstes Anliegen' }); // 2026-03-09 09:00 Berlin
    await seedTicket(harness, 'waiting', { subject: 'Zweites Anliegen' }); // changed 09:30
    await seedTicket(harness, 'new', { subject: 'Fremdes Anliegen', requesterId: OTHER_USER.id });
    const [[reply, ...rest]] = await converse(harness, 'Meine Anfragen');
    expect(rest).toEqual([]);
    const text = cardText(cardOf(reply!));
    expect(text).toBe(
      [
        'Ihre Anfragen',
        'LOT-2026-000002: Zweites Anliegen',
        'Status: Wartet auf Ihre Antwort',
        'Letzte Aktivität: 09.03.2026, 09:30',
        'LOT-2026-000001: Erstes Anliegen',
        'Status: Eingegangen',
        'Letzte Aktivität: 09.03.2026, 09:00',
        'Schreiben Sie eine Nummer, z. B. LOT-2026-000042, um Einzelheiten zu sehen.',
      ].join('\n'),
    );
  });

  it('shows at most 10 tickets', async () => {
    for (let index = 1; index <= 12; index += 1) await seedTicket(harness, 'new', { subject: `Anliegen ${index}` });
    const [[reply]] = await converse(harness, 'Meine Anfragen');
    expect(cardText(cardOf(reply!)).match(/^LOT-/gm)).toHaveLength(10);
  });

  it('says so when there are none, and lists in plain text without cards', async () => {
    const [[none]] = await converse(harness, 'Meine Anfragen');
    expect(none?.text).toMatch(/^Sie haben noch keine Anfragen an die Berater:innen gestellt\./);
    const plain = await createTicketHarness({ channelId: 'sms' });
    await seedTicket(plain, 'resolved', { subject: 'Gelöstes Anliegen' });
    const [[list]] = await converse(plain, 'Meine Anfragen');
    expect(list?.text).toBe(
      'Ihre Anfragen\n\nLOT-2026-000001: Gelöstes Anliegen\nStatus: Gelöst · Letzte Aktivität: 09.03.2026, 09:30\n\nSchreiben Sie eine Nummer, z. B. LOT-2026-000042, um Einzelheiten zu sehen.',
    );
  });

  it('tells honestly when the store is unavailable', async () => {
    harness.repository.failReads = true;
    const [[reply]] = await converse(harness, 'Meine Anfragen');
    expect(reply?.text).toBe('Ihre Anfragen können gerade nicht abgerufen werden. Bitte versuchen Sie es gleich noch einmal.');
  });
});

describe('a ticket number in a message', () => {
  let harness: TicketHarness;

  beforeEach(async () => {
    harness = await createTicketHarness();
  });

  it('shows the own ticket: status, assignee, the last public advisor reply, and a field to add something', async () => {
    await seedTicket(harness, 'waiting');
    const [[detail, reply, ...rest]] = await converse(harness, 'Wie ist der Stand von lot-2026-1?');
    expect(rest).toEqual([]);
    expect(harness.engine.asked).toEqual([]);
    const text = cardText(cardOf(detail!));
    expect(text).toContain('LOT-2026-000001: Zugang zum Rechnungseingangsportal');
    expect(text).toContain('Status: Wartet auf Ihre Antwort');
    expect(text).toContain('Bearbeitet von: Anna Beraterin');
    expect(text).toContain('Letzte Antwort der Berater:innen (09.03.2026, 09:30):\nWelche Version des Portals nutzen Sie?');
    expect(inputIds(cardOf(reply!))).toEqual(['replyText']);
    expect(button(cardOf(reply!), 'Antworten').data).toMatchObject({ action: 'ticket_reply' });
  });

  it('shows a resolved ticket with "Ist Ihre Frage damit beantwortet?"', async () => {
    await seedTicket(harness, 'resolved');
    const [[, notice]] = await converse(harness, 'LOT-2026-000001?');
    expect(cardOf(notice!).actions.map((action) => action.title)).toEqual(['Ja, erledigt', 'Nein, wieder öffnen']);
  });

  it("answers another requester's number exactly like an unknown one", async () => {
    await seedTicket(harness, 'waiting', { requesterId: OTHER_USER.id });
    const [[foreign, ...rest], [unknown]] = await converse(harness, 'LOT-2026-000001', 'LOT-2026-000002');
    expect(rest).toEqual([]);
    expect(foreign?.attachments ?? []).toEqual([]);
    expect(foreign?.text).toBe('Eine Anfrage LOT-2026-000001 finde ich unter Ihren Anfragen nicht. Bitte prüfen Sie die Nummer – „Meine Anfragen“ zeigt alle Ihre Anfragen.');
    expect(unknown?.text).toBe(foreign?.text?.replace('000001', '000002'));
    expect(foreign?.text).not.toContain('Zugang');
  });

  it('speaks English for an English locale', async () => {
    await seedTicket(harness, 'waiting');
    const en = { locale: 'en-US' };
    const [[list], [detail], [unknown]] = await converse(harness, message('Meine Anfragen', en), message('LOT-2026-000001', en), message('LOT-2026-000009', en));
    expect(cardText(cardOf(list!))).toContain('Your requests\nLOT-2026-000001: Zugang zum Rechnungseingangsportal\nStatus: Waiting for your reply\nLast activity: 09/03/2026, 09:30');
    expect(cardText(cardOf(detail!))).toContain('Handled by: Anna Beraterin');
    expect(unknown?.text).toBe("I can't find a request LOT-2026-000009 among your requests. Please check the number – \"My requests\" lists all of them.");
  });
});

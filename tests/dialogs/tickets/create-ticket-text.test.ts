import { choicesResult, noneResult } from '../../support/fakes/fake-answer-engine';
import { converse, message } from '../support/bot-harness';
import { createTicketHarness, TENANT_ID, type TicketHarness } from './support/ticket-harness';

const QUESTION = 'Wie bekommen wir einen Zugang zum Rechnungseingangsportal?';

describe('opening a ticket in plain text (channel without cards)', () => {
  let harness: TicketHarness;

  beforeEach(async () => {
    harness = await createTicketHarness({ channelId: 'sms' });
    harness.engine.script(QUESTION, noneResult('kb-002'));
    harness.engine.script(`${QUESTION} Seit gestern kommt eine Fehlermeldung.`, choicesResult('kb-001', 'kb-003'));
  });

  it('forwards the question Lotse could not answer: one question at a time, suggestions once, summary, "absenden"', async () => {
    const [[noAnswer]] = await converse(harness, QUESTION);
    expect(noAnswer?.attachments ?? []).toEqual([]);
    expect(noAnswer?.text).toMatch(/Möchten Sie die Frage an die Berater:innen der Kooperation weitergeben\? Antworten Sie mit „ja“\.$/);

    const [[intro, subject]] = await converse(harness, 'ja');
    expect(intro?.text).toMatch(/Mit „abbrechen“ können Sie jederzeit abbrechen\./);
    expect(subject?.text).toContain('Worum geht es?');
    expect(subject?.text).toContain(`Bisher: „${QUESTION}“ – antworten Sie mit „weiter“, um das zu übernehmen.`);

    const [[description]] = await converse(harness, 'weiter');
    expect(description?.text).toMatch(/^Beschreiben Sie Ihr Anliegen genauer/);
    const [[category]] = await converse(harness, 'Seit gestern kommt eine Fehlermeldung.');
    expect(category?.text).toBe('Zu welchem Thema gehört Ihr Anliegen? Antworten Sie mit der Nummer:\n\n1. E-Rechnung\n2. Nutzerkonten\n3. Sonstiges');
    const [[wrongNumber]] = await converse(harness, '7');
    expect(wrongNumber?.text).toMatch(/^Bitte antworten Sie mit einer Nummer von 1 bis 3\.\n\nZu welchem Thema/);
    const [[urgency]] = await converse(harness, '1');
    expect(urgency?.text).toBe('Wie dringend ist es? Antworten Sie mit der Nummer:\n\n1. niedrig\n2. normal\n3. hoch\n4. dringend');
    const [[municipality]] = await converse(harness, '4');
    expect(municipality?.text).toBe('Für welche Kommune arbeiten Sie?');
    const [[suggestions, summary, ...rest]] = await converse(harness, 'Beispielhausen');
    expect(rest).toEqual([]);
    expect(suggestions?.text).toMatch(/^Vielleicht hilft das schon:\n\n1\. Wie können wir XRechnungen technisch empfangen\?\n/);
    expect(suggestions?.text).toContain('2. Wie prüfen wir eingehende XRechnungen auf Gültigkeit?');
    expect(suggestions?.text).toMatch(/antworten Sie mit „abbrechen“\.$/);
    expect(summary?.text).toContain(`Betreff: ${QUESTION}`);
    expect(summary?.text).toContain('Kategorie: E-Rechnung\nDringlichkeit: dringend\nIhre Kommune: Beispielhausen');
    expect(summary?.text).toContain('Beschreibung: Seit gestern kommt eine Fehlermeldung.');
    expect(summary?.text).toMatch(/Antworten Sie mit „absenden“, „ändern“ oder „abbrechen“\.$/);

    const [[created]] = await converse(harness, 'absenden');
    expect(created?.text).toMatch(/^Vielen Dank! Ihre Anfrage ist unter der Nummer LOT-2026-000001 eingegangen\./);
    expect(harness.tickets()).toMatchObject([
      {
        subject: QUESTION,
        description: 'Seit gestern kommt eine Fehlermeldung.',
        originalQuestion: QUESTION,
        category: 'E-Rechnung',
        priority: 'urgent',
        requester: { id: 'user1', municipality: 'Beispielhausen' },
        candidates: [{ entryId: 'kb-002' }],
        conversationReference: { channelId: 'sms', conversation: { id: 'Convo1' } },
      },
    ]);
  });

  it('from free text: asks everything, remembers the municipality, "ändern" asks again keeping values with "weiter"', async () => {
    const [[, subject]] = await converse(harness, 'Ticket eröffnen');
    expect(subject?.text).toBe('Worum geht es? Bitte nennen Sie einen kurzen Betreff (höchstens 200 Zeichen).');
    const [[tooLong]] = await converse(harness, 'z'.repeat(201));
    expect(tooLong?.text).toMatch(/^Bitte geben Sie einen Betreff mit höchstens 200 Zeichen an\.\n\nWorum geht es\?/);
    await converse(harness, 'Drucker im Bürgerbüro', '-', '3', 'hoch');
    const [[summary]] = await converse(harness, 'Musterstadt');
    expect(summary?.text).toContain('Beschreibung: (keine)');
    expect(summary?.text).toContain('Kategorie: Sonstiges');

    const [[subjectAgain]] = await converse(harness, 'ändern');
    expect(subjectAgain?.text).toContain('Bisher: „Drucker im Bürgerbüro“');
    const [, , [urgency]] = await converse(harness, 'weiter', 'Er druckt nur leere Seiten.', 'weiter');
    expect(urgency?.text).toContain('Bisher: „hoch“');
    const [[municipality]] = await converse(harness, 'weiter');
    expect(municipality?.text).toBe('Für welche Kommune arbeiten Sie? Antworten Sie mit „ja“, wenn es Musterstadt ist.');
    const [[changed]] = await converse(harness, 'ja');
    expect(changed?.text).toContain('Beschreibung: Er druckt nur leere Seiten.');
    await converse(harness, 'absenden');

    const [, [description]] = await converse(harness, 'Ticket eröffnen', 'Zweites Anliegen');
    expect(description?.text).toMatch(/^Beschreiben Sie Ihr Anliegen/);
    const [, , [secondSummary]] = await converse(harness, '-', '1', '2');
    expect(secondSummary?.text).toMatch(/^Bitte prüfen Sie Ihre Anfrage/);
    expect(secondSummary?.text).toContain('Ihre Kommune: Musterstadt');
    await converse(harness, 'absenden');
    expect(harness.tickets().map((ticket) => [ticket.subject, ticket.description, ticket.category, ticket.priority, ticket.requester.municipality])).toEqual([
      ['Drucker im Bürgerbüro', 'Er druckt nur leere Seiten.', 'Sonstiges', 'high', 'Musterstadt'],
      ['Zweites Anliegen', '', 'E-Rechnung', 'normal', 'Musterstadt'],
    ]);
  });

  it('offers the municipality of the tenant and cancels with "abbrechen" at any step', async () => {
    const tenant = { channelData: { tenant: { id: TENANT_ID } } };
    await converse(harness, message('Ticket eröffnen', tenant), message('Anliegen', tenant), message('-', tenant), message('1', tenant));
    const [[municipality]] = await converse(harness, message('2', tenant));
    expect(municipality?.text).toBe('Für welche Kommune arbeiten Sie? Antworten Sie mit „ja“, wenn es Musterstadt ist.');
    const [[cancelled]] = await converse(harness, message('Abbrechen', tenant));
    expect(cancelled?.text).toBe('Gut, ich habe die Anfrage verworfen. Sie können mir jederzeit eine neue Frage stellen.');
    expect(harness.tickets()).toEqual([]);
    const [[answer]] = await converse(harness, QUESTION);
    expect(answer?.text).toMatch(/^Dazu habe ich leider keine passende Antwort/);
  });

  it('keeps the draft when the store fails and sends it with the next "absenden"', async () => {
    await converse(harness, 'Ticket eröffnen', 'Anliegen', '-', '1', '2');
    const [[summary]] = await converse(harness, 'Musterstadt');
    expect(summary?.text).toMatch(/^Bitte prüfen Sie Ihre Anfrage/);
    harness.repository.failWrites = true;
    const [[failed]] = await converse(harness, 'absenden');
    expect(failed?.text).toBe('Ihre Anfrage konnte gerade nicht gespeichert werden. Ihre Angaben bleiben erhalten: Bitte antworten Sie gleich erneut mit „absenden“.');
    const [[unclear]] = await converse(harness, 'vielleicht');
    expect(unclear?.text).toBe('Antworten Sie mit „absenden“, „ändern“ oder „abbrechen“.');
    harness.repository.failWrites = false;
    const [[created]] = await converse(harness, 'absenden');
    expect(created?.text).toContain('LOT-2026-000001');
    expect(harness.tickets()).toHaveLength(1);
  });
});

import {
  AMBIGUOUS_QUESTION,
  button,
  cardOf,
  cardText,
  CLEAR_QUESTION,
  converse,
  createHarness,
  FOLLOW_UP_QUESTION,
  message,
  OFF_TOPIC_QUESTION,
  type Harness,
} from './support/bot-harness';

describe('asking a question', () => {
  let harness: Harness;

  beforeEach(async () => {
    harness = await createHarness();
  });

  it('answers a clear question with a card: entry title, answer, category, source and Ja/Nein feedback', async () => {
    await harness.adapter.send(CLEAR_QUESTION).assertReply((reply) => {
      const card = cardOf(reply);
      const text = cardText(card);
      expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: 'Wie können wir XRechnungen technisch empfangen?', size: 'medium', weight: 'bolder' });
      expect(text).toContain('Technisch gibt es drei Wege');
      expect(text).toContain('Kategorie: E-Rechnung');
      expect(text).toContain('Quelle: E-Rechnungsverordnung des Landes, § 4; Kochbuch der Kooperation, Kapitel 3');
      expect(text).toContain('Hat das geholfen?');
      expect(button(card, 'Ja').data).toEqual({ action: 'feedback', questionId: 'q-1', entryId: 'kb-001', helpful: true });
      expect(button(card, 'Nein').data).toEqual({ action: 'feedback', questionId: 'q-1', entryId: 'kb-001', helpful: false });
    });
  });

  it('records the question with outcome, candidates and scores, locale, ids and text', async () => {
    await converse(harness, message(CLEAR_QUESTION, { locale: 'de-DE', from: { id: '29:user-1', name: 'Erika', aadObjectId: 'aad-erika' } }));
    expect(harness.questionLog.records).toEqual([
      {
        id: 'q-1',
        askedAt: '2026-03-02T10:00:00.000Z',
        conversationId: 'Convo1',
        userId: 'aad-erika',
        locale: 'de-DE',
        text: CLEAR_QUESTION,
        outcome: 'answer',
        intent: null,
        candidates: [
          { entryId: 'kb-001', score: 9.5, confidence: 0.92 },
          { entryId: 'kb-002', score: 3.1, confidence: expect.any(Number) },
          { entryId: 'kb-003', score: 2.4, confidence: expect.any(Number) },
        ],
        answeredEntryId: 'kb-001',
        feedback: null,
        feedbackAt: null,
      },
    ]);
  });

  it('offers 2-3 entries to choose from for an ambiguous question', async () => {
    const [[reply, ...rest]] = await converse(harness, AMBIGUOUS_QUESTION);
    expect(rest).toEqual([]);
    const card = cardOf(reply!);
    expect(cardText(card)).toContain('Meinten Sie eine dieser Fragen?');
    expect(card.actions.map((action) => [action.title, action.data])).toEqual([
      ['Wie können wir XRechnungen technisch empfangen?', { action: 'choose', questionId: 'q-1', entryId: 'kb-001' }],
      ['Wie versenden wir XRechnungen an Lieferanten?', { action: 'choose', questionId: 'q-1', entryId: 'kb-002' }],
      ['Wie prüfen wir eingehende XRechnungen auf Gültigkeit?', { action: 'choose', questionId: 'q-1', entryId: 'kb-003' }],
    ]);
    expect(harness.questionLog.records[0]).toMatchObject({ outcome: 'choices', answeredEntryId: null, candidates: [{ entryId: 'kb-001' }, { entryId: 'kb-002' }, { entryId: 'kb-003' }] });
  });

  it('says honestly when the knowledge base has no answer, with tips, and records the weak candidates', async () => {
    const [[reply, ...rest]] = await converse(harness, OFF_TOPIC_QUESTION);
    expect(rest).toEqual([]);
    expect(reply?.attachments ?? []).toEqual([]);
    expect(reply?.text).toMatch(/^Dazu habe ich leider keine passende Antwort in meiner Wissensbasis\./);
    expect(reply?.text).toMatch(/Formulieren Sie die Frage anders/);
    expect(harness.questionLog.records[0]).toMatchObject({ outcome: 'none', answeredEntryId: null, candidates: [{ entryId: 'kb-010', score: 1 }] });
  });

  it('says so in English for an English locale', async () => {
    const [[reply]] = await converse(harness, message(OFF_TOPIC_QUESTION, { locale: 'en-US' }));
    expect(reply?.text).toMatch(/^Sorry, I don't have a matching answer in my knowledge base\./);
    expect(harness.questionLog.records[0]?.locale).toBe('en-US');
  });

  it('answers follow-up questions in the same conversation, each as a new question', async () => {
    const [first, second, third] = await converse(harness, CLEAR_QUESTION, FOLLOW_UP_QUESTION, OFF_TOPIC_QUESTION);
    expect(cardOf(first![0]!).body[0]).toMatchObject({ text: 'Wie können wir XRechnungen technisch empfangen?' });
    expect(cardOf(second![0]!).body[0]).toMatchObject({ text: 'Was brauchen wir für den Anschluss an die BundID?' });
    expect(button(cardOf(second![0]!), 'Ja').data).toMatchObject({ questionId: 'q-2', entryId: 'kb-010' });
    expect(third![0]?.text).toMatch(/keine passende Antwort/);
    expect(harness.questionLog.records.map((record) => [record.id, record.outcome])).toEqual([
      ['q-1', 'answer'],
      ['q-2', 'answer'],
      ['q-3', 'none'],
    ]);
  });

  it('still answers when the question log is unavailable', async () => {
    harness.questionLog.failWrites = true;
    const [[reply, ...rest]] = await converse(harness, CLEAR_QUESTION);
    expect(cardOf(reply!).body[0]).toMatchObject({ text: 'Wie können wir XRechnungen technisch empfangen?' });
    expect(rest).toEqual([]);
  });
});

describe('small talk and commands (intents before FAQ search)', () => {
  let harness: Harness;

  beforeEach(async () => {
    harness = await createHarness();
  });

  it.each([
    ['Hallo', /^Guten Tag! Was möchten Sie wissen\?/],
    ['Danke!', /^Gern geschehen!/],
    ['Hilfe', /^Ich beantworte Fragen zu E-Government/],
    ['Tschüss', /^Auf Wiedersehen!/],
  ])('replies briefly to "%s" without searching the FAQ', async (text, expected) => {
    const [[reply, ...rest]] = await converse(harness, text);
    expect(reply?.text).toMatch(expected);
    expect(rest).toEqual([]);
    expect(harness.engine.asked).toEqual([]);
    expect(harness.questionLog.records[0]).toMatchObject({ text, outcome: 'intent', candidates: [], answeredEntryId: null });
  });

  it('answers small talk in English for an English locale', async () => {
    const [[reply]] = await converse(harness, message('hello', { locale: 'en-GB' }));
    expect(reply?.text).toMatch(/^Hello! What would you like to know\?/);
  });

  it.each([
    ['Ticket eröffnen', 'open_ticket'],
    ['Status meiner Anfragen', 'my_tickets'],
    ['Ich will einen Mensch sprechen', 'talk_to_human'],
  ])('for "%s" says honestly that forwarding is being set up and names the Geschäftsstelle', async (text, intent) => {
    const [[reply, ...rest]] = await converse(harness, text);
    expect(reply?.text).toMatch(/Weitergabe .* an die Berater:innen .* wird gerade eingerichtet/);
    expect(reply?.text).toMatch(/Geschäftsstelle der Kooperation/);
    expect(rest).toEqual([]);
    expect(harness.questionLog.records[0]).toMatchObject({ outcome: 'intent', intent });
  });
});

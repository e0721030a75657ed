import {
  AMBIGUOUS_QUESTION,
  button,
  cardOf,
  cardText,
  CLEAR_QUESTION,
  converse,
  createHarness,
  FOLLOW_UP_QUESTION,
  submit,
  type Harness,
} from './support/bot-harness';

const NOT_RECOGNISED = 'Diese Auswahl kann ich leider nicht zuordnen. Bitte stellen Sie Ihre Frage einfach noch einmal.';

describe('choosing one of the offered entries', () => {
  let harness: Harness;

  beforeEach(async () => {
    harness = await createHarness();
  });

  it("shows the chosen entry's answer card and records the choice", async () => {
    const [[choices]] = await converse(harness, AMBIGUOUS_QUESTION);
    const clicked = button(cardOf(choices!), 'Wie versenden wir XRechnungen an Lieferanten?');
    const [[answer, ...rest]] = await converse(harness, submit(clicked.data));
    expect(rest).toEqual([]);
    const card = cardOf(answer!);
    expect(card.body[0]).toMatchObject({ text: 'Wie versenden wir XRechnungen an Lieferanten?' });
    expect(cardText(card)).toContain('Quelle: Kochbuch der Kooperation, Kapitel 3.2');
    expect(button(card, 'Ja').data).toEqual({ action: 'feedback', questionId: 'q-1', entryId: 'kb-002', helpful: true });
    expect(await harness.questionLog.get('q-1')).toMatchObject({ outcome: 'choices', answeredEntryId: 'kb-002' });
  });

  it('keeps the choices clickable after a follow-up question', async () => {
    const [[choices]] = await converse(harness, AMBIGUOUS_QUESTION, FOLLOW_UP_QUESTION);
    const clicked = button(cardOf(choices!), 'Wie prüfen wir eingehende XRechnungen auf Gültigkeit?');
    const [[answer]] = await converse(harness, submit(clicked.data));
    expect(cardOf(answer!).body[0]).toMatchObject({ text: 'Wie prüfen wir eingehende XRechnungen auf Gültigkeit?' });
    expect(await harness.questionLog.get('q-1')).toMatchObject({ answeredEntryId: 'kb-003' });
    expect(await harness.questionLog.get('q-2')).toMatchObject({ answeredEntryId: 'kb-010' });
  });

  it('then takes feedback on the chosen answer', async () => {
    const [[choices]] = await converse(harness, AMBIGUOUS_QUESTION);
    const [[answer]] = await converse(harness, submit(button(cardOf(choices!), 'Wie versenden wir XRechnungen an Lieferanten?').data));
    const [[thanks]] = await converse(harness, submit(button(cardOf(answer!), 'Ja').data));
    expect(thanks?.text).toBe('Danke für Ihre Rückmeldung!');
    expect(await harness.questionLog.get('q-1')).toMatchObject({ answeredEntryId: 'kb-002', feedback: 'helpful' });
  });
});

describe('feedback on an answer', () => {
  let harness: Harness;

  beforeEach(async () => {
    harness = await createHarness();
  });

  it('records "Ja" and thanks the user', async () => {
    const [[answer]] = await converse(harness, CLEAR_QUESTION);
    const [[thanks, ...rest]] = await converse(harness, submit(button(cardOf(answer!), 'Ja').data));
    expect(thanks?.text).toBe('Danke für Ihre Rückmeldung!');
    expect(rest).toEqual([]);
    expect(await harness.questionLog.get('q-1')).toMatchObject({ feedback: 'helpful', feedbackAt: '2026-03-02T10:00:00.000Z' });
  });

  it('records "Nein", thanks, and suggests rephrasing or the advisors', async () => {
    const [[answer]] = await converse(harness, CLEAR_QUESTION);
    const [[thanks]] = await converse(harness, submit(button(cardOf(answer!), 'Nein').data));
    expect(thanks?.text).toMatch(/^Danke für Ihre Rückmeldung! Versuchen Sie es gern mit einer anderen Formulierung\./);
    expect(thanks?.text).toMatch(/Berater:innen/);
    expect(await harness.questionLog.get('q-1')).toMatchObject({ feedback: 'not_helpful' });
  });

  it('thanks in English for an English locale', async () => {
    const [[answer]] = await converse(harness, { type: 'message', text: CLEAR_QUESTION, locale: 'en-US' });
    expect(button(cardOf(answer!), 'Yes').data).toMatchObject({ helpful: true });
    const [[thanks]] = await converse(harness, submit(button(cardOf(answer!), 'Yes').data, { locale: 'en-US' }));
    expect(thanks?.text).toBe('Thank you for your feedback!');
  });
});

describe('forged or stale submits', () => {
  let harness: Harness;

  beforeEach(async () => {
    harness = await createHarness();
    await converse(harness, CLEAR_QUESTION, AMBIGUOUS_QUESTION); // q-1 answered kb-001, q-2 offered kb-001..3
    harness.questionLog.writes = 0;
  });

  it.each([
    ['feedback on an unknown question', { action: 'feedback', questionId: 'q-404', entryId: 'kb-001', helpful: true }],
    ['feedback naming another entry than the answer', { action: 'feedback', questionId: 'q-1', entryId: 'kb-002', helpful: false }],
    ['feedback on choices nobody picked', { action: 'feedback', questionId: 'q-2', entryId: 'kb-001', helpful: true }],
    ['a choice on an unknown question', { action: 'choose', questionId: 'q-404', entryId: 'kb-001' }],
    ['a choice that was not offered', { action: 'choose', questionId: 'q-2', entryId: 'kb-010' }],
    ['a choice on a question that was answered directly', { action: 'choose', questionId: 'q-1', entryId: 'kb-002' }],
    ['an unknown action', { action: 'delete', questionId: 'q-1' }],
    ['a value without action', { questionId: 'q-1', entryId: 'kb-001' }],
    ['a non-boolean helpful', { action: 'feedback', questionId: 'q-1', entryId: 'kb-001', helpful: 'yes' }],
    ['an oversized id', { action: 'choose', questionId: 'q'.repeat(5000), entryId: 'kb-001' }],
  ])('%s gets a polite reply and writes nothing', async (_case, value) => {
    const [[reply, ...rest]] = await converse(harness, submit(value));
    expect(reply?.text).toBe(NOT_RECOGNISED);
    expect(rest).toEqual([]);
    expect(harness.questionLog.writes).toBe(0);
  });

  it("refuses another user's submit on someone's question and writes nothing", async () => {
    const other = { from: { id: 'user2', name: 'Max' } };
    const [[reply]] = await converse(harness, submit({ action: 'feedback', questionId: 'q-1', entryId: 'kb-001', helpful: false }, other));
    expect(reply?.text).toBe(NOT_RECOGNISED);
    const [[reply2]] = await converse(harness, submit({ action: 'choose', questionId: 'q-2', entryId: 'kb-003' }, other));
    expect(reply2?.text).toBe(NOT_RECOGNISED);
    expect(harness.questionLog.writes).toBe(0);
    expect(await harness.questionLog.get('q-1')).toMatchObject({ feedback: null });
  });

  it('says an offered entry is no longer available when it was retired, and writes nothing', async () => {
    const fresh = await createHarness();
    fresh.engine.script('förderung', { outcome: 'choices', candidates: [{ entryId: 'kb-010', score: 4, confidence: 0.5 }, { entryId: 'kb-002', score: 3.9, confidence: 0.49 }, { entryId: 'kb-099', score: 3.5, confidence: 0.45 }], choiceCount: 3 });
    const [[choices]] = await converse(fresh, 'förderung');
    expect(cardOf(choices!).actions.map((action) => action.data)).not.toContainEqual(expect.objectContaining({ entryId: 'kb-099' }));
    fresh.questionLog.writes = 0;
    const [[reply]] = await converse(fresh, submit({ action: 'choose', questionId: 'q-1', entryId: 'kb-099' }));
    expect(reply?.text).toMatch(/^Dieser Eintrag ist leider nicht mehr in der Wissensbasis\./);
    expect(fresh.questionLog.writes).toBe(0);
  });
});

import { AMBIGUOUS_QUESTION, CLEAR_QUESTION, converse, createHarness, FOLLOW_UP_QUESTION, message, type Harness } from './support/bot-harness';

describe('plain-text fallback on a channel without Adaptive Cards', () => {
  let harness: Harness;

  beforeEach(async () => {
    harness = await createHarness({ channelId: 'sms' });
  });

  it('answers as text with the entry title, plain answer, source line and a ja/nein prompt', async () => {
    const [[reply, ...rest]] = await converse(harness, CLEAR_QUESTION);
    expect(rest).toEqual([]);
    expect(reply?.attachments ?? []).toEqual([]);
    expect(reply?.text).toMatch(/^Wie können wir XRechnungen technisch empfangen\?\n\n/);
    expect(reply?.text).toContain('Öffentliche Auftraggeber müssen elektronische Rechnungen empfangen können.');
    expect(reply?.text).toContain('Details: Leitfaden E-Rechnung (https://example.org/leitfaden)');
    expect(reply?.text).not.toContain('**');
    expect(reply?.text).toContain('\nQuelle: E-Rechnungsverordnung des Landes, § 4; Kochbuch der Kooperation, Kapitel 3');
    expect(reply?.text).toMatch(/Hat das geholfen\? Antworten Sie mit ja oder nein\.$/);
  });

  it('records "ja" as helpful feedback', async () => {
    const [, [thanks]] = await converse(harness, CLEAR_QUESTION, 'Ja');
    expect(thanks?.text).toBe('Danke für Ihre Rückmeldung!');
    expect(await harness.questionLog.get('q-1')).toMatchObject({ feedback: 'helpful' });
    expect(harness.questionLog.records).toHaveLength(1);
  });

  it('records "nein" as not helpful and suggests rephrasing', async () => {
    const [, [thanks]] = await converse(harness, CLEAR_QUESTION, 'nein.');
    expect(thanks?.text).toMatch(/^Danke für Ihre Rückmeldung! Versuchen Sie es gern/);
    expect(await harness.questionLog.get('q-1')).toMatchObject({ feedback: 'not_helpful' });
  });

  it('offers choices as a numbered list and selects by number', async () => {
    const [[choices]] = await converse(harness, AMBIGUOUS_QUESTION);
    expect(choices?.text).toBe(
      [
        'Meinten Sie eine dieser Fragen?',
        '1. Wie können wir XRechnungen technisch empfangen?\n2. Wie versenden wir XRechnungen an Lieferanten?\n3. Wie prüfen wir eingehende XRechnungen auf Gültigkeit?',
        'Antworten Sie mit der Nummer (1 bis 3). Passt keine, formulieren Sie Ihre Frage gern anders.',
      ].join('\n\n'),
    );
    const [[answer, ...rest]] = await converse(harness, '2');
    expect(rest).toEqual([]);
    expect(answer?.text).toMatch(/^Wie versenden wir XRechnungen an Lieferanten\?/);
    expect(answer?.text).toContain('Quelle: Kochbuch der Kooperation, Kapitel 3.2');
    expect(await harness.questionLog.get('q-1')).toMatchObject({ answeredEntryId: 'kb-002' });

    const [[thanks]] = await converse(harness, 'ja');
    expect(thanks?.text).toBe('Danke für Ihre Rückmeldung!');
    expect(await harness.questionLog.get('q-1')).toMatchObject({ answeredEntryId: 'kb-002', feedback: 'helpful' });
  });

  it('treats a number outside the list as a new question', async () => {
    const [, [reply]] = await converse(harness, AMBIGUOUS_QUESTION, '7');
    expect(reply?.text).toMatch(/keine passende Antwort/);
    expect(harness.questionLog.records.map((record) => record.text)).toEqual([AMBIGUOUS_QUESTION, '7']);
  });

  it('forgets pending choices once a new question is asked', async () => {
    const [, [followUp], [afterwards]] = await converse(harness, AMBIGUOUS_QUESTION, FOLLOW_UP_QUESTION, '1');
    expect(followUp?.text).toMatch(/^Was brauchen wir für den Anschluss an die BundID\?/);
    expect(afterwards?.text).toMatch(/keine passende Antwort/);
    expect(await harness.questionLog.get('q-1')).toMatchObject({ answeredEntryId: null });
  });

  it("does not take another user's number in a group chat", async () => {
    const group = { id: 'group-1', isGroup: true, conversationType: 'groupChat', name: 'g' };
    const [, [reply]] = await converse(harness, message(AMBIGUOUS_QUESTION, { conversation: group }), message('1', { conversation: group, from: { id: 'user2', name: 'Max' } }));
    expect(reply?.text).toMatch(/keine passende Antwort/);
    expect(await harness.questionLog.get('q-1')).toMatchObject({ answeredEntryId: null });
  });
});

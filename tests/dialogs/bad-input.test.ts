import type { Activity } from 'botbuilder';
import { cardOf, CLEAR_QUESTION, converse, createHarness, message, type Harness } from './support/bot-harness';

const ASK_FOR_QUESTION = /^Bitte stellen Sie eine Frage/;

const channel = { id: '19:beratung@thread.tacv2;messageid=1700000000000', isGroup: true, conversationType: 'channel', name: 'Beratung' };

function mentionOfBot(text = '<at>Lotse</at>'): NonNullable<Activity['entities']>[number] {
  return { type: 'mention', mentioned: { id: 'bot', name: 'Lotse' }, text };
}

describe('bad input at bot level', () => {
  let harness: Harness;

  beforeEach(async () => {
    harness = await createHarness();
  });

  function expectNothingProcessed(): void {
    expect(harness.engine.asked).toEqual([]);
    expect(harness.intents.classified).toEqual([]);
    expect(harness.questionLog.records).toEqual([]);
  }

  it.each([
    ['an empty message', ''],
    ['only whitespace', '   \n\t  '],
    ['only control characters', '\u0000\u0007\u200b'],
  ])('asks politely for a question on %s', async (_case, text) => {
    const [[reply, ...rest]] = await converse(harness, message(text));
    expect(reply?.text).toMatch(ASK_FOR_QUESTION);
    expect(rest).toEqual([]);
    expectNothingProcessed();
  });

  it('asks for a question when a channel message only @mentions Lotse', async () => {
    const [[reply]] = await converse(harness, message('<at>Lotse</at> ', { conversation: channel, entities: [mentionOfBot()] }));
    expect(reply?.text).toMatch(ASK_FOR_QUESTION);
    expectNothingProcessed();
  });

  it('asks in English for an English locale', async () => {
    const [[reply]] = await converse(harness, message(' ', { locale: 'en-US' }));
    expect(reply?.text).toMatch(/^Please ask a question/);
  });

  it('refuses a question over 4,000 characters politely, without searching', async () => {
    const [[reply, ...rest]] = await converse(harness, message(`Frage ${'x'.repeat(4000)}`));
    expect(reply?.text).toMatch(/^Ihre Nachricht ist leider zu lang für mich \(höchstens 4\.000 Zeichen\)\. Bitte fassen Sie Ihre Frage kürzer/);
    expect(rest).toEqual([]);
    expectNothingProcessed();
  });

  it('accepts exactly 4,000 characters', async () => {
    const [[reply]] = await converse(harness, message('y'.repeat(4000)));
    expect(reply?.text).toMatch(/keine passende Antwort/);
    expect(harness.engine.asked).toHaveLength(1);
  });

  it('replies politely to attachments without text', async () => {
    const attachments = [{ contentType: 'image/png', contentUrl: 'https://example.org/scan.png', name: 'scan.png' }];
    const [[reply]] = await converse(harness, message('', { attachments }));
    expect(reply?.text).toMatch(/^Dateien und Bilder kann ich leider nicht auswerten\./);
    expectNothingProcessed();
  });

  it('answers the text of a message that also carries attachments', async () => {
    const attachments = [{ contentType: 'text/html', content: `<p>${CLEAR_QUESTION}</p>` }];
    const [[reply]] = await converse(harness, message(CLEAR_QUESTION, { attachments }));
    expect(cardOf(reply!).body[0]).toMatchObject({ text: 'Wie können wir XRechnungen technisch empfangen?' });
  });

  it('strips control and invisible characters and collapses whitespace before processing', async () => {
    const [[reply]] = await converse(harness, message(`\u0000wir müssen\u200b xrechnungen\r\n empfangen –\twie geht das technisch?\u0007 `));
    expect(cardOf(reply!).body[0]).toMatchObject({ text: 'Wie können wir XRechnungen technisch empfangen?' });
    expect(harness.engine.asked).toEqual([CLEAR_QUESTION]);
    expect(harness.questionLog.records[0]?.text).toBe(CLEAR_QUESTION);
  });
});

describe('Teams channel conversations', () => {
  it('strips the @mention of Lotse before answering and recording', async () => {
    const harness = await createHarness({ channelId: 'msteams' });
    const [[reply, ...rest]] = await converse(
      harness,
      message(`<at>Lotse</at> ${CLEAR_QUESTION}`, { conversation: channel, entities: [mentionOfBot()], from: { id: '29:u', name: 'Erika', aadObjectId: 'aad-1' } }),
    );
    expect(rest).toEqual([]);
    expect(cardOf(reply!).body[0]).toMatchObject({ text: 'Wie können wir XRechnungen technisch empfangen?' });
    expect(harness.engine.asked).toEqual([CLEAR_QUESTION]);
    expect(harness.questionLog.records[0]).toMatchObject({ text: CLEAR_QUESTION, conversationId: channel.id, userId: 'aad-1' });
  });

  it('keeps mentions of other people in the text', async () => {
    const harness = await createHarness({ channelId: 'msteams' });
    await converse(
      harness,
      message('<at>Lotse</at> Hallo <at>Max</at>', {
        conversation: channel,
        entities: [mentionOfBot(), { type: 'mention', mentioned: { id: '29:max', name: 'Max' }, text: '<at>Max</at>' }],
      }),
    );
    expect(harness.intents.classified).toEqual(['Hallo <at>Max</at>']);
  });
});

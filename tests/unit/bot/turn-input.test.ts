import type { Activity } from 'botbuilder';
import { langOf, textsFor } from '../../../src/bot/texts';
import { supportsAdaptiveCards, turnFactsOf } from '../../../src/bot/turn-facts';
import { cleanText, readMessageInput, stripRecipientMentions } from '../../../src/bot/turn-input';
import { matchPendingReply, type PendingReply } from '../../../dialogs/pending-reply';

const bot = { id: '28:lotse', name: 'Lotse' };
const mention = (id: string, text: string) => ({ type: 'mention', mentioned: { id, name: 'x' }, text });

describe('stripRecipientMentions', () => {
  it('removes every mention of the bot and keeps other mentions', () => {
    const activity: Partial<Activity> = {
      recipient: bot,
      text: '<at>Lotse</at> frag <at>Max</at> und <at>Lotse</at>',
      entities: [mention('28:lotse', '<at>Lotse</at>'), mention('29:max', '<at>Max</at>')],
    };
    expect(cleanText(stripRecipientMentions(activity))).toBe('frag <at>Max</at> und');
  });

  it('tolerates activities without text, entities or mention text', () => {
    expect(stripRecipientMentions({ recipient: bot })).toBe('');
    expect(stripRecipientMentions({ recipient: bot, text: 'hallo', entities: [{ type: 'mention', mentioned: { id: '28:lotse' } }] })).toBe('hallo');
  });
});

describe('readMessageInput', () => {
  it('treats an object value as a card submit, even with text', () => {
    expect(readMessageInput({ text: 'x', value: { action: 'choose', questionId: 'q', entryId: 'e' } })).toEqual({
      kind: 'submit',
      submit: { action: 'choose', questionId: 'q', entryId: 'e' },
    });
    expect(readMessageInput({ value: { action: 'nope' } })).toEqual({ kind: 'rejected', reason: 'unknown_submit' });
  });

  it('cleans text and refuses empty, too long and attachment-only messages', () => {
    expect(readMessageInput({ text: ' a\u0000b \n c ' })).toEqual({ kind: 'text', text: 'ab c' });
    expect(readMessageInput({ text: '\u200b' })).toEqual({ kind: 'rejected', reason: 'empty' });
    expect(readMessageInput({ text: 'z'.repeat(4001) })).toEqual({ kind: 'rejected', reason: 'too_long' });
    expect(readMessageInput({ attachments: [{ contentType: 'image/png' }] })).toEqual({ kind: 'rejected', reason: 'attachments_only' });
  });
});

describe('turn facts and language', () => {
  it('defaults to de-DE and uses the AAD object id as user id', () => {
    expect(turnFactsOf({ channelId: 'msteams', from: { id: '29:x', name: 'n', aadObjectId: 'aad' }, conversation: { id: 'c', isGroup: false, name: '', conversationType: 'personal' } })).toEqual({
      locale: 'de-DE',
      lang: 'de',
      userId: 'aad',
      conversationId: 'c',
      cards: true,
    });
  });

  it.each([
    ['msteams', true],
    ['emulator', true],
    ['webchat', true],
    ['directline', true],
    ['test', true],
    ['sms', false],
    ['email', false],
    [undefined, false],
  ])('cards on channel %s: %s', (channelId, expected) => {
    expect(supportsAdaptiveCards(channelId)).toBe(expected);
  });

  it('speaks English for en-* locales only', () => {
    expect(langOf('en-US')).toBe('en');
    expect(langOf('EN-gb')).toBe('en');
    expect(langOf('de-AT')).toBe('de');
    expect(langOf('fr-FR')).toBe('de');
    expect(langOf(undefined)).toBe('de');
    expect(textsFor('en').feedbackThanks).toBe('Thank you for your feedback!');
  });
});

describe('matchPendingReply', () => {
  const choices: PendingReply = { kind: 'choices', userId: 'u', questionId: 'q', entryIds: ['a', 'b'] };
  const feedback: PendingReply = { kind: 'feedback', userId: 'u', questionId: 'q', entryId: 'a' };

  it('maps a number to the offered entry', () => {
    expect(matchPendingReply(choices, ' 2. ', 'u')).toEqual({ action: 'choose', questionId: 'q', entryId: 'b' });
    expect(matchPendingReply(choices, '3', 'u')).toBeNull();
    expect(matchPendingReply(choices, '0', 'u')).toBeNull();
    expect(matchPendingReply(choices, '1 und 2', 'u')).toBeNull();
  });

  it('maps ja/nein (and yes/no) to feedback', () => {
    expect(matchPendingReply(feedback, 'Ja!', 'u')).toMatchObject({ action: 'feedback', helpful: true });
    expect(matchPendingReply(feedback, 'no', 'u')).toMatchObject({ action: 'feedback', helpful: false });
    expect(matchPendingReply(feedback, 'ja, aber wie geht das mit PEPPOL?', 'u')).toBeNull();
  });

  it('ignores replies of other users and when nothing is pending', () => {
    expect(matchPendingReply(feedback, 'ja', 'someone-else')).toBeNull();
    expect(matchPendingReply(undefined, '1', 'u')).toBeNull();
  });
});

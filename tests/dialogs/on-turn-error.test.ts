import { TestAdapter } from 'botbuilder';
import { ConversationState, MemoryStorage } from 'botbuilder';
import { createOnTurnError } from '../../src/bot/on-turn-error';
import { AppError, ErrorCode } from '../../src/domain/errors';
import { configureLogger } from '../../src/logging/logger';
import { AMBIGUOUS_QUESTION, converse, createHarness, FAILING_QUESTION, message } from './support/bot-harness';

describe('onTurnError', () => {
  it('answers a failing turn with a polite German message and no technical detail', async () => {
    const harness = await createHarness({ channelId: 'sms' });
    const [[reply, ...rest]] = await converse(harness, FAILING_QUESTION);
    expect(rest).toEqual([]);
    expect(reply?.text).toBe('Entschuldigung, dabei ist bei mir ein Fehler aufgetreten. Bitte versuchen Sie es gleich noch einmal.');
  });

  it('clears the conversation state, so a pending choice does not survive the failure', async () => {
    const harness = await createHarness({ channelId: 'sms' });
    const [, , [afterwards]] = await converse(harness, AMBIGUOUS_QUESTION, FAILING_QUESTION, '1');
    expect(afterwards?.text).toMatch(/keine passende Antwort/);
    expect(await harness.questionLog.get('q-1')).toMatchObject({ answeredEntryId: null });
  });

  it('replies in English for an English locale and never shows the error message or stack', async () => {
    configureLogger('silent');
    const conversationState = new ConversationState(new MemoryStorage());
    const adapter = new TestAdapter(async () => {
      throw new AppError(ErrorCode.StoreUnavailable, 'connect ECONNREFUSED 10.0.0.5:27017 at Socket.connect');
    });
    adapter.onTurnError = createOnTurnError({ conversationState });
    await adapter.send(message('hello', { locale: 'en-US' })).assertReply((reply) => {
      expect(reply.text).toBe('Sorry, something went wrong on my side. Please try again in a moment.');
      expect(reply.text).not.toMatch(/ECONNREFUSED|Socket|AppError/);
    });
  });

  it('logs the error code and activity id but no message text', async () => {
    const lines: string[] = [];
    configureLogger('info', { write: (line: string) => lines.push(line) });
    const conversationState = new ConversationState(new MemoryStorage());
    const adapter = new TestAdapter(async () => {
      throw new AppError(ErrorCode.StoreUnavailable, 'down');
    });
    adapter.onTurnError = createOnTurnError({ conversationState });
    await adapter.send(message('Meine Frage zu Frau Mustermann', { id: 'activity-42' })).assertReply(() => undefined);
    configureLogger('silent');
    const entry = JSON.parse(lines.find((line) => line.includes('turn failed')) ?? '{}') as Record<string, unknown>;
    expect(entry).toMatchObject({ category: 'bot', errorCode: 'STORE_UNAVAILABLE', activityId: 'activity-42', conversationId: 'Convo1' });
    expect(lines.join('')).not.toContain('Mustermann');
  });
});

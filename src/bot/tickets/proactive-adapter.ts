import type { ConversationParameters, ConversationReference, TurnContext } from 'botbuilder';
import { AppError, ErrorCode } from '../../domain/errors';
import type { OpaqueJson } from '../../domain/tickets/ticket';

/**
 * What the notifier needs of the bot adapter; `LotseAdapter` (a CloudAdapter) has both, so tests
 * can pass the real adapter against a fake connector, or a fake adapter.
 */
export interface ProactiveAdapter {
  continueConversationAsync(botAppId: string, reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
  createConversationAsync(
    botAppId: string,
    channelId: string,
    serviceUrl: string,
    audience: string,
    parameters: ConversationParameters,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void>;
}

/**
 * botbuilder types `audience` as a string, but a missing one selects the connector's default scope
 * (what `TeamsInfo.sendMessageToTeamsChannel` passes, too).
 */
export const DEFAULT_AUDIENCE = undefined as unknown as string;

/** A stored conversation reference, checked for what a proactive call needs. */
export function referenceOf(json: OpaqueJson): ConversationReference {
  const reference = json as Partial<ConversationReference>;
  if (typeof reference.serviceUrl !== 'string' || typeof reference.conversation?.id !== 'string' || typeof reference.channelId !== 'string') {
    throw new AppError(ErrorCode.ValidationFailed, 'The stored conversation reference is incomplete.');
  }
  return reference as ConversationReference;
}

/** `19:abc@thread.tacv2;messageid=1700000000000` → `1700000000000` (Teams names a thread after its first message). */
export function messageIdOf(conversationId: string): string | undefined {
  return /;messageid=([^;]+)$/.exec(conversationId)?.[1];
}

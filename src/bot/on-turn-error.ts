import type { ConversationState, TurnContext } from 'botbuilder';
import { createLogger } from '../logging/logger';
import { errorCodeOf } from './error-code';
import { textsFor } from './texts';

export interface OnTurnErrorDeps {
  readonly conversationState: ConversationState;
}

/**
 * The adapter's `onTurnError`: logs the error code and activity id (never text or stack to the
 * user), tells the user politely that something went wrong, and clears the conversation state so
 * that a broken dialog stack cannot fail the next turn too.
 */
export function createOnTurnError({ conversationState }: OnTurnErrorDeps): (context: TurnContext, error: Error) => Promise<void> {
  const logger = createLogger('bot');
  return async (context, error) => {
    const { activity } = context;
    const ids = { activityId: activity.id, activityType: activity.type, conversationId: activity.conversation?.id };
    logger.error({ ...ids, errorCode: errorCodeOf(error) }, 'turn failed');
    try {
      await context.sendActivity(textsFor(activity.locale).turnError);
    } catch (sendError) {
      logger.error({ ...ids, errorCode: errorCodeOf(sendError) }, 'error message not sent');
    }
    try {
      await conversationState.delete(context);
    } catch (deleteError) {
      logger.error({ ...ids, errorCode: errorCodeOf(deleteError) }, 'conversation state not cleared');
    }
  };
}

import type { TurnContext } from 'botbuilder';
import { createLogger, type Logger } from '../src/logging/logger';
import type { FeedbackSubmit } from '../src/bot/cards/card-actions';
import { errorCodeOf } from '../src/bot/error-code';
import { textsFor } from '../src/bot/texts';
import type { TurnFacts } from '../src/bot/turn-facts';
import { FEEDBACK_DIALOG_ID, type DialogDeps } from './dialog-deps';
import { SingleTurnDialog, type Handover } from './single-turn.dialog';

export interface FeedbackOptions {
  readonly facts: TurnFacts;
  readonly submit: FeedbackSubmit;
}

/**
 * "Hat das geholfen?" answered (button or typed ja/nein): record it on the question and thank the
 * user; after "Nein" suggest rephrasing and the advisors. Feedback that does not match an answer
 * Lotse gave this user — forged, stale or someone else's — gets a polite reply and writes nothing.
 */
export class FeedbackDialog extends SingleTurnDialog<FeedbackOptions> {
  private readonly logger: Logger;

  constructor(private readonly deps: DialogDeps) {
    super(FEEDBACK_DIALOG_ID);
    this.logger = createLogger('dialog');
  }

  override async runTurn(context: TurnContext, options?: FeedbackOptions): Promise<Handover | null> {
    if (options) await this.giveFeedback(context, options);
    return null;
  }

  private async giveFeedback(context: TurnContext, { facts, submit }: FeedbackOptions): Promise<void> {
    const texts = textsFor(facts.locale);
    const { questionId, entryId, helpful } = submit;
    const question = await this.deps.questionLog.get(questionId);
    if (question === null || question.userId !== facts.userId || question.answeredEntryId !== entryId) {
      this.logger.warn({ questionId, entryId, known: question !== null }, 'feedback refused');
      await context.sendActivity(texts.submitNotRecognised);
      return;
    }
    try {
      await this.deps.questionLog.recordFeedback(questionId, helpful ? 'helpful' : 'not_helpful', this.deps.clock().toISOString());
      this.logger.info({ questionId, entryId, helpful }, 'feedback recorded');
    } catch (error) {
      this.logger.error({ questionId, errorCode: errorCodeOf(error) }, 'feedback not recorded');
    }
    const pending = await this.deps.pending.get(context);
    if (pending && 'questionId' in pending && pending.questionId === questionId) await this.deps.pending.delete(context);
    await context.sendActivity(helpful ? texts.feedbackThanks : `${texts.feedbackThanks} ${texts.feedbackNegativeFollowUp}`);
  }
}

import type { TurnContext } from 'botbuilder';
import { createLogger, type Logger } from '../src/logging/logger';
import type { ChooseSubmit } from '../src/bot/cards/card-actions';
import { errorCodeOf } from '../src/bot/error-code';
import { answerReply } from '../src/bot/replies';
import { textsFor } from '../src/bot/texts';
import type { TurnFacts } from '../src/bot/turn-facts';
import { CHOOSE_DIALOG_ID, type DialogDeps } from './dialog-deps';
import { SingleTurnDialog, type Handover } from './single-turn.dialog';
import { isPersonalChat } from './ticket-dialog-support';

export interface ChooseOptions {
  readonly facts: TurnFacts;
  readonly submit: ChooseSubmit;
}

/**
 * The user picked one of the offered entries (button or typed number): show that entry's answer
 * and record the choice. A choice that does not belong to one of the user's own questions with
 * choices — forged, stale or someone else's — gets a polite reply and writes nothing.
 */
export class ChooseDialog extends SingleTurnDialog<ChooseOptions> {
  private readonly logger: Logger;

  constructor(private readonly deps: DialogDeps) {
    super(CHOOSE_DIALOG_ID);
    this.logger = createLogger('dialog');
  }

  override async runTurn(context: TurnContext, options?: ChooseOptions): Promise<Handover | null> {
    if (options) await this.choose(context, options);
    return null;
  }

  private async choose(context: TurnContext, { facts, submit }: ChooseOptions): Promise<void> {
    const texts = textsFor(facts.locale);
    const { questionId, entryId } = submit;
    const question = await this.deps.questionLog.get(questionId);
    const offered =
      question !== null &&
      question.userId === facts.userId &&
      question.outcome === 'choices' &&
      question.candidates.some((candidate) => candidate.entryId === entryId);
    if (!offered) {
      this.logger.warn({ questionId, entryId, known: question !== null }, 'choice refused');
      await context.sendActivity(texts.submitNotRecognised);
      return;
    }
    const entry = this.deps.knowledge.getEntry(entryId);
    if (!entry) {
      this.logger.info({ questionId, entryId }, 'chosen entry no longer published');
      await context.sendActivity(texts.entryUnavailable);
      return;
    }
    try {
      await this.deps.questionLog.recordChoice(questionId, entryId);
      this.logger.info({ questionId, entryId }, 'choice recorded');
    } catch (error) {
      this.logger.error({ questionId, errorCode: errorCodeOf(error) }, 'choice not recorded');
    }
    await context.sendActivity(answerReply(entry, questionId, facts, { handoff: this.deps.tickets !== undefined && isPersonalChat(context.activity) }));
    await this.deps.pending.set(context, { kind: 'feedback', userId: facts.userId, questionId, entryId });
  }
}

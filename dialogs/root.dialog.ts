import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { CardSubmit } from '../src/bot/cards/card-actions';
import { AskDialog } from './ask.dialog';
import { ChooseDialog } from './choose.dialog';
import { ASK_DIALOG_ID, CHOOSE_DIALOG_ID, FEEDBACK_DIALOG_ID, ROOT_DIALOG_ID, type DialogDeps, type LotseTurn } from './dialog-deps';
import { FeedbackDialog } from './feedback.dialog';
import { matchPendingReply } from './pending-reply';

/**
 * The root dialog of a turn: routes card buttons and typed replies to a pending prompt ("2",
 * "ja") to choose / feedback, and everything else to a new question. Every message that is not
 * such a reply is a new question, so follow-up questions work at any time.
 */
export class RootDialog extends ComponentDialog<LotseTurn> {
  constructor(private readonly deps: DialogDeps) {
    super(ROOT_DIALOG_ID);
    this.addDialog(new WaterfallDialog<LotseTurn>(`${ROOT_DIALOG_ID}.route`, [(step) => this.routeStep(step)]));
    this.addDialog(new AskDialog(deps));
    this.addDialog(new ChooseDialog(deps));
    this.addDialog(new FeedbackDialog(deps));
    this.initialDialogId = `${ROOT_DIALOG_ID}.route`;
  }

  private async routeStep(step: WaterfallStepContext<LotseTurn>): Promise<DialogTurnResult> {
    const { facts, input } = step.options;
    if (input.kind === 'submit') return this.beginSubmit(step, input.submit);
    const pending = await this.deps.pending.get(step.context);
    const reply = matchPendingReply(pending, input.text, facts.userId);
    if (reply) {
      await this.deps.pending.delete(step.context);
      return this.beginSubmit(step, reply);
    }
    return step.beginDialog(ASK_DIALOG_ID, { facts, text: input.text });
  }

  private beginSubmit(step: WaterfallStepContext<LotseTurn>, submit: CardSubmit): Promise<DialogTurnResult> {
    const dialogId = submit.action === 'choose' ? CHOOSE_DIALOG_ID : FEEDBACK_DIALOG_ID;
    return step.beginDialog(dialogId, { facts: step.options.facts, submit });
  }
}

import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { CardSubmit } from '../src/bot/cards/card-actions';
import { AskDialog } from './ask.dialog';
import { ChooseDialog } from './choose.dialog';
import { ASK_DIALOG_ID, CHOOSE_DIALOG_ID, FEEDBACK_DIALOG_ID, ROOT_DIALOG_ID, type DialogDeps, type LotseTurn } from './dialog-deps';
import { FeedbackDialog } from './feedback.dialog';
import { HandoffDialog } from './handoff.dialog';
import { matchPendingReply } from './pending-reply';

/**
 * The root dialog of a turn: routes card buttons and typed replies to a pending prompt ("2",
 * "ja") to choose / feedback, and everything else to a new question. Every message that is not
 * such a reply is a new question, so follow-up questions work at any time.
 *
 * The root makes one decision and hands the turn over to the chosen dialog (`replaceDialog`), so a
 * turn runs in one dialog context: the dialog machinery costs little per message. Its dialogs
 * ({@link RootDialog.children}) belong in the same DialogSet as the root.
 */
export class RootDialog extends Dialog<LotseTurn> {
  /** The dialogs the root hands turns to; add them to the root's DialogSet. */
  readonly children: readonly Dialog[];

  constructor(private readonly deps: DialogDeps) {
    super(ROOT_DIALOG_ID);
    this.children = [new AskDialog(deps), new ChooseDialog(deps), new FeedbackDialog(deps), new HandoffDialog()];
  }

  override async beginDialog(dc: DialogContext, turn?: LotseTurn): Promise<DialogTurnResult> {
    if (!turn) return dc.endDialog();
    const { facts, input } = turn;
    if (input.kind === 'submit') return this.beginSubmit(dc, turn, input.submit);
    const pending = await this.deps.pending.get(dc.context);
    const reply = matchPendingReply(pending, input.text, facts.userId);
    if (reply) {
      await this.deps.pending.delete(dc.context);
      return this.beginSubmit(dc, turn, reply);
    }
    return dc.replaceDialog(ASK_DIALOG_ID, { facts, text: input.text });
  }

  private beginSubmit(dc: DialogContext, turn: LotseTurn, submit: CardSubmit): Promise<DialogTurnResult> {
    const dialogId = submit.action === 'choose' ? CHOOSE_DIALOG_ID : FEEDBACK_DIALOG_ID;
    return dc.replaceDialog(dialogId, { facts: turn.facts, submit });
  }
}

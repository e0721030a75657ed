import type { TurnContext } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import type { CardSubmit } from '../src/bot/cards/card-actions';
import { AskDialog } from './ask.dialog';
import { ChooseDialog } from './choose.dialog';
import { ASK_DIALOG_ID, CHOOSE_DIALOG_ID, FEEDBACK_DIALOG_ID, ROOT_DIALOG_ID, type DialogDeps, type LotseTurn } from './dialog-deps';
import { FeedbackDialog } from './feedback.dialog';
import { HandoffDialog } from './handoff.dialog';
import { matchPendingReply } from './pending-reply';
import { SingleTurnDialog, type Handover } from './single-turn.dialog';

/**
 * The root dialog of a turn: routes card buttons and typed replies to a pending prompt ("2",
 * "ja") to choose / feedback, and everything else to a new question. Every message that is not
 * such a reply is a new question, so follow-up questions work at any time.
 *
 * The root makes one decision and hands the turn over to the chosen dialog (`replaceDialog`), so a
 * turn runs in one dialog context: the dialog machinery costs little per message. Its dialogs
 * ({@link RootDialog.children}) belong in the same DialogSet as the root. It and its single-turn
 * children run without a dialog context while the stack is empty (see `SingleTurnDialog`).
 */
export class RootDialog extends SingleTurnDialog<LotseTurn> {
  /** The dialogs the root hands turns to; add them to the root's DialogSet. */
  readonly children: readonly Dialog[];

  constructor(private readonly deps: DialogDeps) {
    super(ROOT_DIALOG_ID);
    this.children = [new AskDialog(deps), new ChooseDialog(deps), new FeedbackDialog(deps), new HandoffDialog()];
  }

  override async runTurn(context: TurnContext, turn?: LotseTurn): Promise<Handover | null> {
    if (!turn) return null;
    const { facts, input } = turn;
    if (input.kind === 'submit') return submitHandover(turn, input.submit);
    const pending = await this.deps.pending.get(context);
    const reply = matchPendingReply(pending, input.text, facts.userId);
    if (reply) {
      await this.deps.pending.delete(context);
      return submitHandover(turn, reply);
    }
    return { dialogId: ASK_DIALOG_ID, options: { facts, text: input.text } };
  }
}

function submitHandover(turn: LotseTurn, submit: CardSubmit): Handover {
  const dialogId = submit.action === 'choose' ? CHOOSE_DIALOG_ID : FEEDBACK_DIALOG_ID;
  return { dialogId, options: { facts: turn.facts, submit } };
}

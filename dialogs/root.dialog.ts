import type { TurnContext } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import { findTicketNumber } from '../src/domain/tickets/ticket-number';
import type { CardSubmit } from '../src/bot/cards/card-actions';
import { AskDialog } from './ask.dialog';
import { ChooseDialog } from './choose.dialog';
import { CreateTicketDialog } from './create-ticket.dialog';
import {
  ASK_DIALOG_ID,
  CHOOSE_DIALOG_ID,
  FEEDBACK_DIALOG_ID,
  HANDOFF_DIALOG_ID,
  MY_TICKETS_DIALOG_ID,
  ROOT_DIALOG_ID,
  TICKET_REPLY_DIALOG_ID,
  TICKET_STATUS_DIALOG_ID,
  type DialogDeps,
  type LotseTurn,
} from './dialog-deps';
import { FeedbackDialog } from './feedback.dialog';
import { HandoffDialog } from './handoff.dialog';
import { MyTicketsDialog } from './my-tickets.dialog';
import { matchPendingReply } from './pending-reply';
import { SingleTurnDialog, type Handover } from './single-turn.dialog';
import { isPersonalChat } from './ticket-dialog-support';
import { TicketReplyDialog } from './ticket-reply.dialog';
import { TicketStatusDialog } from './ticket-status.dialog';

/** Which dialog handles a card button. */
const SUBMIT_DIALOGS: Readonly<Record<CardSubmit['action'], string>> = {
  choose: CHOOSE_DIALOG_ID,
  feedback: FEEDBACK_DIALOG_ID,
  handoff: HANDOFF_DIALOG_ID,
  // A draft's buttons reach the root only when the draft is no longer on the stack.
  ticket_form: HANDOFF_DIALOG_ID,
  ticket_draft: HANDOFF_DIALOG_ID,
  ticket_reply: TICKET_REPLY_DIALOG_ID,
  ticket_attach: TICKET_REPLY_DIALOG_ID,
  ticket_attach_none: TICKET_REPLY_DIALOG_ID,
  ticket_confirm_resolved: TICKET_STATUS_DIALOG_ID,
  ticket_reopen: TICKET_STATUS_DIALOG_ID,
  ticket_rate: TICKET_STATUS_DIALOG_ID,
};

/**
 * The root dialog of a turn: routes card buttons and typed replies to a pending prompt ("2",
 * "ja") to their dialogs, a ticket number ("LOT-2026-42?") to that ticket, a message while tickets
 * wait for the requester's answer to that answer, and everything else to a new question. Every
 * message that is not such a reply is a new question, so follow-up questions work at any time.
 *
 * The root makes one decision and hands the turn over to the chosen dialog (`replaceDialog`), so a
 * turn runs in one dialog context: the dialog machinery costs little per message. Its dialogs
 * ({@link RootDialog.children}) belong in the same DialogSet as the root. It and its single-turn
 * children run without a dialog context while the stack is empty (see `SingleTurnDialog`). An
 * ordinary question costs no store read beyond the conversation state that is loaded anyway.
 */
export class RootDialog extends SingleTurnDialog<LotseTurn> {
  /** The dialogs the root hands turns to; add them to the root's DialogSet. */
  readonly children: readonly Dialog[];

  constructor(private readonly deps: DialogDeps) {
    super(ROOT_DIALOG_ID);
    this.children = [
      new AskDialog(deps),
      new ChooseDialog(deps),
      new FeedbackDialog(deps),
      new HandoffDialog(deps),
      new CreateTicketDialog(deps),
      new MyTicketsDialog(deps),
      new TicketReplyDialog(deps),
      new TicketStatusDialog(deps),
    ];
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
    const tickets = this.deps.tickets;
    if (tickets && isPersonalChat(context.activity)) {
      const number = findTicketNumber(input.text);
      if (number) return { dialogId: MY_TICKETS_DIALOG_ID, options: { facts, number: number.text } };
      const awaiting = await tickets.awaiting.get(context);
      // Commands ("meine Anfragen", "Hilfe") stay commands while a ticket waits for an answer.
      if (awaiting && awaiting.length > 0 && !this.deps.intents.classify(input.text)) {
        return { dialogId: TICKET_REPLY_DIALOG_ID, options: { facts, text: input.text } };
      }
    }
    return { dialogId: ASK_DIALOG_ID, options: { facts, text: input.text } };
  }
}

function submitHandover(turn: LotseTurn, submit: CardSubmit): Handover {
  return { dialogId: SUBMIT_DIALOGS[submit.action], options: { facts: turn.facts, submit } };
}

import { MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { Ticket, TicketAction } from '../src/domain/tickets/ticket';
import { MAX_RATING_COMMENT_LENGTH } from '../src/domain/tickets/ticket-changes';
import { createLogger, type Logger } from '../src/logging/logger';
import type { TicketConfirmResolvedSubmit, TicketRateSubmit, TicketReopenSubmit } from '../src/bot/cards/card-actions';
import { errorCodeOf } from '../src/bot/error-code';
import { cardActivity, ratingCard, ratingText, ticketReplyCard } from '../src/bot/tickets/requester-cards';
import { requesterTextsFor } from '../src/bot/tickets/requester-texts';
import { cleanMultilineText } from '../src/bot/tickets/ticket-fields';
import { textsFor } from '../src/bot/texts';
import type { TurnFacts } from '../src/bot/turn-facts';
import { TICKET_STATUS_DIALOG_ID, type DialogDeps, type TicketDialogDeps } from './dialog-deps';
import { SingleTurnDialog, type Handover } from './single-turn.dialog';
import { readOwnTicket, requesterActor, ticketFailureOf, ticketsHere } from './ticket-dialog-support';

export interface TicketStatusOptions {
  readonly facts: TurnFacts;
  readonly submit: TicketConfirmResolvedSubmit | TicketReopenSubmit | TicketRateSubmit;
}

/**
 * The requester's answers to "Ist Ihre Frage damit beantwortet?" (button or typed ja/nein):
 * "Ja, erledigt" closes the ticket and asks for the rating once, "Nein, wieder öffnen" reopens it.
 * The rating (1-5, optional comment; card or typed) is stored once; a second gets a polite
 * "bereits bewertet". A ticket that is not the requester's own gets "not recognised".
 */
export class TicketStatusDialog extends SingleTurnDialog<TicketStatusOptions> {
  private readonly logger: Logger;

  constructor(private readonly deps: DialogDeps) {
    super(TICKET_STATUS_DIALOG_ID);
    this.logger = createLogger('tickets');
  }

  override async runTurn(context: TurnContext, options?: TicketStatusOptions): Promise<Handover | null> {
    if (!options) return null;
    const { facts, submit } = options;
    const tickets = await ticketsHere(this.deps, context, facts);
    if (!tickets) return null;
    const ticket = await readOwnTicket(tickets.desk, facts.userId, submit.ticketId);
    if (typeof ticket === 'string') {
      this.logger.warn({ ticketId: submit.ticketId, action: submit.action, outcome: ticket }, 'requester ticket action refused');
      await context.sendActivity(ticket === 'unavailable' ? requesterTextsFor(facts.lang).actionFailed : textsFor(facts.locale).submitNotRecognised);
      return null;
    }
    if (submit.action === 'ticket_rate') await this.rate(context, tickets, facts, ticket, submit);
    else await this.changeStatus(context, tickets, facts, ticket, submit.action === 'ticket_confirm_resolved' ? 'close' : 'reopen');
    return null;
  }

  private async changeStatus(context: TurnContext, tickets: TicketDialogDeps, facts: TurnFacts, ticket: Ticket, action: TicketAction): Promise<void> {
    const texts = requesterTextsFor(facts.lang);
    let changed: Ticket;
    try {
      changed = await tickets.desk.changeStatus(ticket.id, action, requesterActor(context, facts));
    } catch (error) {
      const failure = ticketFailureOf(error);
      this.logger.warn({ ticketId: ticket.id, action, outcome: failure, errorCode: errorCodeOf(error) }, 'requester status change failed');
      if (failure === 'unavailable') {
        await context.sendActivity(texts.actionFailed);
        return;
      }
      await this.clearPending(context, ticket.id);
      await context.sendActivity(texts.statusNow(ticket.number, texts.statusNames[await this.currentStatus(tickets, ticket)]));
      return;
    }
    await this.clearPending(context, ticket.id);
    this.logger.info({ ticketId: ticket.id, action, status: changed.status }, 'requester changed ticket status');
    const replies: Partial<Activity>[] = [];
    if (action === 'reopen') {
      replies.push(plain(texts.reopened(changed.number)));
      if (facts.cards) replies.push(cardActivity(ticketReplyCard(changed, facts.lang, texts.reopenedAddInfo), texts.reopenedAddInfo));
    } else {
      replies.push(plain(texts.closedThanks(changed.number)));
      if (changed.satisfaction === null) {
        replies.push(facts.cards ? cardActivity(ratingCard(changed, facts.lang), texts.ratingTitle) : plain(ratingText(facts.lang)));
        await this.deps.pending.set(context, { kind: 'ticket_rating', userId: facts.userId, ticketId: changed.id });
      }
    }
    await context.sendActivities(replies);
  }

  private async rate(context: TurnContext, tickets: TicketDialogDeps, facts: TurnFacts, ticket: Ticket, submit: TicketRateSubmit): Promise<void> {
    const texts = requesterTextsFor(facts.lang);
    if (ticket.satisfaction !== null) {
      await this.clearPending(context, ticket.id);
      await context.sendActivity(texts.alreadyRated);
      return;
    }
    const rating = readRating(submit);
    if (rating === null) {
      const again = facts.cards ? cardActivity(ratingCard(ticket, facts.lang), texts.ratingTitle) : plain(ratingText(facts.lang));
      await context.sendActivities([plain(texts.ratingInvalid), again]);
      await this.deps.pending.set(context, { kind: 'ticket_rating', userId: facts.userId, ticketId: ticket.id });
      return;
    }
    try {
      await tickets.desk.rate(ticket.id, requesterActor(context, facts), rating.score, rating.comment);
    } catch (error) {
      const failure = ticketFailureOf(error);
      this.logger.warn({ ticketId: ticket.id, outcome: failure, errorCode: errorCodeOf(error) }, 'rating not stored');
      if (failure !== 'unavailable') await this.clearPending(context, ticket.id);
      const reply = failure === 'already_rated' ? texts.alreadyRated : failure === 'unavailable' ? texts.actionFailed : texts.ratingNotYet(ticket.number);
      await context.sendActivity(reply);
      return;
    }
    this.logger.info({ ticketId: ticket.id, score: rating.score, withComment: rating.comment !== null }, 'rating stored');
    await this.clearPending(context, ticket.id);
    await context.sendActivity(texts.ratingThanks);
  }

  private async currentStatus(tickets: TicketDialogDeps, ticket: Ticket): Promise<Ticket['status']> {
    return tickets.desk.tickets.getTicket(ticket.id).then((current) => current.status, () => ticket.status);
  }

  /** A typed ja/nein or rating for this ticket is answered by now. */
  private async clearPending(context: TurnContext, ticketId: string): Promise<void> {
    const pending = await this.deps.pending.get(context);
    if (pending && 'ticketId' in pending && pending.ticketId === ticketId) await this.deps.pending.delete(context);
  }
}

/** The score (1-5, number or the choice's string) and the optional comment; null when either does not fit. */
function readRating(submit: TicketRateSubmit): { score: number; comment: string | null } | null {
  const score = typeof submit.score === 'string' && /^\s*[1-5]\s*$/.test(submit.score) ? Number(submit.score) : submit.score;
  if (typeof score !== 'number' || !Number.isInteger(score) || score < 1 || score > 5) return null;
  if (submit.comment !== undefined && submit.comment !== null && typeof submit.comment !== 'string') return null;
  const comment = typeof submit.comment === 'string' ? cleanMultilineText(submit.comment) : '';
  if (comment.length > MAX_RATING_COMMENT_LENGTH) return null;
  return { score, comment: comment === '' ? null : comment };
}

function plain(text: string): Partial<Activity> {
  return { ...MessageFactory.text(text), textFormat: 'plain' };
}

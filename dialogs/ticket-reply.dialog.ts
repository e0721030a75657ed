import { MessageFactory, type TurnContext } from 'botbuilder';
import type { Ticket } from '../src/domain/tickets/ticket';
import { MAX_MESSAGE_LENGTH } from '../src/domain/tickets/ticket-changes';
import { createLogger, type Logger } from '../src/logging/logger';
import type { TicketAttachNoneSubmit, TicketAttachSubmit, TicketReplySubmit } from '../src/bot/cards/card-actions';
import { errorCodeOf } from '../src/bot/error-code';
import { buildChooseTicketCard, buildRetryReplyCard, renderChooseTicketText } from '../src/bot/tickets/my-tickets.cards';
import { cardActivity } from '../src/bot/tickets/requester-cards';
import { requesterTextsFor } from '../src/bot/tickets/requester-texts';
import { cleanMultilineText } from '../src/bot/tickets/ticket-fields';
import { textsFor } from '../src/bot/texts';
import type { TurnFacts } from '../src/bot/turn-facts';
import { ASK_DIALOG_ID, TICKET_REPLY_DIALOG_ID, type DialogDeps, type TicketDialogDeps } from './dialog-deps';
import { SingleTurnDialog, type Handover } from './single-turn.dialog';
import { readOwnTicket, requesterActor, ticketFailureOf, ticketsHere } from './ticket-dialog-support';

/** A typed message while tickets wait for the requester, or a reply / choice button. */
export type TicketReplyOptions =
  | { readonly facts: TurnFacts; readonly text: string }
  | { readonly facts: TurnFacts; readonly submit: TicketReplySubmit | TicketAttachSubmit | TicketAttachNoneSubmit };

/**
 * The requester's answers to their tickets. While tickets wait for the requester (conversation
 * state, set by the notifier) a typed message is added to the waiting ticket — after checking
 * that it still waits (stale ids are dropped; none left: the text is a question after all). With
 * several waiting the requester chooses; the text is kept in conversation state until then, and
 * also when saving fails, so that it can be sent again with one click. The reply field on a
 * ticket's card adds its text to that ticket.
 */
export class TicketReplyDialog extends SingleTurnDialog<TicketReplyOptions> {
  private readonly logger: Logger;

  constructor(private readonly deps: DialogDeps) {
    super(TICKET_REPLY_DIALOG_ID);
    this.logger = createLogger('tickets');
  }

  override async runTurn(context: TurnContext, options?: TicketReplyOptions): Promise<Handover | null> {
    if (!options) return null;
    const tickets = await ticketsHere(this.deps, context, options.facts);
    if (!tickets) return null;
    if ('text' in options) return this.replyToWaiting(context, tickets, options.facts, options.text);
    const { facts, submit } = options;
    if (submit.action === 'ticket_reply') {
      await this.replyFromCard(context, tickets, facts, submit);
      return null;
    }
    return this.attachKept(context, tickets, facts, submit);
  }

  private async replyToWaiting(context: TurnContext, tickets: TicketDialogDeps, facts: TurnFacts, text: string): Promise<Handover | null> {
    let waiting: Ticket[];
    try {
      waiting = await this.stillWaiting(context, tickets, facts);
    } catch (error) {
      this.logger.error({ errorCode: errorCodeOf(error) }, 'waiting tickets not read');
      await context.sendActivity(requesterTextsFor(facts.lang).replyFailed);
      return null;
    }
    const [only] = waiting;
    if (!only) return { dialogId: ASK_DIALOG_ID, options: { facts, text } };
    if (waiting.length === 1) {
      await this.attach(context, tickets, facts, only, text, 'typed');
      return null;
    }
    const ticketIds = waiting.map((ticket) => ticket.id);
    await tickets.keptReply.set(context, { userId: facts.userId, text, ticketIds });
    await this.deps.pending.set(context, { kind: 'ticket_attach', userId: facts.userId, ticketIds });
    this.logger.info({ ticketIds }, 'waiting ticket to choose');
    const title = requesterTextsFor(facts.lang).chooseTicketTitle;
    await context.sendActivity(facts.cards ? cardActivity(buildChooseTicketCard(waiting, facts.lang), title) : plain(renderChooseTicketText(waiting, facts.lang)));
    return null;
  }

  /** The waiting tickets that still wait for this requester; the others are dropped from the list. */
  private async stillWaiting(context: TurnContext, tickets: TicketDialogDeps, facts: TurnFacts): Promise<Ticket[]> {
    const ids = (await tickets.awaiting.get(context)) ?? [];
    const found = await Promise.all(ids.map((id) => tickets.desk.tickets.getTicket(id).catch((error: unknown) => dropIfUnknown(error))));
    const waiting = found.filter((ticket): ticket is Ticket => ticket !== null && ticket.status === 'waiting_for_requester' && ticket.requester.id === facts.userId);
    if (waiting.length !== ids.length) {
      this.logger.info({ dropped: ids.filter((id) => !waiting.some((ticket) => ticket.id === id)) }, 'stale waiting tickets dropped');
      await this.setAwaiting(context, tickets, waiting.map((ticket) => ticket.id));
    }
    return waiting;
  }

  private async replyFromCard(context: TurnContext, tickets: TicketDialogDeps, facts: TurnFacts, submit: TicketReplySubmit): Promise<void> {
    const texts = requesterTextsFor(facts.lang);
    const text = typeof submit.replyText === 'string' ? cleanMultilineText(submit.replyText) : '';
    if (text.length === 0 || text.length > MAX_MESSAGE_LENGTH) {
      await context.sendActivity(text.length === 0 ? texts.replyEmpty : texts.replyTooLong);
      return;
    }
    const ticket = await this.ownTicket(context, tickets, facts, submit.ticketId);
    if (ticket) await this.attach(context, tickets, facts, ticket, text, 'card');
  }

  private async attachKept(context: TurnContext, tickets: TicketDialogDeps, facts: TurnFacts, submit: TicketAttachSubmit | TicketAttachNoneSubmit): Promise<Handover | null> {
    const kept = await tickets.keptReply.get(context);
    if (!kept || kept.userId !== facts.userId) {
      await context.sendActivity(requesterTextsFor(facts.lang).keptReplyMissing);
      return null;
    }
    if (submit.action === 'ticket_attach_none') {
      await this.dropKept(context, tickets);
      return { dialogId: ASK_DIALOG_ID, options: { facts, text: kept.text } };
    }
    if (!kept.ticketIds.includes(submit.ticketId)) {
      this.logger.warn({ ticketId: submit.ticketId }, 'kept reply for a ticket not offered refused');
      await context.sendActivity(textsFor(facts.locale).submitNotRecognised);
      return null;
    }
    const ticket = await this.ownTicket(context, tickets, facts, submit.ticketId);
    if (ticket) await this.attach(context, tickets, facts, ticket, kept.text, 'kept');
    return null;
  }

  /** The requester's own ticket; someone else's or an unknown one gets "not recognised". */
  private async ownTicket(context: TurnContext, tickets: TicketDialogDeps, facts: TurnFacts, ticketId: string): Promise<Ticket | null> {
    const ticket = await readOwnTicket(tickets.desk, facts.userId, ticketId);
    if (typeof ticket !== 'string') return ticket;
    this.logger.warn({ ticketId, outcome: ticket }, 'reply to a ticket refused');
    await context.sendActivity(ticket === 'unavailable' ? requesterTextsFor(facts.lang).replyFailed : textsFor(facts.locale).submitNotRecognised);
    return null;
  }

  /**
   * Adds the text to the ticket. On success the ticket no longer waits (the requester answered)
   * and a kept text is done; when the store fails, a typed or kept text is kept for "Erneut
   * senden" — a card's text stays in its field anyway.
   */
  private async attach(context: TurnContext, tickets: TicketDialogDeps, facts: TurnFacts, ticket: Ticket, text: string, source: 'typed' | 'kept' | 'card'): Promise<void> {
    const texts = requesterTextsFor(facts.lang);
    try {
      await tickets.desk.reply(ticket.id, requesterActor(context, facts), text);
    } catch (error) {
      const failure = ticketFailureOf(error);
      this.logger.warn({ ticketId: ticket.id, outcome: failure, errorCode: errorCodeOf(error) }, 'requester reply not added');
      if (failure !== 'unavailable') {
        await this.forget(context, tickets, ticket.id);
        if (source === 'kept') await this.dropKept(context, tickets);
        const current = await tickets.desk.tickets.getTicket(ticket.id).catch(() => ticket);
        await context.sendActivity(texts.replyNotPossible(ticket.number, texts.statusNames[current.status]));
        return;
      }
      if (source === 'card') {
        await context.sendActivity(texts.replyFailed);
        return;
      }
      await tickets.keptReply.set(context, { userId: facts.userId, text, ticketIds: [ticket.id] });
      await this.deps.pending.set(context, { kind: 'ticket_attach', userId: facts.userId, ticketIds: [ticket.id] });
      await context.sendActivity(facts.cards ? cardActivity(buildRetryReplyCard(ticket, facts.lang), texts.retryButton) : plain(texts.replyFailedKeptPlain));
      return;
    }
    this.logger.info({ ticketId: ticket.id }, 'requester reply added');
    await this.forget(context, tickets, ticket.id);
    if (source === 'kept') await this.dropKept(context, tickets);
    await context.sendActivity(texts.replyAdded(ticket.number));
  }

  /** The kept text is used up: it and the typed choice that pointed to it go. */
  private async dropKept(context: TurnContext, tickets: TicketDialogDeps): Promise<void> {
    await tickets.keptReply.delete(context);
    const pending = await this.deps.pending.get(context);
    if (pending?.kind === 'ticket_attach') await this.deps.pending.delete(context);
  }

  private async forget(context: TurnContext, tickets: TicketDialogDeps, ticketId: string): Promise<void> {
    const ids = (await tickets.awaiting.get(context)) ?? [];
    if (ids.includes(ticketId)) await this.setAwaiting(context, tickets, ids.filter((id) => id !== ticketId));
  }

  private async setAwaiting(context: TurnContext, tickets: TicketDialogDeps, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) await tickets.awaiting.delete(context);
    else await tickets.awaiting.set(context, ids);
  }
}

/** An unknown or foreign ticket id in the waiting list is simply dropped; other errors (the store) count. */
function dropIfUnknown(error: unknown): null {
  if (ticketFailureOf(error) === 'not_found') return null;
  throw error;
}

function plain(text: string): ReturnType<typeof MessageFactory.text> {
  return { ...MessageFactory.text(text), textFormat: 'plain' };
}

import { MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { Ticket } from '../src/domain/tickets/ticket';
import { createLogger, type Logger } from '../src/logging/logger';
import { errorCodeOf } from '../src/bot/error-code';
import { buildMyTicketsCard, buildTicketDetailCards, renderMyTicketsText, renderTicketDetailText } from '../src/bot/tickets/my-tickets.cards';
import { cardActivity, resolvedNoticeText } from '../src/bot/tickets/requester-cards';
import { requesterTextsFor } from '../src/bot/tickets/requester-texts';
import type { TurnFacts } from '../src/bot/turn-facts';
import { MY_TICKETS_DIALOG_ID, type DialogDeps, type TicketDialogDeps } from './dialog-deps';
import { SingleTurnDialog, type Handover } from './single-turn.dialog';
import { ticketFailureOf, ticketsHere } from './ticket-dialog-support';

/** The most tickets the list shows. */
export const MY_TICKETS_LIMIT = 10;

export interface MyTicketsOptions {
  readonly facts: TurnFacts;
  /** A ticket number as typed ("lot-2026-42"): show that ticket instead of the list. */
  readonly number?: string;
}

/**
 * "Meine Anfragen": the requester's tickets, most recent activity first (at most 10), or one of
 * them by number. Only the requester's own tickets: someone else's number gets exactly the reply
 * an unknown number gets, so nobody learns whether it exists.
 */
export class MyTicketsDialog extends SingleTurnDialog<MyTicketsOptions> {
  private readonly logger: Logger;

  constructor(private readonly deps: DialogDeps) {
    super(MY_TICKETS_DIALOG_ID);
    this.logger = createLogger('tickets');
  }

  override async runTurn(context: TurnContext, options?: MyTicketsOptions): Promise<Handover | null> {
    if (!options) return null;
    const tickets = await ticketsHere(this.deps, context, options.facts);
    if (!tickets) return null;
    if (options.number) await this.showTicket(context, tickets, options.facts, options.number);
    else await this.listTickets(context, tickets, options.facts);
    return null;
  }

  private async listTickets(context: TurnContext, tickets: TicketDialogDeps, facts: TurnFacts): Promise<void> {
    const texts = requesterTextsFor(facts.lang);
    let mine: Ticket[];
    try {
      mine = await tickets.desk.tickets.listForRequester(facts.userId, { limit: MY_TICKETS_LIMIT });
    } catch (error) {
      this.logger.error({ errorCode: errorCodeOf(error) }, 'tickets not listed');
      await context.sendActivity(texts.ticketsUnavailable);
      return;
    }
    this.logger.info({ count: mine.length }, 'tickets listed');
    if (mine.length === 0) await context.sendActivity(texts.noTickets);
    else if (!facts.cards) await context.sendActivity(plain(renderMyTicketsText(mine, facts.lang)));
    else await context.sendActivity(cardActivity(buildMyTicketsCard(mine, facts.lang), texts.myTicketsTitle));
  }

  private async showTicket(context: TurnContext, tickets: TicketDialogDeps, facts: TurnFacts, number: string): Promise<void> {
    const texts = requesterTextsFor(facts.lang);
    let ticket: Ticket;
    try {
      ticket = await tickets.desk.tickets.getForRequester(facts.userId, number);
    } catch (error) {
      const failure = ticketFailureOf(error);
      this.logger.info({ outcome: failure, errorCode: errorCodeOf(error) }, 'ticket lookup failed');
      await context.sendActivity(failure === 'unavailable' ? texts.ticketsUnavailable : texts.ticketNotFound(number));
      return;
    }
    this.logger.info({ ticketId: ticket.id }, 'ticket shown');
    const replies: Partial<Activity>[] = facts.cards
      ? buildTicketDetailCards(ticket, facts.lang).map((card, index) => cardActivity(card, index === 0 ? `${ticket.number}: ${ticket.subject}` : card.speak))
      : [plain(renderTicketDetailText(ticket, facts.lang))];
    if (ticket.status === 'resolved') {
      if (!facts.cards) replies.push(plain(resolvedNoticeText(ticket, facts.lang)));
      await this.deps.pending.set(context, { kind: 'ticket_resolved', userId: facts.userId, ticketId: ticket.id });
    }
    await context.sendActivities(replies);
  }
}

function plain(text: string): Partial<Activity> {
  return { ...MessageFactory.text(text), textFormat: 'plain' };
}

import type { Activity, ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Ticket, TicketMessage, TicketStatus } from '../../domain/tickets/ticket';
import type { RequesterEvent } from '../../domain/tickets/ticket-notification';
import { createLogger, type Logger } from '../../logging/logger';
import { advisorTextsFor } from './advisor-texts';
import { AWAITING_TICKET_REPLY_PROPERTY, type AwaitingTicketReply } from './ticket-bot-deps';
import { referenceOf, type ProactiveAdapter } from './proactive-adapter';
import { requesterNoticeCards } from './requester-cards';
import { PENDING_REPLY_PROPERTY, type PendingReply } from '../../../dialogs/pending-reply';

/**
 * The cards for an advisor's reply (with a reply field: `ticket_reply`) and the resolved notice
 * ("Ist Ihre Frage damit beantwortet?": `ticket_confirm_resolved` / `ticket_reopen`), or their
 * plain-text twins; `requesterNoticeCards` of `requester-cards.ts` by default.
 */
export interface RequesterNoticeCards {
  advisorReply(ticket: Ticket, message: TicketMessage, locale: string | undefined): Partial<Activity>;
  resolvedNotice(ticket: Ticket, locale: string | undefined): Partial<Activity>;
}

export interface RequesterNotifierDeps {
  readonly adapter: ProactiveAdapter;
  readonly botAppId: string;
  /** The bot's conversation state: the requester's chat remembers which tickets wait for their reply. */
  readonly conversationState: ConversationState;
  /** Cards for the advisor's reply and the resolved notice (default: `requesterNoticeCards`). */
  readonly cards?: RequesterNoticeCards;
}

/**
 * Tells a requester in their personal chat (the conversation reference kept on the ticket) that
 * an advisor claimed the ticket, replied, or changed its status. A ticket waiting for the
 * requester is added to the chat's `awaitingTicketReply` list (so their next message lands on it)
 * and removed again on any other status; the state is saved before the message is sent, so a
 * retry after a failed send repeats nothing but the message.
 */
export class RequesterNotifier {
  private readonly logger: Logger = createLogger('tickets');
  private readonly awaiting: StatePropertyAccessor<AwaitingTicketReply>;
  private readonly pending: StatePropertyAccessor<PendingReply | undefined>;
  private readonly cards: RequesterNoticeCards;

  constructor(private readonly deps: RequesterNotifierDeps) {
    this.awaiting = deps.conversationState.createProperty<AwaitingTicketReply>(AWAITING_TICKET_REPLY_PROPERTY);
    this.pending = deps.conversationState.createProperty<PendingReply | undefined>(PENDING_REPLY_PROPERTY);
    this.cards = deps.cards ?? requesterNoticeCards;
  }

  async notify(ticket: Ticket, event: RequesterEvent): Promise<void> {
    const reference = referenceOf(ticket.conversationReference);
    const message = this.messageFor(ticket, event, reference.locale);
    if (message === null) {
      this.logger.info({ ticketId: ticket.id, event: event.type, outcome: 'nothing_to_send' }, 'requester notification skipped');
      return;
    }
    await this.deps.adapter.continueConversationAsync(this.deps.botAppId, reference, async (context) => {
      if (event.type === 'status_changed') await this.updateChatState(context, ticket, event.status);
      await context.sendActivity(message);
    });
    this.logger.info({ ticketId: ticket.id, event: event.type, status: event.type === 'status_changed' ? event.status : undefined }, 'requester notified');
  }

  private messageFor(ticket: Ticket, event: RequesterEvent, locale: string | undefined): Partial<Activity> | string | null {
    const texts = advisorTextsFor(locale).requester;
    switch (event.type) {
      case 'claimed':
        return texts.claimed(ticket.number, ticket.assignee?.displayName ?? null);
      case 'advisor_replied': {
        // Only a public advisor reply ever leaves the advisors' side.
        const message = ticket.messages.find((candidate) => candidate.id === event.messageId);
        if (!message || message.internal || message.role !== 'advisor') return null;
        return this.cards.advisorReply(ticket, message, locale);
      }
      case 'status_changed':
        return this.statusMessage(ticket, event.status, locale);
    }
  }

  private statusMessage(ticket: Ticket, status: TicketStatus, locale: string | undefined): Partial<Activity> | string {
    const texts = advisorTextsFor(locale).requester;
    switch (status) {
      case 'waiting_for_requester':
        return texts.waiting(ticket.number);
      case 'resolved':
        return this.cards.resolvedNotice(ticket, locale);
      case 'closed':
        return texts.closed(ticket.number);
      case 'new':
        return texts.reopened(ticket.number);
      case 'assigned':
        return lastStatusAction(ticket, status) === 'reopen' ? texts.reopened(ticket.number) : texts.resumed(ticket.number);
    }
  }

  /**
   * The chat's state after a status change: the ticket joins or leaves `awaitingTicketReply`, and
   * after the resolved notice a typed "ja" / "nein" answers it (the pending reply).
   */
  private async updateChatState(context: TurnContext, ticket: Ticket, status: TicketStatus): Promise<void> {
    const { conversationState } = this.deps;
    await conversationState.load(context, true);
    const current = (await this.awaiting.get(context)) ?? [];
    const list = Array.isArray(current) ? current.filter((id): id is string => typeof id === 'string') : [];
    const waiting = status === 'waiting_for_requester';
    const next = waiting ? (list.includes(ticket.id) ? list : [...list, ticket.id]) : list.filter((id) => id !== ticket.id);
    if (next.length !== list.length) await this.awaiting.set(context, next);
    if (status === 'resolved') await this.pending.set(context, { kind: 'ticket_resolved', userId: ticket.requester.id, ticketId: ticket.id });
    await conversationState.saveChanges(context);
  }
}

/** The audited action that last moved the ticket into `status` (reopen vs. resume both lead to `assigned`). */
function lastStatusAction(ticket: Ticket, status: TicketStatus): string | undefined {
  const entry = ticket.auditTrail.findLast((audit) => audit.changes.some((change) => change.field === 'status' && change.to === status));
  return entry?.action;
}

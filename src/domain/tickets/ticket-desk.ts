import { AppError, ErrorCode } from '../errors';
import type { AdvisorRouting } from './advisor-group';
import type { Actor, Ticket, TicketAction, TicketPriority } from './ticket';
import type { Outbox, OutboxItem, RequesterEvent } from './ticket-notification';
import type { CreateTicketResult } from './ticket.repository';
import type { OpenTicketInput, TicketService } from './ticket.service';

/** What the create-ticket dialog collected; the desk picks the advisor group by category. */
export type NewTicketRequest = Omit<OpenTicketInput, 'advisorGroup'>;

export interface TicketDeskOptions {
  /** Called after items were enqueued (the outbox worker delivers at once instead of at its next poll). */
  readonly onEnqueued?: () => void;
  /** Called when enqueueing failed after the change was stored (the change stands; the reminder scan re-posts missing cards). */
  readonly onEnqueueFailed?: (ticketId: string, error: unknown) => void;
}

/**
 * The ticket use cases as Teams cards, dialogs and the dashboard call them: every change goes
 * through the {@link TicketService} (conditional update on the version, state machine), and only
 * after it is stored the resulting notifications go to the outbox — the card in the advisors'
 * channel, its refresh, and the message to the requester. One place decides who hears of what.
 */
export class TicketDesk {
  constructor(
    readonly tickets: TicketService,
    readonly routing: AdvisorRouting,
    private readonly outbox: Outbox,
    private readonly options: TicketDeskOptions = {},
  ) {}

  /** Opens the ticket in the group of its category and has its card posted. Idempotent (see `openTicket`). */
  async open(request: NewTicketRequest): Promise<CreateTicketResult> {
    const group = this.routing.groupForCategory(typeof request.category === 'string' ? request.category : '');
    const result = await this.tickets.openTicket({ ...request, advisorGroup: group.id });
    await this.notify(result.ticket, [postCard(result.ticket)]);
    return result;
  }

  async claim(ticketId: string, actor: Actor, expectedVersion?: number): Promise<Ticket> {
    const before = await this.tickets.getTicket(ticketId);
    const ticket = await this.tickets.claim(ticketId, actor, expectedVersion);
    if (ticket.version === before.version) return ticket;
    return this.changed(ticket, actor, { type: 'claimed' });
  }

  /** A public reply: an advisor's reaches the requester; a requester's updates the advisors' card. */
  async reply(ticketId: string, actor: Actor, text: string, expectedVersion?: number): Promise<Ticket> {
    const ticket = await this.tickets.addMessage(ticketId, actor, text, { expectedVersion });
    const message = ticket.messages[ticket.messages.length - 1]!;
    return this.changed(ticket, actor, { type: 'advisor_replied', messageId: message.id });
  }

  /** An internal note: advisors only, never sent to the requester. */
  async note(ticketId: string, actor: Actor, text: string, expectedVersion?: number): Promise<Ticket> {
    const ticket = await this.tickets.addMessage(ticketId, actor, text, { internal: true, expectedVersion });
    return this.changed(ticket, actor, null);
  }

  async changeStatus(ticketId: string, action: TicketAction, actor: Actor, expectedVersion?: number): Promise<Ticket> {
    if (action === 'claim') return this.claim(ticketId, actor, expectedVersion);
    const ticket = await this.tickets.changeStatus(ticketId, action, actor, expectedVersion);
    return this.changed(ticket, actor, { type: 'status_changed', status: ticket.status });
  }

  async changePriority(ticketId: string, priority: TicketPriority, actor: Actor, expectedVersion?: number): Promise<Ticket> {
    const before = await this.tickets.getTicket(ticketId);
    const ticket = await this.tickets.changePriority(ticketId, priority, actor, expectedVersion);
    if (ticket.version === before.version) return ticket;
    return this.changed(ticket, actor, null);
  }

  /** Routes the ticket to another group: its old card is refreshed (shows the move), a new card goes to the new channel. */
  async route(ticketId: string, groupId: string, actor: Actor, expectedVersion?: number): Promise<Ticket> {
    if (typeof groupId !== 'string' || this.routing.get(groupId) === undefined) {
      throw new AppError(ErrorCode.ValidationFailed, 'Unknown advisor group.', { groupId: typeof groupId === 'string' ? groupId : null });
    }
    const before = await this.tickets.getTicket(ticketId);
    const ticket = await this.tickets.changeGroup(ticketId, groupId, actor, expectedVersion);
    if (ticket.version === before.version) return ticket;
    await this.notify(ticket, [refreshCard(ticket), postCard(ticket)]);
    return ticket;
  }

  async rate(ticketId: string, requester: Actor, score: number, comment: string | null = null): Promise<Ticket> {
    const ticket = await this.tickets.rate(ticketId, requester, score, comment);
    await this.notify(ticket, [refreshCard(ticket)]);
    return ticket;
  }

  /** The card is refreshed after every change; the requester hears of an advisor's change only. */
  private async changed(ticket: Ticket, actor: Actor, event: RequesterEvent | null): Promise<Ticket> {
    const items = [refreshCard(ticket)];
    if (event !== null && actor.role === 'advisor') {
      items.push({ key: `notify_requester:${ticket.id}:v${ticket.version}`, notification: { kind: 'notify_requester', ticketId: ticket.id, event } });
    }
    await this.notify(ticket, items);
    return ticket;
  }

  private async notify(ticket: Ticket, items: OutboxItem[]): Promise<void> {
    try {
      await this.outbox.enqueue(items);
      this.options.onEnqueued?.();
    } catch (error) {
      this.options.onEnqueueFailed?.(ticket.id, error);
    }
  }
}

/** The key of a card post: one per ticket and group assignment (a route to another group posts again). */
export function postCard(ticket: Ticket): OutboxItem {
  return { key: `post_card:${ticket.id}:${ticket.advisorGroup}:${routeCount(ticket)}`, notification: { kind: 'post_card', ticketId: ticket.id } };
}

function refreshCard(ticket: Ticket): OutboxItem {
  return { key: `refresh_card:${ticket.id}:v${ticket.version}`, notification: { kind: 'refresh_card', ticketId: ticket.id } };
}

function routeCount(ticket: Ticket): number {
  return ticket.auditTrail.filter((entry) => entry.action === 'group_changed').length;
}

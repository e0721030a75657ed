import type { AdvisorChannelRepository } from '../../domain/tickets/advisor-group';
import type { TicketCardRepository } from '../../domain/tickets/ticket-card';
import type { TicketDesk } from '../../domain/tickets/ticket-desk';

/**
 * What the ticket parts of the bot need: the desk (all ticket use cases, routing, notifications),
 * where the advisor groups' channels and the ticket cards are, and the bot's own app id (for
 * proactive messages; empty locally).
 */
export interface TicketBotDeps {
  readonly desk: TicketDesk;
  readonly channels: AdvisorChannelRepository;
  readonly cards: TicketCardRepository;
  readonly botAppId: string;
  /** Municipality by Entra tenant id, to prefill the requester's municipality (may be empty). */
  readonly municipalityByTenant: Readonly<Record<string, string>>;
}

/**
 * Conversation-state property (personal chat of a requester) listing the ids of their tickets
 * that wait for their reply. The notification handler sets it when an advisor asks the requester
 * something (status `waiting_for_requester`) and clears an id on any other status; the root dialog
 * reads it to attach the requester's next message to that ticket, without a store query per message.
 */
export const AWAITING_TICKET_REPLY_PROPERTY = 'awaitingTicketReply';

export type AwaitingTicketReply = readonly string[];

import type { OpaqueJson } from './ticket';

/** Where a ticket's card was posted in its group's channel, so that it can be refreshed in place. */
export interface TicketCardPost {
  readonly ticketId: string;
  /** The group whose channel shows the card (a routed ticket gets a new card in the new channel). */
  readonly groupId: string;
  /** Reference of the card's thread (opaque to the domain). */
  readonly conversationReference: OpaqueJson;
  /** Id of the card activity, for updates. */
  readonly activityId: string;
  readonly postedAt: string;
}

/** Port: the card posts, one per ticket (the current one). */
export interface TicketCardRepository {
  get(ticketId: string): Promise<TicketCardPost | null>;
  save(post: TicketCardPost): Promise<void>;
}

import type { Ticket } from './ticket';

/** Paging of the list queries; repositories cap `limit` (see {@link MAX_TICKET_LIST_LIMIT}). */
export interface TicketListOptions {
  /** At most this many tickets (default and maximum {@link MAX_TICKET_LIST_LIMIT}). */
  readonly limit?: number;
}

/** The most tickets one list query returns. */
export const MAX_TICKET_LIST_LIMIT = 100;

/** What {@link TicketRepository.create} did. */
export interface CreateTicketResult {
  /** The stored ticket: the new one, or the one created earlier with the same idempotency key. */
  readonly ticket: Ticket;
  /** False when a ticket with the same idempotency key existed (a retry): nothing was written. */
  readonly created: boolean;
}

/**
 * Port of the ticket store (implemented in src/storage over the document store). Ids, numbers and
 * user ids must be non-empty strings; anything else is refused with AppError `VALIDATION_FAILED`
 * before it reaches a query, so a value like `{ $ne: null }` can never act as an operator.
 */
export interface TicketRepository {
  /**
   * The next ticket number of `year` from an atomic counter, e.g. `LOT-2026-000042`. Unique and
   * without gaps among the calls (a number is lost only when its ticket is never created).
   */
  nextNumber(year: number): Promise<string>;
  /**
   * Stores a new ticket (`version` 1). When a ticket with the same idempotency key exists — also
   * one created concurrently — that ticket is returned with `created: false` and nothing is
   * written. A clash on id or number throws AppError `DUPLICATE_KEY`.
   */
  create(ticket: Ticket): Promise<CreateTicketResult>;
  get(id: string): Promise<Ticket | null>;
  /** By canonical number (`LOT-2026-000042`); parse what people type with `parseTicketNumber`. */
  getByNumber(number: string): Promise<Ticket | null>;
  getByIdempotencyKey(key: string): Promise<Ticket | null>;
  /** The requester's tickets, most recent activity (`updatedAt`) first. */
  listByRequester(requesterId: string, options?: TicketListOptions): Promise<Ticket[]>;
  /** The requester's open tickets (new, assigned, waiting for them), most recent activity first. */
  listOpenByRequester(requesterId: string, options?: TicketListOptions): Promise<Ticket[]>;
  /** Open tickets without a first public advisor reply, earliest first-response due first. */
  listAwaitingFirstResponse(limit: number): Promise<Ticket[]>;
  /**
   * Writes `ticket` if the stored version equals `expectedVersion`, in one conditional update; the
   * ticket must carry `expectedVersion + 1`. Returns false when the version did not match or the
   * id is unknown. Id, number, idempotency key, requester and creation time are never changed.
   */
  update(ticket: Ticket, expectedVersion: number): Promise<boolean>;
}

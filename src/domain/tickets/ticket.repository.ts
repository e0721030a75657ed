import type { SlaState } from './sla-policy';
import type { Ticket, TicketPriority, TicketStatus } from './ticket';

/** Paging of the list queries; repositories cap `limit` (see {@link MAX_TICKET_LIST_LIMIT}). */
export interface TicketListOptions {
  /** At most this many tickets (default and maximum {@link MAX_TICKET_LIST_LIMIT}). */
  readonly limit?: number;
}

/** The most tickets one list query returns. */
export const MAX_TICKET_LIST_LIMIT = 100;

/** Orders of the advisors' queue; {@link TicketRepository.search} defines each. */
export const TICKET_SORTS = ['activity', 'created', 'first_response_due', 'priority'] as const;

export type TicketSort = (typeof TICKET_SORTS)[number];

/** The most tickets one search returns. */
export const MAX_TICKET_SEARCH_LIMIT = 500;

/**
 * A preselection of the open tickets that may be in SLA `state` at `at` (ISO instant), as far as
 * the store can tell from the due times alone; the exact state is `SlaPolicy.slaState` (see
 * `searchTickets`). Exactly: status open and
 * - `breached`: `firstResponseDue < at` or `resolutionDue < at`;
 * - `due_soon`, `ok`: `resolutionDue >= at`.
 */
export interface SlaPrefilter {
  readonly state: SlaState;
  readonly at: string;
}

/**
 * What the advisors' queue filters by; every given criterion must hold. Values are typed data:
 * strings are compared for equality, never interpreted.
 */
export interface TicketSearchCriteria {
  /** Any of these statuses; absent: every status. */
  readonly statuses?: readonly TicketStatus[];
  readonly advisorGroup?: string;
  /** The assignee's id; `null`: tickets nobody has claimed; absent: anyone's. */
  readonly assigneeId?: string | null;
  /** The requester's municipality, exactly as stored. */
  readonly municipality?: string;
  readonly category?: string;
  readonly priority?: TicketPriority;
  readonly slaPrefilter?: SlaPrefilter;
}

/** A window of the ordered result. */
export interface TicketSearchPage {
  /** Matches to skip (a non-negative integer). */
  readonly offset: number;
  /** At most this many tickets: 1 to {@link MAX_TICKET_SEARCH_LIMIT}. */
  readonly limit: number;
}

/** One page of matches with the counts the queue shows. */
export interface TicketSearchResult {
  readonly tickets: Ticket[];
  /** All matches of the criteria. */
  readonly total: number;
  /** Matches per status for the criteria without `statuses` (every status present, 0 when none). */
  readonly statusCounts: Readonly<Record<TicketStatus, number>>;
}

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
   * The advisors' queue: the tickets matching `criteria` in `sort` order, one `page` of them, with
   * the total and the per-status counts. Orders (ties broken by id ascending):
   * `activity` latest `updatedAt` first; `created` newest first; `first_response_due` earliest
   * `sla.firstResponseDue` first; `priority` urgent to low, then earliest first-response due.
   * Criteria, sort and page that are not of their types (e.g. an object instead of a string) are
   * refused with `VALIDATION_FAILED`.
   */
  search(criteria: TicketSearchCriteria, sort: TicketSort, page: TicketSearchPage): Promise<TicketSearchResult>;
  /**
   * Writes `ticket` if the stored version equals `expectedVersion`, in one conditional update; the
   * ticket must carry `expectedVersion + 1`. Returns false when the version did not match or the
   * id is unknown. Id, number, idempotency key, requester and creation time are never changed.
   */
  update(ticket: Ticket, expectedVersion: number): Promise<boolean>;
}

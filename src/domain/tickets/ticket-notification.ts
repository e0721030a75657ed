import type { TicketStatus } from './ticket';

/**
 * What has to reach Teams after a ticket change. The ticket is always persisted first; these are
 * put into the outbox in the store and delivered (and retried) by the outbox worker, so a failed
 * channel post never loses a ticket or a message.
 */
export type TicketNotification =
  /** Post the ticket card into a new thread of its group's channel (also after routing). */
  | { readonly kind: 'post_card'; readonly ticketId: string }
  /** Refresh the ticket card in place for everyone (after any change). */
  | { readonly kind: 'refresh_card'; readonly ticketId: string }
  /** The first response is due soon or overdue: a reminder in the card's thread. */
  | { readonly kind: 'remind'; readonly ticketId: string; readonly reminder: TicketReminder }
  /** Tell the requester in their chat. */
  | { readonly kind: 'notify_requester'; readonly ticketId: string; readonly event: RequesterEvent };

export type TicketReminder = 'first_response_due_soon' | 'first_response_breached';

/** What the requester is told about: a claim, an advisor's public reply, or a new status. */
export type RequesterEvent =
  | { readonly type: 'claimed' }
  | { readonly type: 'advisor_replied'; readonly messageId: string }
  | { readonly type: 'status_changed'; readonly status: TicketStatus };

/** A notification to enqueue; `key` makes enqueueing idempotent (a second one with the same key is dropped). */
export interface OutboxItem {
  readonly key: string;
  readonly notification: TicketNotification;
}

/** A leased outbox job. */
export interface OutboxJob {
  readonly id: string;
  readonly key: string;
  readonly notification: TicketNotification;
  /** Delivery attempts before this one. */
  readonly attempts: number;
  readonly createdAt: string;
}

/** Port of the outbox in the store. */
export interface Outbox {
  /** Adds items; an item whose key exists is ignored (idempotent across instances). */
  enqueue(items: readonly OutboxItem[]): Promise<void>;
  /**
   * Leases up to `limit` jobs due at `now` (not done, not leased by someone else, `nextAttemptAt`
   * passed), oldest first, each with one conditional update: two workers never get the same job.
   */
  lease(owner: string, now: Date, leaseMs: number, limit: number): Promise<OutboxJob[]>;
  /** Marks a leased job delivered. */
  complete(jobId: string, owner: string, now: Date): Promise<void>;
  /** Gives the job back for a later attempt, or gives up (`dead`) — kept for operators, never deleted. */
  reschedule(jobId: string, owner: string, retry: { nextAttemptAt: Date; errorCode: string; dead: boolean }): Promise<void>;
  /** Number of jobs not yet delivered (for /readyz-style monitoring and tests). */
  countPending(): Promise<number>;
}

/** Delivers one notification to Teams (implemented by the bot layer). Throws to have it retried. */
export interface TicketNotificationHandler {
  deliver(notification: TicketNotification): Promise<void>;
}

/** A named lease in the store: only its holder runs a singleton job (e.g. the reminder scan). */
export interface LeaseStore {
  /** True when `owner` holds (or took over an expired) lease `name` for the next `ttlMs`. */
  tryAcquire(name: string, owner: string, ttlMs: number, now: Date): Promise<boolean>;
}

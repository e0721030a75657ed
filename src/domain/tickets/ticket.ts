/**
 * The ticket model: a question that Lotse could not answer (or that the requester wanted a person
 * for), handled by the cooperation's advisors. All timestamps are ISO 8601 strings in UTC, as in
 * the rest of the store; arithmetic on them happens in `sla-calendar.ts`.
 */

/** Lifecycle of a ticket; the allowed moves between them are in `ticket-state-machine.ts`. */
export const TICKET_STATUSES = ['new', 'assigned', 'waiting_for_requester', 'resolved', 'closed'] as const;

export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses in which the ticket still needs work from someone (SLA clocks run). */
export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = ['new', 'assigned', 'waiting_for_requester'];

/** Priorities, lowest first. The requester's "urgency" maps onto them; advisors may change it. */
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** A person as the ticket shows them: a stable channel id (AAD object id in Teams) and a name. */
export interface PersonRef {
  readonly id: string;
  readonly displayName: string;
}

/** The employee who asked. Personal data: store only, never logs. */
export interface Requester extends PersonRef {
  /** The municipality the requester works for (asked once, remembered). */
  readonly municipality: string;
}

/** In which capacity someone acts on a ticket. `system` is Lotse itself (e.g. an automatic close). */
export type ActorRole = 'requester' | 'advisor' | 'system';

/** Who performs a change. Whether an advisor belongs to the ticket's group is checked by the caller. */
export interface Actor extends PersonRef {
  readonly role: ActorRole;
}

/** A public reply or an internal note on the ticket. */
export interface TicketMessage {
  readonly id: string;
  readonly author: PersonRef;
  readonly role: 'requester' | 'advisor';
  readonly text: string;
  readonly at: string;
  /** Internal notes are seen by advisors only and never sent to the requester. */
  readonly internal: boolean;
}

/** The status-changing actions; who may do which from where is in `ticket-state-machine.ts`. */
export const TICKET_ACTIONS = ['claim', 'wait_for_requester', 'resume', 'resolve', 'close', 'reopen'] as const;

export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** What an audit entry records: a status action, the creation, or another audited change. */
export type AuditAction =
  | TicketAction
  | 'created'
  | 'priority_changed'
  | 'group_changed'
  | 'reply_added'
  | 'note_added'
  | 'rated';

/** One field an audited change touched; values are ids or enum values, never free text. */
export interface FieldChange {
  readonly field: 'status' | 'assignee' | 'priority' | 'advisorGroup' | 'category';
  readonly from: string | null;
  readonly to: string | null;
}

/** One line of the audit trail: who did what, when, and which values changed. */
export interface AuditEntry {
  readonly at: string;
  readonly actor: Actor;
  readonly action: AuditAction;
  readonly changes: readonly FieldChange[];
}

/** Service-level bookkeeping; due times come from `SlaPolicy.dueTimes`. */
export interface TicketSla {
  readonly firstResponseDue: string;
  readonly resolutionDue: string;
  /** First public advisor reply; null until then. */
  readonly firstRespondedAt: string | null;
  /**
   * When the resolution clock stopped: the ticket was resolved, or closed without resolution.
   * Cleared again on reopen.
   */
  readonly resolvedAt: string | null;
}

/** Satisfaction scores the requester can give after resolution. */
export type SatisfactionScore = 1 | 2 | 3 | 4 | 5;

/** The requester's rating, asked once after resolution. */
export interface SatisfactionRating {
  readonly score: SatisfactionScore;
  readonly comment: string | null;
  readonly at: string;
}

/** A candidate FAQ entry the bot had for the original question (see `Candidate` in knowledge). */
export interface TicketCandidate {
  readonly entryId: string;
  readonly score: number;
  readonly confidence: number;
}

/** A JSON object the domain keeps but never looks into. */
export type OpaqueJson = Readonly<Record<string, unknown>>;

/** A ticket as kept in the store. */
export interface Ticket {
  readonly id: string;
  /** Human number, e.g. `LOT-2026-000042` (see `ticket-number.ts`). */
  readonly number: string;
  readonly status: TicketStatus;
  readonly priority: TicketPriority;
  /** A knowledge category (`FaqEntry.category`). */
  readonly category: string;
  /** Id of the advisor group that handles the ticket (routing picks it by category). */
  readonly advisorGroup: string;
  /** The advisor who claimed the ticket; null while it is `new`. Kept when resolved or closed. */
  readonly assignee: PersonRef | null;
  readonly requester: Requester;
  readonly subject: string;
  readonly description: string;
  /** The question as the requester typed it to the bot (may equal the subject). */
  readonly originalQuestion: string;
  /** What the bot had suggested, best first. */
  readonly candidates: readonly TicketCandidate[];
  /** The requester's Bot Framework conversation reference, for proactive messages. */
  readonly conversationReference: OpaqueJson;
  readonly messages: readonly TicketMessage[];
  readonly auditTrail: readonly AuditEntry[];
  readonly sla: TicketSla;
  readonly satisfaction: SatisfactionRating | null;
  /** Optimistic-concurrency version, starting at 1, incremented on every change. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /**
   * Key that makes creation idempotent: the id of the activity that created the ticket, qualified
   * by its conversation id (activity ids are unique per conversation only). The store keeps it
   * unique, so a Teams retry finds the existing ticket instead of creating a second one.
   */
  readonly idempotencyKey: string;
}

/** True when the ticket still needs work (new, assigned or waiting for the requester). */
export function isOpenTicket(ticket: Pick<Ticket, 'status'>): boolean {
  return OPEN_TICKET_STATUSES.includes(ticket.status);
}

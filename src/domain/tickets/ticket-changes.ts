import { AppError, ErrorCode } from '../errors';
import { TICKET_PRIORITIES, isOpenTicket } from './ticket';
import type { Actor, AuditEntry, FieldChange, SatisfactionScore, Ticket, TicketPriority } from './ticket';
import type { SlaDueTimes } from './sla-policy';
import { applyTicketChange, transition } from './ticket-state-machine';

/**
 * The audited changes of a ticket besides the status actions of the state machine: messages,
 * priority, routing and rating. Pure like the state machine: each function returns the changed ticket
 * (`version` + 1, `updatedAt`, audit entry appended) or throws AppError; the service persists it.
 */

/** Longest message or note, in characters; longer text is refused, not cut. */
export const MAX_MESSAGE_LENGTH = 5000;
/** Longest rating comment, in characters. */
export const MAX_RATING_COMMENT_LENGTH = 1000;

/** A message to add: who writes what, and whether it is an internal note. */
export interface NewMessage {
  readonly id: string;
  readonly actor: Actor;
  readonly text: string;
  readonly internal: boolean;
}

/**
 * Adds a public reply or an internal note.
 * - Requesters write public messages on their open tickets; one on a ticket that waits for them
 *   resumes it (`assigned`, audited as `resume`).
 * - Advisors reply publicly on claimed open tickets (claim a `new` one first); the first public
 *   reply sets `sla.firstRespondedAt`. Internal notes are allowed in every status.
 * Throws `VALIDATION_FAILED` (empty or too long text), `FORBIDDEN` (the system, a requester's note,
 * another requester's ticket) or `INVALID_TRANSITION` (the status does not take the message).
 */
export function addTicketMessage(ticket: Ticket, message: NewMessage, now: Date): Ticket {
  const { actor, internal } = message;
  const text = checkedText(message.text, MAX_MESSAGE_LENGTH, 'message');
  if (actor.role === 'system' || (actor.role === 'requester' && (internal || actor.id !== ticket.requester.id))) {
    throw new AppError(ErrorCode.Forbidden, `A ${actor.role} cannot add this message.`, { ticketId: ticket.id, internal });
  }
  const allowedFrom = internal ? null : actor.role === 'advisor' ? ['assigned', 'waiting_for_requester'] : ['new', 'assigned', 'waiting_for_requester'];
  if (allowedFrom !== null && !allowedFrom.includes(ticket.status)) {
    throw new AppError(ErrorCode.InvalidTransition, `A ${ticket.status} ticket takes no message from a ${actor.role}.`, {
      ticketId: ticket.id,
      action: 'reply_added',
      from: ticket.status,
      role: actor.role,
      allowedFrom,
    });
  }
  const at = now.toISOString();
  const resumed =
    actor.role === 'requester' && ticket.status === 'waiting_for_requester'
      ? applyTicketChange(ticket, transition(ticket, 'resume', actor, now))
      : ticket;
  const firstReply = actor.role === 'advisor' && !internal && ticket.sla.firstRespondedAt === null;
  const audit: AuditEntry = { at, actor, action: internal ? 'note_added' : 'reply_added', changes: [] };
  return {
    ...resumed,
    messages: [...ticket.messages, { id: message.id, author: { id: actor.id, displayName: actor.displayName }, role: actor.role, text, at, internal }],
    sla: firstReply ? { ...resumed.sla, firstRespondedAt: at } : resumed.sla,
    auditTrail: [...resumed.auditTrail, audit],
    version: ticket.version + 1,
    updatedAt: at,
  };
}

/**
 * Changes the priority of an open ticket (advisors only) and moves its SLA due times to those of
 * the new priority, counted from the creation. Returns the ticket unchanged (same version) when it
 * already has that priority. Throws `VALIDATION_FAILED`, `FORBIDDEN` or `INVALID_TRANSITION`.
 */
export function changeTicketPriority(ticket: Ticket, priority: TicketPriority, actor: Actor, dueTimes: SlaDueTimes, now: Date): Ticket {
  assertPriority(priority);
  if (actor.role !== 'advisor') {
    throw new AppError(ErrorCode.Forbidden, `A ${actor.role} cannot change the priority.`, { ticketId: ticket.id });
  }
  if (!isOpenTicket(ticket)) {
    throw new AppError(ErrorCode.InvalidTransition, `The priority of a ${ticket.status} ticket cannot be changed.`, {
      ticketId: ticket.id,
      action: 'priority_changed',
      from: ticket.status,
    });
  }
  if (priority === ticket.priority) return ticket;
  const at = now.toISOString();
  return {
    ...ticket,
    priority,
    sla: { ...ticket.sla, ...dueTimes },
    auditTrail: [...ticket.auditTrail, { at, actor, action: 'priority_changed', changes: [{ field: 'priority', from: ticket.priority, to: priority }] }],
    version: ticket.version + 1,
    updatedAt: at,
  };
}

/**
 * Routes an open ticket to another advisor group (advisors only). The new group decides who takes
 * it: a claimed ticket goes back to `new` without assignee, so it shows up unclaimed in the new
 * group's channel. Returns the ticket unchanged (same version) for its own group. Throws
 * `VALIDATION_FAILED`, `FORBIDDEN` or `INVALID_TRANSITION` (resolved or closed).
 */
export function changeTicketGroup(ticket: Ticket, groupId: string, actor: Actor, now: Date): Ticket {
  const group = checkedText(groupId, 200, 'advisor group');
  if (actor.role !== 'advisor') {
    throw new AppError(ErrorCode.Forbidden, `A ${actor.role} cannot route a ticket.`, { ticketId: ticket.id });
  }
  if (!isOpenTicket(ticket)) {
    throw new AppError(ErrorCode.InvalidTransition, `A ${ticket.status} ticket cannot be routed.`, {
      ticketId: ticket.id,
      action: 'group_changed',
      from: ticket.status,
    });
  }
  if (group === ticket.advisorGroup) return ticket;
  const at = now.toISOString();
  const changes: FieldChange[] = [{ field: 'advisorGroup', from: ticket.advisorGroup, to: group }];
  if (ticket.status !== 'new') changes.push({ field: 'status', from: ticket.status, to: 'new' });
  if (ticket.assignee !== null) changes.push({ field: 'assignee', from: ticket.assignee.id, to: null });
  return {
    ...ticket,
    advisorGroup: group,
    status: 'new',
    assignee: null,
    auditTrail: [...ticket.auditTrail, { at, actor, action: 'group_changed', changes }],
    version: ticket.version + 1,
    updatedAt: at,
  };
}

/**
 * Records the requester's rating of their resolved or closed ticket, once. Throws
 * `VALIDATION_FAILED` (score not 1-5, comment too long), `FORBIDDEN` (not the requester) or
 * `INVALID_TRANSITION` (ticket still open; already rated: `details.reason` = `already_rated`).
 */
export function rateTicket(ticket: Ticket, actor: Actor, score: number, comment: string | null, now: Date): Ticket {
  if (!Number.isInteger(score) || score < 1 || score > 5) {
    throw new AppError(ErrorCode.ValidationFailed, 'The rating must be a whole number from 1 to 5.', { ticketId: ticket.id });
  }
  const trimmedComment = comment === null ? '' : checkedText(comment, MAX_RATING_COMMENT_LENGTH, 'comment', true);
  if (actor.role !== 'requester' || actor.id !== ticket.requester.id) {
    throw new AppError(ErrorCode.Forbidden, 'Only the requester may rate their ticket.', { ticketId: ticket.id });
  }
  if (ticket.status !== 'resolved' && ticket.status !== 'closed') {
    throw new AppError(ErrorCode.InvalidTransition, 'Only a resolved or closed ticket can be rated.', {
      ticketId: ticket.id,
      action: 'rated',
      from: ticket.status,
      allowedFrom: ['resolved', 'closed'],
    });
  }
  if (ticket.satisfaction !== null) {
    throw new AppError(ErrorCode.InvalidTransition, 'The ticket has already been rated.', { ticketId: ticket.id, reason: 'already_rated' });
  }
  const at = now.toISOString();
  return {
    ...ticket,
    satisfaction: { score: score as SatisfactionScore, comment: trimmedComment === '' ? null : trimmedComment, at },
    auditTrail: [...ticket.auditTrail, { at, actor, action: 'rated', changes: [] }],
    version: ticket.version + 1,
    updatedAt: at,
  };
}

/** Throws `VALIDATION_FAILED` unless `priority` is one of {@link TICKET_PRIORITIES}. */
export function assertPriority(priority: unknown): asserts priority is TicketPriority {
  if (!TICKET_PRIORITIES.includes(priority as TicketPriority)) {
    throw new AppError(ErrorCode.ValidationFailed, `Priority must be one of ${TICKET_PRIORITIES.join(', ')}.`);
  }
}

/**
 * The text trimmed, at most `max` characters; throws `VALIDATION_FAILED` for a non-string, an
 * over-long text or, unless `allowEmpty`, an empty one.
 */
export function checkedText(text: unknown, max: number, what: string, allowEmpty = false): string {
  if (typeof text !== 'string') throw new AppError(ErrorCode.ValidationFailed, `The ${what} must be text.`);
  const trimmed = text.trim();
  if (!allowEmpty && trimmed.length === 0) throw new AppError(ErrorCode.ValidationFailed, `The ${what} must not be empty.`);
  if (trimmed.length > max) throw new AppError(ErrorCode.ValidationFailed, `The ${what} must be at most ${max} characters.`, { max });
  return trimmed;
}

import { AppError, ErrorCode } from '../errors';
import { TICKET_ACTIONS } from './ticket';
import type {
  Actor,
  ActorRole,
  AuditEntry,
  FieldChange,
  PersonRef,
  Ticket,
  TicketAction,
  TicketSla,
  TicketStatus,
} from './ticket';

/**
 * The ticket state machine. Pure: it computes the change an action makes and never persists it;
 * the repository applies the change with a conditional update on `version`, so of two advisors who
 * claim the same `new` ticket at once exactly one write succeeds. The loser reloads the ticket,
 * runs {@link transition} again and gets `TICKET_ALREADY_CLAIMED`.
 *
 * | action               | who                | from                              | to                          |
 * |----------------------|--------------------|-----------------------------------|-----------------------------|
 * | `claim`              | advisor            | new                               | assigned (assignee := actor)|
 * | `wait_for_requester` | advisor            | assigned                          | waiting_for_requester       |
 * | `resume`             | advisor, requester | waiting_for_requester             | assigned                    |
 * | `resolve`            | advisor            | assigned, waiting_for_requester   | resolved                    |
 * | `close`              | advisor, requester | new, assigned, waiting_…, resolved | closed                     |
 * | `close`              | system (auto-close)| resolved                          | closed                      |
 * | `reopen`             | advisor, requester | resolved, closed                  | assigned (new if unassigned)|
 *
 * Decisions: a `new` ticket cannot be resolved — it is claimed first, so every resolved ticket has
 * a responsible advisor for follow-ups and reopening. Closing an open ticket is "closed without
 * resolution" (spam, duplicate, the requester withdrew); it stops the resolution clock like a
 * resolve does. Any advisor may change the status of a claimed ticket (colleagues stand in for each
 * other); whether the actor is a member of the ticket's group is the caller's check. A requester
 * may act only on their own ticket.
 */

/** What an action changes on a ticket; apply it with {@link applyTicketChange}. */
export interface TicketChange {
  readonly status: TicketStatus;
  readonly assignee: PersonRef | null;
  readonly sla: TicketSla;
  /** The entry to append to the audit trail. */
  readonly audit: AuditEntry;
}

type Rule = Readonly<Partial<Record<ActorRole, readonly TicketStatus[]>>>;

const OPEN_OR_RESOLVED: readonly TicketStatus[] = ['new', 'assigned', 'waiting_for_requester', 'resolved'];

/** Per action: who may perform it from which statuses. */
const RULES: Readonly<Record<TicketAction, Rule>> = {
  claim: { advisor: ['new'] },
  wait_for_requester: { advisor: ['assigned'] },
  resume: { advisor: ['waiting_for_requester'], requester: ['waiting_for_requester'] },
  resolve: { advisor: ['assigned', 'waiting_for_requester'] },
  close: { advisor: OPEN_OR_RESOLVED, requester: OPEN_OR_RESOLVED, system: ['resolved'] },
  reopen: { advisor: ['resolved', 'closed'], requester: ['resolved', 'closed'] },
};

/**
 * Computes the change `action` by `actor` makes to `ticket` at `now`.
 *
 * Throws AppError
 * - `FORBIDDEN` when the actor's role may never perform the action, or a requester acts on
 *   someone else's ticket;
 * - `TICKET_ALREADY_CLAIMED` when claiming a ticket someone holds (`details.holderId`;
 *   `details.heldByActor` is true when it is the actor themselves, e.g. a double click);
 * - `INVALID_TRANSITION` when the ticket's status does not allow the action
 *   (`details.allowedFrom` lists the statuses that would).
 */
export function transition(ticket: Ticket, action: TicketAction, actor: Actor, now: Date): TicketChange {
  const allowedFrom = allowedStatuses(ticket, action, actor);
  if (action === 'claim' && ticket.assignee !== null && ticket.status !== 'resolved' && ticket.status !== 'closed') {
    throw new AppError(ErrorCode.TicketAlreadyClaimed, 'The ticket has already been claimed.', {
      ticketId: ticket.id,
      holderId: ticket.assignee.id,
      heldByActor: ticket.assignee.id === actor.id,
    });
  }
  if (!allowedFrom.includes(ticket.status)) {
    throw new AppError(ErrorCode.InvalidTransition, `A ${ticket.status} ticket cannot be changed by "${action}".`, {
      ticketId: ticket.id,
      action,
      from: ticket.status,
      role: actor.role,
      allowedFrom,
    });
  }
  const at = now.toISOString();
  const status = targetStatus(ticket, action);
  const assignee = action === 'claim' ? { id: actor.id, displayName: actor.displayName } : ticket.assignee;
  const changes: FieldChange[] = [{ field: 'status', from: ticket.status, to: status }];
  if (assignee?.id !== ticket.assignee?.id) {
    changes.push({ field: 'assignee', from: ticket.assignee?.id ?? null, to: assignee?.id ?? null });
  }
  return {
    status,
    assignee,
    sla: { ...ticket.sla, resolvedAt: resolvedAtAfter(ticket, action, at) },
    audit: { at, actor, action, changes },
  };
}

/**
 * The actions `actor` may perform on `ticket` now (for the buttons of a card). Includes nothing
 * that {@link transition} would reject.
 */
export function availableActions(ticket: Ticket, actor: Actor): TicketAction[] {
  return TICKET_ACTIONS.filter((action) => {
    try {
      transition(ticket, action, actor, new Date(0));
      return true;
    } catch {
      return false;
    }
  });
}

/** Applies a change: the new ticket with the audit entry appended, `version` + 1 and `updatedAt`. */
export function applyTicketChange(ticket: Ticket, change: TicketChange): Ticket {
  return {
    ...ticket,
    status: change.status,
    assignee: change.assignee,
    sla: change.sla,
    auditTrail: [...ticket.auditTrail, change.audit],
    version: ticket.version + 1,
    updatedAt: change.audit.at,
  };
}

function allowedStatuses(ticket: Ticket, action: TicketAction, actor: Actor): readonly TicketStatus[] {
  const allowedFrom = RULES[action][actor.role];
  if (allowedFrom === undefined) {
    throw new AppError(ErrorCode.Forbidden, `A ${actor.role} cannot "${action}" a ticket.`, {
      ticketId: ticket.id,
      action,
      role: actor.role,
    });
  }
  if (actor.role === 'requester' && actor.id !== ticket.requester.id) {
    throw new AppError(ErrorCode.Forbidden, 'Only the requester may act on their ticket.', { ticketId: ticket.id, action });
  }
  return allowedFrom;
}

function targetStatus(ticket: Ticket, action: TicketAction): TicketStatus {
  switch (action) {
    case 'claim':
    case 'resume':
      return 'assigned';
    case 'wait_for_requester':
      return 'waiting_for_requester';
    case 'resolve':
      return 'resolved';
    case 'close':
      return 'closed';
    case 'reopen':
      return ticket.assignee === null ? 'new' : 'assigned';
  }
}

/** The resolution clock stops on resolve or on closing an open ticket and restarts on reopen. */
function resolvedAtAfter(ticket: Ticket, action: TicketAction, at: string): string | null {
  if (action === 'reopen') return null;
  if (action === 'resolve' || action === 'close') return ticket.sla.resolvedAt ?? at;
  return ticket.sla.resolvedAt;
}

import { AppError } from '../../../src/domain/errors';
import type { Actor, Ticket, TicketAction, TicketStatus } from '../../../src/domain/tickets/ticket';
import { TICKET_ACTIONS, TICKET_STATUSES } from '../../../src/domain/tickets/ticket';
import { applyTicketChange, availableActions, transition } from '../../../src/domain/tickets/ticket-state-machine';
import { aTicket, anna, ben, lotse, otherRequester, personOf, requester } from './ticket-fixtures';

const NOW = new Date('2026-03-12T09:30:00.000Z');

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

/** Every allowed move: action, actor, from, to. */
const ALLOWED: readonly [TicketAction, Actor, TicketStatus, TicketStatus][] = [
  ['claim', ben, 'new', 'assigned'],
  ['wait_for_requester', anna, 'assigned', 'waiting_for_requester'],
  ['resume', anna, 'waiting_for_requester', 'assigned'],
  ['resume', requester, 'waiting_for_requester', 'assigned'],
  ['resolve', anna, 'assigned', 'resolved'],
  ['resolve', anna, 'waiting_for_requester', 'resolved'],
  ['close', anna, 'new', 'closed'],
  ['close', anna, 'assigned', 'closed'],
  ['close', anna, 'waiting_for_requester', 'closed'],
  ['close', anna, 'resolved', 'closed'],
  ['close', requester, 'new', 'closed'],
  ['close', requester, 'assigned', 'closed'],
  ['close', requester, 'waiting_for_requester', 'closed'],
  ['close', requester, 'resolved', 'closed'],
  ['close', lotse, 'resolved', 'closed'],
  ['reopen', anna, 'resolved', 'assigned'],
  ['reopen', anna, 'closed', 'assigned'],
  ['reopen', requester, 'resolved', 'assigned'],
  ['reopen', requester, 'closed', 'assigned'],
];

describe('transition: allowed moves', () => {
  const rows = ALLOWED.map(([action, actor, from, to]) => [action, actor.role, from, to, actor] as const);

  it.each(rows)('%s by %s: %s -> %s', (action, _role, from, to, actor) => {
    const ticket = aTicket(from);
    const change = transition(ticket, action, actor, NOW);
    expect(change.status).toBe(to);
    expect(change.audit).toMatchObject({ at: NOW.toISOString(), actor, action });
    expect(change.audit.changes).toContainEqual({ field: 'status', from, to });
  });

  it('claim makes the claiming advisor the assignee and records it in the audit trail', () => {
    const sut = transition(aTicket('new'), 'claim', ben, NOW);
    expect(sut.assignee).toEqual(personOf(ben));
    expect(sut.audit.changes).toEqual([
      { field: 'status', from: 'new', to: 'assigned' },
      { field: 'assignee', from: null, to: ben.id },
    ]);
  });

  it('resolve stops the resolution clock; reopen restarts it and keeps the assignee', () => {
    const resolved = applyTicketChange(aTicket('assigned'), transition(aTicket('assigned'), 'resolve', anna, NOW));
    expect(resolved.sla.resolvedAt).toBe(NOW.toISOString());
    const later = new Date('2026-03-13T08:00:00.000Z');
    const closed = applyTicketChange(resolved, transition(resolved, 'close', requester, later));
    expect(closed.sla.resolvedAt).toBe(NOW.toISOString());
    const reopened = applyTicketChange(closed, transition(closed, 'reopen', requester, later));
    expect(reopened).toMatchObject({ status: 'assigned', assignee: personOf(anna) });
    expect(reopened.sla.resolvedAt).toBeNull();
  });

  it('closing an open ticket without resolution stops the resolution clock at the close', () => {
    expect(transition(aTicket('new'), 'close', anna, NOW).sla.resolvedAt).toBe(NOW.toISOString());
  });

  it('reopening a ticket nobody ever claimed makes it new again, for the whole group to see', () => {
    const ticket = aTicket('closed', { assignee: null });
    expect(transition(ticket, 'reopen', requester, NOW)).toMatchObject({ status: 'new', assignee: null });
    expect(transition(ticket, 'reopen', anna, NOW).status).toBe('new');
  });

  it('lets any advisor of the group change the status of a ticket a colleague holds', () => {
    expect(transition(aTicket('assigned'), 'resolve', ben, NOW).audit.actor).toBe(ben);
  });

  it('applyTicketChange appends the audit entry, increments the version and stamps updatedAt', () => {
    const ticket = aTicket('new');
    const change = transition(ticket, 'claim', anna, NOW);
    const sut = applyTicketChange(ticket, change);
    expect(sut).toMatchObject({ status: 'assigned', version: ticket.version + 1, updatedAt: NOW.toISOString() });
    expect(sut.auditTrail).toEqual([change.audit]);
    expect(ticket.status).toBe('new');
  });
});

describe('transition: rejected moves', () => {
  const allowedKey = new Set(ALLOWED.map(([action, actor, from]) => `${action}|${actor.role}|${from}`));
  const rejected = TICKET_ACTIONS.flatMap((action) =>
    [anna, requester].flatMap((actor) =>
      TICKET_STATUSES.filter((from) => !allowedKey.has(`${action}|${actor.role}|${from}`)).map(
        (from) => [action, actor.role, from, actor] as const,
      ),
    ),
  );

  it.each(rejected)('%s by %s from %s is refused', (action, role, from, actor) => {
    const error = errorOf(() => transition(aTicket(from), action, actor, NOW));
    if (role === 'requester' && (action === 'claim' || action === 'wait_for_requester' || action === 'resolve')) {
      expect(error.code).toBe('FORBIDDEN');
    } else if (action === 'claim' && (from === 'assigned' || from === 'waiting_for_requester')) {
      expect(error.code).toBe('TICKET_ALREADY_CLAIMED');
    } else {
      expect(error.code).toBe('INVALID_TRANSITION');
      expect(error.details).toMatchObject({ ticketId: 'tkt-1', action, from, role });
    }
  });

  it('names the allowed source statuses of an invalid transition', () => {
    const error = errorOf(() => transition(aTicket('closed'), 'resolve', anna, NOW));
    expect(error.message).toBe('A closed ticket cannot be changed by "resolve".');
    expect(error.details['allowedFrom']).toEqual(['assigned', 'waiting_for_requester']);
  });

  it('lets the system only close resolved tickets', () => {
    expect(errorOf(() => transition(aTicket('assigned'), 'close', lotse, NOW)).code).toBe('INVALID_TRANSITION');
    expect(errorOf(() => transition(aTicket('resolved'), 'reopen', lotse, NOW)).code).toBe('FORBIDDEN');
  });

  it("refuses a requester acting on someone else's ticket", () => {
    for (const action of ['close', 'reopen', 'resume'] as const) {
      expect(errorOf(() => transition(aTicket('resolved'), action, otherRequester, NOW)).code).toBe('FORBIDDEN');
    }
  });
});

describe('claim race at the pure level', () => {
  it('of two advisors who read the same new ticket, the one who writes second is told who has it', () => {
    const read = aTicket('new');
    const annasChange = transition(read, 'claim', anna, NOW);
    const bensChange = transition(read, 'claim', ben, NOW);
    expect(bensChange.assignee).toEqual(personOf(ben));

    // Anna's conditional update wins; Ben's fails on the version, he reloads and tries again.
    const stored: Ticket = applyTicketChange(read, annasChange);
    const error = errorOf(() => transition(stored, 'claim', ben, NOW));
    expect(error.code).toBe('TICKET_ALREADY_CLAIMED');
    expect(error.details).toEqual({ ticketId: 'tkt-1', holderId: anna.id, heldByActor: false });
    expect(stored.assignee?.displayName).toBe('Anna Beraterin');
  });

  it('tells an advisor who claims twice (double click) that they hold it themselves', () => {
    const error = errorOf(() => transition(aTicket('waiting_for_requester'), 'claim', anna, NOW));
    expect(error.code).toBe('TICKET_ALREADY_CLAIMED');
    expect(error.details['heldByActor']).toBe(true);
  });

  it('keeps names out of the error details, which go to the log', () => {
    const error = errorOf(() => transition(aTicket('assigned'), 'claim', ben, NOW));
    expect(JSON.stringify(error.details)).not.toContain('Anna');
  });
});

describe('availableActions', () => {
  it('offers the buttons that fit the ticket and the actor', () => {
    expect(availableActions(aTicket('new'), ben)).toEqual(['claim', 'close']);
    expect(availableActions(aTicket('assigned'), ben)).toEqual(['wait_for_requester', 'resolve', 'close']);
    expect(availableActions(aTicket('waiting_for_requester'), requester)).toEqual(['resume', 'close']);
    expect(availableActions(aTicket('resolved'), requester)).toEqual(['close', 'reopen']);
    expect(availableActions(aTicket('closed'), otherRequester)).toEqual([]);
  });
});

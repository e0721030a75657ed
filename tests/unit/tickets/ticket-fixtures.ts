import type { Actor, PersonRef, Ticket, TicketStatus } from '../../../src/domain/tickets/ticket';

/** People of the ticket tests (made-up names and ids). */
export const requester: Actor = { id: 'aad-requester-1', displayName: 'Petra Muster', role: 'requester' };
export const otherRequester: Actor = { id: 'aad-requester-2', displayName: 'Karl Beispiel', role: 'requester' };
export const anna: Actor = { id: 'aad-advisor-anna', displayName: 'Anna Beraterin', role: 'advisor' };
export const ben: Actor = { id: 'aad-advisor-ben', displayName: 'Ben Berater', role: 'advisor' };
export const lotse: Actor = { id: 'lotse', displayName: 'Lotse', role: 'system' };

export function personOf(actor: Actor): PersonRef {
  return { id: actor.id, displayName: actor.displayName };
}

/**
 * A ticket in `status`; claimed by Anna unless it is `new` (pass `assignee: null` for a ticket
 * reopened or closed without ever being claimed).
 */
export function aTicket(status: TicketStatus = 'new', overrides: Partial<Ticket> = {}): Ticket {
  const resolved = status === 'resolved' || status === 'closed';
  return {
    id: 'tkt-1',
    number: 'LOT-2026-000042',
    status,
    priority: 'normal',
    category: 'Meldewesen',
    advisorGroup: 'meldewesen',
    assignee: status === 'new' ? null : personOf(anna),
    requester: { id: requester.id, displayName: requester.displayName, municipality: 'Musterstadt' },
    subject: 'Meldebescheinigung für Minderjährige',
    description: 'Wer darf die Meldebescheinigung beantragen?',
    originalQuestion: 'meldebescheinigung kind wer darf beantragen',
    candidates: [{ entryId: 'kb-017', score: 4.2, confidence: 0.41 }],
    conversationReference: { conversation: { id: 'a:1' }, serviceUrl: 'https://smba.example/' },
    messages: [],
    auditTrail: [],
    sla: {
      firstResponseDue: '2026-03-10T15:00:00.000Z',
      resolutionDue: '2026-03-16T15:00:00.000Z',
      firstRespondedAt: null,
      resolvedAt: resolved ? '2026-03-11T10:00:00.000Z' : null,
    },
    satisfaction: null,
    version: 3,
    createdAt: '2026-03-09T08:00:00.000Z',
    updatedAt: '2026-03-09T08:00:00.000Z',
    idempotencyKey: 'a:1|activity-1',
    ...overrides,
  };
}

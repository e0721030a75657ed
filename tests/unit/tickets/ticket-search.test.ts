import { ErrorCode } from '../../../src/domain/errors';
import { formatTicketNumber } from '../../../src/domain/tickets/ticket-number';
import { SLA_SCAN_LIMIT, searchTickets, ticketSlaState } from '../../../src/domain/tickets/ticket-search';
import { InMemoryTicketRepository } from './in-memory-ticket.repository';
import { aTicket } from './ticket-fixtures';
import { MONDAY_MORNING, slaPolicy } from './ticket-service-fixtures';

const overdue = { ...aTicket().sla, firstResponseDue: '2026-03-06T10:00:00.000Z' };

function seedOverdue(repository: InMemoryTicketRepository, count: number): void {
  for (let n = 1; n <= count; n += 1) {
    repository.seed(aTicket('new', { id: `t-${n}`, number: formatTicketNumber(2026, n), createdAt: '2026-03-05T08:00:00.000Z', sla: overdue }));
  }
}

describe('searchTickets', () => {
  it('rates a ticket by its worse clock', () => {
    const state = slaPolicy.slaState(aTicket('new', { createdAt: '2026-03-05T08:00:00.000Z', sla: overdue }), MONDAY_MORNING);
    expect([state.firstResponse.state, state.resolution.state, ticketSlaState(state)]).toEqual(['breached', 'ok', 'breached']);
  });

  it('pages the SLA matches and counts them per status', async () => {
    const repository = new InMemoryTicketRepository();
    seedOverdue(repository, 30);
    repository.seed(aTicket('new', { id: 't-ok', number: formatTicketNumber(2026, 99) }));
    const result = await searchTickets(repository, slaPolicy, { criteria: {}, sla: 'breached', sort: 'activity', page: { offset: 25, limit: 25 } }, MONDAY_MORNING);
    expect(result).toMatchObject({ total: 30, partial: false, statusCounts: { new: 30, assigned: 0 } });
    expect(result.tickets).toHaveLength(5);
  });

  it(`marks the result partial when more than ${SLA_SCAN_LIMIT} open tickets had to be examined`, async () => {
    const repository = new InMemoryTicketRepository();
    seedOverdue(repository, SLA_SCAN_LIMIT + 1);
    const result = await searchTickets(repository, slaPolicy, { criteria: {}, sla: 'breached', sort: 'activity', page: { offset: 0, limit: 25 } }, MONDAY_MORNING);
    expect(result).toMatchObject({ total: SLA_SCAN_LIMIT, partial: true });
  });

  it('refuses a page that is not a non-negative offset with a limit of 1-500', async () => {
    const repository = new InMemoryTicketRepository();
    for (const page of [{ offset: -1, limit: 25 }, { offset: 0, limit: 0 }, { offset: 0, limit: 501 }, { offset: '0' as unknown as number, limit: 25 }]) {
      await expect(searchTickets(repository, slaPolicy, { criteria: {}, sla: 'ok', sort: 'activity', page }, MONDAY_MORNING)).rejects.toMatchObject({
        code: ErrorCode.ValidationFailed,
      });
    }
  });
});

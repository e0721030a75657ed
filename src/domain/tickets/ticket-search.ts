import { AppError, ErrorCode } from '../errors';
import type { SlaPolicy, SlaState, TicketSlaState } from './sla-policy';
import type { Ticket, TicketStatus } from './ticket';
import { TICKET_STATUSES } from './ticket';
import { MAX_TICKET_SEARCH_LIMIT } from './ticket.repository';
import type { TicketRepository, TicketSearchCriteria, TicketSearchPage, TicketSearchResult, TicketSort } from './ticket.repository';

/** What the advisors' queue asks for. */
export interface TicketQuery {
  readonly criteria: Omit<TicketSearchCriteria, 'slaPrefilter'>;
  /** Only open tickets whose SLA state ({@link ticketSlaState}) is this one. */
  readonly sla?: SlaState;
  readonly sort: TicketSort;
  readonly page: TicketSearchPage;
}

/** A page of the queue. */
export interface TicketQueryResult extends TicketSearchResult {
  /**
   * True when an SLA filter could examine only the first {@link SLA_SCAN_LIMIT} preselected tickets
   * (in the requested order): total and counts then cover those only.
   */
  readonly partial: boolean;
}

/** The most open tickets an SLA filter examines per query. */
export const SLA_SCAN_LIMIT = 500;

const SEVERITY: Readonly<Record<SlaState, number>> = { ok: 0, due_soon: 1, breached: 2 };

/** The state of a ticket as one word: the worse of its two clocks. */
export function ticketSlaState(state: TicketSlaState): SlaState {
  const { firstResponse, resolution } = state;
  return SEVERITY[firstResponse.state] >= SEVERITY[resolution.state] ? firstResponse.state : resolution.state;
}

/**
 * Runs the queue's query. Without an SLA filter the store does everything. The SLA state depends
 * on working time left relative to each ticket's own span, which no store filter can express: the
 * store preselects the open tickets that can be in the state (`SlaPrefilter`, from the due times),
 * at most {@link SLA_SCAN_LIMIT} of them, and {@link SlaPolicy} decides here; counts and the page
 * are taken from what remains. So the SLA filter applies to open tickets only (the clocks of
 * resolved and closed tickets have stopped), and beyond the scan limit the result is `partial`.
 */
export async function searchTickets(repository: TicketRepository, slaPolicy: SlaPolicy, query: TicketQuery, now: Date): Promise<TicketQueryResult> {
  const { criteria, sla, sort, page } = query;
  assertPage(page);
  if (sla === undefined) return { ...(await repository.search(criteria, sort, page)), partial: false };
  const { statuses, ...rest } = criteria;
  const candidates = await repository.search({ ...rest, slaPrefilter: { state: sla, at: now.toISOString() } }, sort, {
    offset: 0,
    limit: SLA_SCAN_LIMIT,
  });
  const matching = candidates.tickets.filter((ticket) => ticketSlaState(slaPolicy.slaState(ticket, now)) === sla);
  const selected = statuses === undefined ? matching : matching.filter((ticket) => statuses.includes(ticket.status));
  return {
    tickets: selected.slice(page.offset, page.offset + page.limit),
    total: selected.length,
    statusCounts: countByStatus(matching),
    partial: candidates.total > candidates.tickets.length,
  };
}

function countByStatus(tickets: readonly Ticket[]): Record<TicketStatus, number> {
  const counts = Object.fromEntries(TICKET_STATUSES.map((status) => [status, 0])) as Record<TicketStatus, number>;
  for (const ticket of tickets) counts[ticket.status] += 1;
  return counts;
}

function assertPage(page: TicketSearchPage): void {
  const { offset, limit } = page ?? {};
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > MAX_TICKET_SEARCH_LIMIT) {
    throw new AppError(ErrorCode.ValidationFailed, `A page is a non-negative offset and a limit of 1-${MAX_TICKET_SEARCH_LIMIT}.`);
  }
}

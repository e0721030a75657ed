import { AppError, ErrorCode } from '../../../src/domain/errors';
import { TICKET_PRIORITIES, TICKET_STATUSES, isOpenTicket } from '../../../src/domain/tickets/ticket';
import type { Ticket, TicketStatus } from '../../../src/domain/tickets/ticket';
import { formatTicketNumber } from '../../../src/domain/tickets/ticket-number';
import { MAX_TICKET_SEARCH_LIMIT, TICKET_SORTS } from '../../../src/domain/tickets/ticket.repository';
import type {
  CreateTicketResult,
  SlaPrefilter,
  TicketListOptions,
  TicketRepository,
  TicketSearchCriteria,
  TicketSearchPage,
  TicketSearchResult,
  TicketSort,
} from '../../../src/domain/tickets/ticket.repository';

/**
 * A hand-written fake of the ticket repository with the port's semantics (idempotent create,
 * conditional update) and copies in and out, so the service cannot change stored tickets by
 * reference. Every call yields to the event loop first, so concurrent calls interleave.
 */
export class InMemoryTicketRepository implements TicketRepository {
  readonly tickets = new Map<string, Ticket>();
  private readonly counters = new Map<number, number>();
  /** Every successful update, in order (for asserting what was written). */
  readonly updates: Ticket[] = [];

  async nextNumber(year: number): Promise<string> {
    await tick();
    const seq = (this.counters.get(year) ?? 0) + 1;
    this.counters.set(year, seq);
    return formatTicketNumber(year, seq);
  }

  async create(ticket: Ticket): Promise<CreateTicketResult> {
    await tick();
    const existing = [...this.tickets.values()].find((t) => t.idempotencyKey === ticket.idempotencyKey);
    if (existing) return { ticket: copy(existing), created: false };
    if (this.tickets.has(ticket.id) || [...this.tickets.values()].some((t) => t.number === ticket.number)) {
      throw new AppError(ErrorCode.DuplicateKey, 'duplicate key in collection tickets');
    }
    this.tickets.set(ticket.id, copy(ticket));
    return { ticket, created: true };
  }

  async get(id: string): Promise<Ticket | null> {
    await tick();
    const ticket = this.tickets.get(id);
    return ticket ? copy(ticket) : null;
  }

  async getByNumber(number: string): Promise<Ticket | null> {
    return this.findOne((t) => t.number === number);
  }

  async getByIdempotencyKey(key: string): Promise<Ticket | null> {
    return this.findOne((t) => t.idempotencyKey === key);
  }

  async listByRequester(requesterId: string, options?: TicketListOptions): Promise<Ticket[]> {
    return this.list((t) => t.requester.id === requesterId, options);
  }

  async listOpenByRequester(requesterId: string, options?: TicketListOptions): Promise<Ticket[]> {
    return this.list((t) => t.requester.id === requesterId && isOpenTicket(t), options);
  }

  async listAwaitingFirstResponse(limit: number): Promise<Ticket[]> {
    await tick();
    return [...this.tickets.values()]
      .filter((t) => isOpenTicket(t) && t.sla.firstRespondedAt === null)
      .sort((a, b) => a.sla.firstResponseDue.localeCompare(b.sla.firstResponseDue))
      .slice(0, limit)
      .map((t) => structuredClone(t));
  }

  async search(criteria: TicketSearchCriteria, sort: TicketSort, page: TicketSearchPage): Promise<TicketSearchResult> {
    await tick();
    const matches = searchPredicate(criteria);
    if (!TICKET_SORTS.includes(sort)) throw invalid('unknown sort order');
    if (!Number.isInteger(page.offset) || page.offset < 0 || !Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_TICKET_SEARCH_LIMIT) {
      throw invalid('bad page');
    }
    const candidates = [...this.tickets.values()].filter(matches);
    const statusCounts = Object.fromEntries(TICKET_STATUSES.map((status) => [status, 0])) as Record<TicketStatus, number>;
    for (const ticket of candidates) statusCounts[ticket.status] += 1;
    const selected = candidates.filter((t) => criteria.statuses === undefined || criteria.statuses.includes(t.status)).sort(SORTS[sort]);
    return { tickets: selected.slice(page.offset, page.offset + page.limit).map(copy), total: selected.length, statusCounts };
  }

  async update(ticket: Ticket, expectedVersion: number): Promise<boolean> {
    await tick();
    const stored = this.tickets.get(ticket.id);
    if (!stored || stored.version !== expectedVersion) return false;
    if (ticket.version !== expectedVersion + 1) throw new AppError(ErrorCode.ValidationFailed, 'version must be expectedVersion + 1');
    this.tickets.set(ticket.id, copy(ticket));
    this.updates.push(copy(ticket));
    return true;
  }

  /** Stores a ticket as it is (test setup). */
  seed(ticket: Ticket): void {
    this.tickets.set(ticket.id, copy(ticket));
  }

  private async findOne(predicate: (ticket: Ticket) => boolean): Promise<Ticket | null> {
    await tick();
    const ticket = [...this.tickets.values()].find(predicate);
    return ticket ? copy(ticket) : null;
  }

  private async list(predicate: (ticket: Ticket) => boolean, options?: TicketListOptions): Promise<Ticket[]> {
    await tick();
    return [...this.tickets.values()]
      .filter(predicate)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id))
      .slice(0, options?.limit ?? 100)
      .map(copy);
  }
}

type Order = (a: Ticket, b: Ticket) => number;

const byId: Order = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const ascending = (key: (t: Ticket) => string): Order => (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : byId(a, b));
const descending = (key: (t: Ticket) => string): Order => (a, b) => (key(a) > key(b) ? -1 : key(a) < key(b) ? 1 : byId(a, b));
const byDue = ascending((t) => t.sla.firstResponseDue);

/** The orders as the port defines them. */
const SORTS: Readonly<Record<TicketSort, Order>> = {
  activity: descending((t) => t.updatedAt),
  created: descending((t) => t.createdAt),
  first_response_due: byDue,
  priority: (a, b) => TICKET_PRIORITIES.indexOf(b.priority) - TICKET_PRIORITIES.indexOf(a.priority) || byDue(a, b),
};

/** The criteria except `statuses` as a predicate; values of the wrong type are refused like the store does. */
function searchPredicate(criteria: TicketSearchCriteria): (ticket: Ticket) => boolean {
  const text = (value: unknown) => {
    if (value !== undefined && (typeof value !== 'string' || value.length === 0)) throw invalid('criteria must be strings');
    return value as string | undefined;
  };
  const group = text(criteria.advisorGroup);
  const municipality = text(criteria.municipality);
  const category = text(criteria.category);
  const assigneeId = criteria.assigneeId === null ? null : text(criteria.assigneeId);
  const { priority, slaPrefilter } = criteria;
  if (priority !== undefined && !TICKET_PRIORITIES.includes(priority)) throw invalid('unknown priority');
  if (criteria.statuses !== undefined && !criteria.statuses.every((status) => TICKET_STATUSES.includes(status))) throw invalid('unknown status');
  return (t) =>
    (group === undefined || t.advisorGroup === group) &&
    (municipality === undefined || t.requester.municipality === municipality) &&
    (category === undefined || t.category === category) &&
    (assigneeId === undefined || (assigneeId === null ? t.assignee === null : t.assignee?.id === assigneeId)) &&
    (priority === undefined || t.priority === priority) &&
    (slaPrefilter === undefined || mayBeInSlaState(t, slaPrefilter));
}

function mayBeInSlaState(ticket: Ticket, { state, at }: SlaPrefilter): boolean {
  if (!isOpenTicket(ticket)) return false;
  if (state === 'breached') return ticket.sla.firstResponseDue < at || ticket.sla.resolutionDue < at;
  return ticket.sla.resolutionDue >= at;
}

function invalid(message: string): AppError {
  return new AppError(ErrorCode.ValidationFailed, message);
}

function copy(ticket: Ticket): Ticket {
  return structuredClone(ticket);
}

function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

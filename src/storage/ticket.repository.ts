import { AppError, ErrorCode, isAppError } from '../domain/errors';
import { OPEN_TICKET_STATUSES, TICKET_PRIORITIES, TICKET_STATUSES } from '../domain/tickets/ticket';
import type { Ticket, TicketPriority, TicketStatus } from '../domain/tickets/ticket';
import { formatTicketNumber } from '../domain/tickets/ticket-number';
import { MAX_TICKET_LIST_LIMIT } from '../domain/tickets/ticket.repository';
import type {
  CreateTicketResult,
  TicketListOptions,
  TicketRepository,
  TicketSearchCriteria,
  TicketSearchPage,
  TicketSearchResult,
  TicketSort,
} from '../domain/tickets/ticket.repository';
import type { Collection, DocumentStore, Filter, SortSpec } from './document-store';
import { assertId } from './repository-guards';
import { allOf, checkedSearchPage, searchFilter, searchSortSpec } from './ticket-search.filter';

type TicketDocument = Ticket & { _id: string };

interface CounterDocument {
  _id: string;
  seq: number;
}

/** Fields an update never touches: identity, the requester and the creation. */
const IMMUTABLE_FIELDS: ReadonlySet<string> = new Set(['id', 'number', 'idempotencyKey', 'requester', 'createdAt']);

/** Newest activity first; the id breaks ties so both backends return the same order. */
const BY_ACTIVITY = { updatedAt: -1, _id: 1 } as const;

function toTicket(doc: TicketDocument): Ticket {
  const { _id: _ignored, ...ticket } = doc;
  return ticket;
}

function listLimit(options: TicketListOptions | undefined): number {
  const limit = options?.limit ?? MAX_TICKET_LIST_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) throw new AppError(ErrorCode.ValidationFailed, 'limit must be a positive integer');
  return Math.min(limit, MAX_TICKET_LIST_LIMIT);
}

/**
 * Tickets over the document store: collection `tickets` (`_id` = ticket id) with unique indexes on
 * `number` and `idempotencyKey`; numbers come from the counter documents `ticket-<year>` of
 * `counters` (`$inc` with upsert). Changes are conditional updates on `version`. The queue's search
 * builds its filter from checked, typed criteria only (`ticket-search.filter.ts`).
 */
export class DocumentTicketRepository implements TicketRepository {
  private readonly tickets: Collection<TicketDocument>;
  private readonly counters: Collection<CounterDocument>;
  private indexes: Promise<void> | undefined;

  constructor(store: DocumentStore) {
    this.tickets = store.collection<TicketDocument>('tickets');
    this.counters = store.collection<CounterDocument>('counters');
  }

  /** Creates the indexes once (also done lazily by the first call). */
  ensureIndexes(): Promise<void> {
    this.indexes ??= this.createIndexes().catch((error: unknown) => {
      this.indexes = undefined;
      throw error;
    });
    return this.indexes;
  }

  async nextNumber(year: number): Promise<string> {
    formatTicketNumber(year, 1);
    const filter = { _id: `ticket-${year}` };
    const counter = await this.counters
      .findOneAndUpdate(filter, { $inc: { seq: 1 } }, { upsert: true })
      // Two first upserts of a year can race on MongoDB; the loser's retry finds the document.
      .catch((error: unknown) => {
        if (!isAppError(error, ErrorCode.DuplicateKey)) throw error;
        return this.counters.findOneAndUpdate(filter, { $inc: { seq: 1 } }, { upsert: true });
      });
    if (counter === null) throw new AppError(ErrorCode.Internal, 'ticket counter upsert returned no document', { year });
    return formatTicketNumber(year, counter.seq);
  }

  async create(ticket: Ticket): Promise<CreateTicketResult> {
    assertId(ticket.id, 'ticket id');
    assertId(ticket.number, 'ticket number');
    assertId(ticket.idempotencyKey, 'idempotency key');
    await this.ensureIndexes();
    try {
      await this.tickets.insertOne({ _id: ticket.id, ...ticket });
      return { ticket, created: true };
    } catch (error) {
      if (!isAppError(error, ErrorCode.DuplicateKey)) throw error;
      const existing = await this.getByIdempotencyKey(ticket.idempotencyKey);
      if (existing === null) throw error;
      return { ticket: existing, created: false };
    }
  }

  async get(id: string): Promise<Ticket | null> {
    assertId(id, 'ticket id');
    return this.findOne({ _id: id });
  }

  async getByNumber(number: string): Promise<Ticket | null> {
    assertId(number, 'ticket number');
    return this.findOne({ number });
  }

  async getByIdempotencyKey(key: string): Promise<Ticket | null> {
    assertId(key, 'idempotency key');
    return this.findOne({ idempotencyKey: key });
  }

  async listByRequester(requesterId: string, options?: TicketListOptions): Promise<Ticket[]> {
    assertId(requesterId, 'requester id');
    return this.list({ 'requester.id': requesterId }, listLimit(options));
  }

  async listOpenByRequester(requesterId: string, options?: TicketListOptions): Promise<Ticket[]> {
    assertId(requesterId, 'requester id');
    return this.list({ 'requester.id': requesterId, status: { $in: [...OPEN_TICKET_STATUSES] } }, listLimit(options));
  }

  async listAwaitingFirstResponse(limit: number): Promise<Ticket[]> {
    await this.ensureIndexes();
    const filter = { status: { $in: [...OPEN_TICKET_STATUSES] }, 'sla.firstRespondedAt': null };
    const docs = await this.tickets.find(filter, { sort: { 'sla.firstResponseDue': 1, _id: 1 }, limit: Math.max(1, Math.min(limit, 1000)) });
    return docs.map(toTicket);
  }

  async search(criteria: TicketSearchCriteria, sort: TicketSort, page: TicketSearchPage): Promise<TicketSearchResult> {
    const { filter, statuses } = searchFilter(criteria);
    const sortSpec = searchSortSpec(sort);
    const { offset, limit } = checkedSearchPage(page);
    await this.ensureIndexes();
    const buckets = await this.countBuckets(filter);
    const statusCounts = Object.fromEntries(TICKET_STATUSES.map((status) => [status, 0])) as Record<TicketStatus, number>;
    const byPriority = new Map<TicketPriority, number>();
    let total = 0;
    for (const { status, priority, count } of buckets) {
      statusCounts[status] += count;
      if (statuses !== null && !statuses.includes(status)) continue;
      total += count;
      byPriority.set(priority, (byPriority.get(priority) ?? 0) + count);
    }
    const selected = statuses === null ? filter : allOf([filter, { status: { $in: [...statuses] } }]);
    const docs =
      sort === 'priority'
        ? await this.pageByPriority(selected, byPriority, sortSpec, offset, limit)
        : await this.tickets.find(selected, { sort: sortSpec, skip: offset, limit });
    return { tickets: docs.map(toTicket), total, statusCounts };
  }

  async update(ticket: Ticket, expectedVersion: number): Promise<boolean> {
    assertId(ticket.id, 'ticket id');
    if (!Number.isInteger(expectedVersion) || ticket.version !== expectedVersion + 1) {
      throw new AppError(ErrorCode.ValidationFailed, 'the changed ticket must carry expectedVersion + 1', { ticketId: ticket.id });
    }
    const changed = Object.fromEntries(Object.entries(ticket).filter(([field]) => !IMMUTABLE_FIELDS.has(field)));
    const result = await this.tickets.updateOne({ _id: ticket.id, version: expectedVersion }, { $set: changed });
    return result.matchedCount === 1;
  }

  private async findOne(filter: Filter): Promise<Ticket | null> {
    const doc = await this.tickets.findOne(filter);
    return doc ? toTicket(doc) : null;
  }

  private async list(filter: Filter, limit: number): Promise<Ticket[]> {
    await this.ensureIndexes();
    return (await this.tickets.find(filter, { sort: BY_ACTIVITY, limit })).map(toTicket);
  }

  /** Matches per status and priority in one aggregation (only the two fields leave the server). */
  private async countBuckets(filter: Filter): Promise<Array<{ status: TicketStatus; priority: TicketPriority; count: number }>> {
    const rows = await this.tickets.aggregate<{ _id: { status: TicketStatus; priority: TicketPriority }; count: number }>([
      { $match: filter },
      { $project: { status: 1, priority: 1 } },
      { $group: { _id: { status: '$status', priority: '$priority' }, count: { $sum: 1 } } },
    ]);
    return rows
      .filter((row) => TICKET_STATUSES.includes(row._id.status) && TICKET_PRIORITIES.includes(row._id.priority))
      .map((row) => ({ status: row._id.status, priority: row._id.priority, count: row.count }));
  }

  /**
   * Priority order without a stored rank: the counts per priority tell which priorities the page
   * window covers; each is read in its own order with its own skip, most urgent first.
   */
  private async pageByPriority(filter: Filter, counts: ReadonlyMap<TicketPriority, number>, sort: SortSpec, offset: number, limit: number): Promise<TicketDocument[]> {
    const docs: TicketDocument[] = [];
    let skip = offset;
    for (const priority of [...TICKET_PRIORITIES].reverse()) {
      const count = counts.get(priority) ?? 0;
      if (docs.length >= limit) break;
      if (skip >= count) {
        skip -= count;
        continue;
      }
      docs.push(...(await this.tickets.find(allOf([filter, { priority }]), { sort, skip, limit: limit - docs.length })));
      skip = 0;
    }
    return docs;
  }

  private async createIndexes(): Promise<void> {
    await this.tickets.createIndex({ fields: { number: 1 }, unique: true, name: 'number_1' });
    await this.tickets.createIndex({ fields: { idempotencyKey: 1 }, unique: true, name: 'idempotencyKey_1' });
    await this.tickets.createIndex({ fields: { 'requester.id': 1, updatedAt: -1 }, name: 'requester_updatedAt' });
    await this.tickets.createIndex({ fields: { status: 1, 'sla.firstResponseDue': 1 }, name: 'status_firstResponseDue' });
    await this.tickets.createIndex({ fields: { status: 1, updatedAt: -1 }, name: 'status_updatedAt' });
    await this.tickets.createIndex({ fields: { 'assignee.id': 1, status: 1 }, name: 'assignee_status' });
  }
}

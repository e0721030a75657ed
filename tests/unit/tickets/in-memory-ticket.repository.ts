import { AppError, ErrorCode } from '../../../src/domain/errors';
import { isOpenTicket } from '../../../src/domain/tickets/ticket';
import type { Ticket } from '../../../src/domain/tickets/ticket';
import { formatTicketNumber } from '../../../src/domain/tickets/ticket-number';
import type { CreateTicketResult, TicketListOptions, TicketRepository } from '../../../src/domain/tickets/ticket.repository';

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

function copy(ticket: Ticket): Ticket {
  return structuredClone(ticket);
}

function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

import type { Activity } from 'botbuilder';
import { AppError, ErrorCode } from '../../../../src/domain/errors';
import { AdvisorRouting } from '../../../../src/domain/tickets/advisor-group';
import type { Actor, Ticket } from '../../../../src/domain/tickets/ticket';
import { TicketDesk } from '../../../../src/domain/tickets/ticket-desk';
import type { CreateTicketResult, TicketListOptions } from '../../../../src/domain/tickets/ticket.repository';
import type { TicketService } from '../../../../src/domain/tickets/ticket.service';
import { AWAITING_TICKET_REPLY_PROPERTY, type TicketBotDeps } from '../../../../src/bot/tickets/ticket-bot-deps';
import { InMemoryOutbox } from '../../../support/fakes/in-memory-outbox';
import { InMemoryTicketRepository } from '../../../unit/tickets/in-memory-ticket.repository';
import { createTicketService, openInput, TestClock } from '../../../unit/tickets/ticket-service-fixtures';
import { createHarness, type Harness } from '../../support/bot-harness';

/** The default test user of botbuilder's TestAdapter (id `user1`). */
export const USER = { id: 'user1', name: 'User1' };
/** Another employee in another chat. */
export const OTHER_USER = { id: 'user2', name: 'Max Muster' };
export const ADVISOR: Actor = { id: 'aad-advisor-anna', displayName: 'Anna Beraterin', role: 'advisor' };
export const TENANT_ID = 'tenant-musterstadt';

/** A ticket repository whose writes (or reads) fail like an unavailable store while a switch is on. */
export class FlakyTicketRepository extends InMemoryTicketRepository {
  failWrites = false;
  failReads = false;

  override async nextNumber(year: number): Promise<string> {
    this.check(this.failWrites);
    return super.nextNumber(year);
  }

  override async create(ticket: Ticket): Promise<CreateTicketResult> {
    this.check(this.failWrites);
    return super.create(ticket);
  }

  override async update(ticket: Ticket, expectedVersion: number): Promise<boolean> {
    this.check(this.failWrites);
    return super.update(ticket, expectedVersion);
  }

  override async get(id: string): Promise<Ticket | null> {
    this.check(this.failReads);
    return super.get(id);
  }

  override async listByRequester(requesterId: string, options?: TicketListOptions): Promise<Ticket[]> {
    this.check(this.failReads);
    return super.listByRequester(requesterId, options);
  }

  private check(fail: boolean): void {
    if (fail) throw new AppError(ErrorCode.StoreUnavailable, 'ticket store unavailable (fake)');
  }
}

export interface TicketHarness extends Harness {
  readonly repository: FlakyTicketRepository;
  readonly service: TicketService;
  readonly desk: TicketDesk;
  readonly outbox: InMemoryOutbox;
  readonly clock: TestClock;
  /** MemoryStorage's backing object (JSON strings by key), to snapshot and restore state. */
  readonly memory: Record<string, string>;
  /** All stored tickets, oldest number first. */
  tickets(): Ticket[];
}

/**
 * Lotse with tickets: the bot harness plus a real TicketService and TicketDesk over the in-memory
 * ticket repository (with a failure switch), the in-memory outbox, and advisor groups for the
 * sample FAQ's categories. `Musterstadt` is the municipality of tenant {@link TENANT_ID}.
 */
export async function createTicketHarness(template?: Partial<Activity>): Promise<TicketHarness> {
  const repository = new FlakyTicketRepository();
  const clock = new TestClock();
  const service = createTicketService(repository, clock);
  const routing = new AdvisorRouting({
    defaultGroupId: 'allgemein',
    groups: [
      { id: 'allgemein', name: 'Allgemeine Beratung', categories: [] },
      { id: 'e-rechnung', name: 'E-Rechnung', categories: ['E-Rechnung'] },
      { id: 'onlinedienste', name: 'OZG und Onlinedienste', categories: ['Nutzerkonten'] },
    ],
  });
  const outbox = new InMemoryOutbox();
  const desk = new TicketDesk(service, routing, outbox);
  const tickets: TicketBotDeps = {
    desk,
    channels: { get: async () => null, listByChannel: async () => [], save: async () => undefined },
    cards: { get: async () => null, save: async () => undefined },
    botAppId: '',
    municipalityByTenant: { [TENANT_ID]: 'Musterstadt' },
  };
  const memory: Record<string, string> = {};
  const harness = await createHarness(template, { tickets, memory });
  return {
    ...harness,
    repository,
    service,
    desk,
    outbox,
    clock,
    memory,
    tickets: () => [...repository.tickets.values()].sort((a, b) => a.number.localeCompare(b.number)),
  };
}

/** What the notifier does when an advisor asks the requester something: the ticket ids wait for their reply. */
export async function setAwaiting(harness: TicketHarness, ticketIds: readonly string[], channelId = 'test', conversationId = 'Convo1'): Promise<void> {
  const key = `${channelId}/conversations/${conversationId}/`;
  const items = await harness.storage.read([key]);
  await harness.storage.write({ [key]: { ...(items[key] ?? {}), [AWAITING_TICKET_REPLY_PROPERTY]: ticketIds, eTag: '*' } });
}

/** The conversation state as stored (for asserting what is kept there). */
export async function conversationState(harness: TicketHarness, channelId = 'test', conversationId = 'Convo1'): Promise<Record<string, unknown>> {
  const key = `${channelId}/conversations/${conversationId}/`;
  return ((await harness.storage.read([key]))[key] ?? {}) as Record<string, unknown>;
}

/**
 * A ticket of `requesterId` opened directly through the service (not the dialog), then moved
 * through the advisor's actions: `waiting` (claimed, waiting for the requester), `resolved`.
 */
export async function seedTicket(
  harness: TicketHarness,
  state: 'new' | 'assigned' | 'waiting' | 'resolved',
  options: { requesterId?: string; subject?: string } = {},
): Promise<Ticket> {
  const { requesterId = USER.id, subject = 'Zugang zum Rechnungseingangsportal' } = options;
  const who: Actor = { id: requesterId, displayName: requesterId === USER.id ? USER.name : OTHER_USER.name, role: 'requester' };
  const { ticket } = await harness.service.openTicket(openInput({ idempotencyKey: `seed:${requesterId}:${subject}:${harness.tickets().length}`, subject, category: 'E-Rechnung', advisorGroup: 'e-rechnung' }, who));
  if (state === 'new') return ticket;
  harness.clock.advanceMinutes(30);
  let current = await harness.service.claim(ticket.id, ADVISOR);
  if (state === 'waiting') {
    current = await harness.service.addMessage(ticket.id, ADVISOR, 'Welche Version des Portals nutzen Sie?');
    current = await harness.service.changeStatus(ticket.id, 'wait_for_requester', ADVISOR);
  }
  if (state === 'resolved') {
    current = await harness.service.addMessage(ticket.id, ADVISOR, 'Der Zugang ist jetzt freigeschaltet.');
    current = await harness.service.changeStatus(ticket.id, 'resolve', ADVISOR);
  }
  return current;
}

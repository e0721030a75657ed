import { ErrorCode } from '../../src/domain/errors';
import type { Ticket } from '../../src/domain/tickets/ticket';
import { formatTicketNumber } from '../../src/domain/tickets/ticket-number';
import { DocumentTicketRepository } from '../../src/storage/ticket.repository';
import type { TestStore } from '../support/test-stores';
import { storeBackendTable } from '../support/test-stores';
import { aTicket, anna, otherRequester, requester } from '../unit/tickets/ticket-fixtures';
import { createTicketService, openInput } from '../unit/tickets/ticket-service-fixtures';

const injected = { $ne: null } as unknown as string;

/** A stored-as-new ticket (version 1) with its own id, number and idempotency key. */
function newTicket(n: number, overrides: Partial<Ticket> = {}): Ticket {
  return aTicket('new', {
    id: `tkt-${n}`,
    number: formatTicketNumber(2026, n),
    idempotencyKey: `a:1|activity-${n}`,
    version: 1,
    ...overrides,
  });
}

describe.each(storeBackendTable)('DocumentTicketRepository (%s)', (_name, backend) => {
  let testStore: TestStore;
  let sut: DocumentTicketRepository;

  beforeEach(async () => {
    testStore = await backend.open();
    sut = new DocumentTicketRepository(testStore.store);
  });
  afterEach(() => testStore.cleanup());

  function countTickets(): Promise<number> {
    return testStore.store.collection('tickets').countDocuments({});
  }

  it('hands out unique, gap-free numbers per year under 50 concurrent calls', async () => {
    const numbers = await Promise.all(Array.from({ length: 50 }, () => sut.nextNumber(2026)));
    expect([...numbers].sort()).toEqual(Array.from({ length: 50 }, (_, i) => formatTicketNumber(2026, i + 1)));
    expect(await sut.nextNumber(2027)).toBe('LOT-2027-000001');
    expect(await sut.nextNumber(2026)).toBe('LOT-2026-000051');
    await expect(sut.nextNumber(1999)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
  });

  it('stores and reads a ticket by id, number and idempotency key', async () => {
    const ticket = newTicket(1);
    expect(await sut.create(ticket)).toEqual({ ticket, created: true });
    expect(await sut.get('tkt-1')).toEqual(ticket);
    expect(await sut.getByNumber('LOT-2026-000001')).toEqual(ticket);
    expect(await sut.getByIdempotencyKey('a:1|activity-1')).toEqual(ticket);
    expect(await sut.get('tkt-9')).toBeNull();
    expect(await sut.getByNumber('LOT-2026-000009')).toBeNull();
  });

  it('creates exactly one ticket for 10 concurrent creates with the same idempotency key', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => sut.create(newTicket(i + 1, { idempotencyKey: 'a:1|activity-retry' }))),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const winner = results.find((r) => r.created)?.ticket;
    expect(results.every((r) => r.ticket.id === winner?.id)).toBe(true);
    expect(await countTickets()).toBe(1);
  });

  it('refuses a second ticket with a used number', async () => {
    await sut.create(newTicket(1));
    await expect(sut.create(newTicket(2, { number: formatTicketNumber(2026, 1) }))).rejects.toMatchObject({ code: ErrorCode.DuplicateKey });
    expect(await countTickets()).toBe(1);
  });

  it('updates only on the expected version and never changes identity fields', async () => {
    const ticket = newTicket(1);
    await sut.create(ticket);
    const claimed: Ticket = { ...ticket, status: 'assigned', version: 2, updatedAt: '2026-03-09T09:00:00.000Z' };
    expect(await sut.update(claimed, 1)).toBe(true);
    expect(await sut.update({ ...claimed, status: 'closed' }, 1)).toBe(false);
    expect(await sut.get('tkt-1')).toEqual(claimed);
    const forged = { ...claimed, number: 'LOT-2026-000777', requester: { ...claimed.requester, id: otherRequester.id }, version: 3 };
    expect(await sut.update(forged, 2)).toBe(true);
    expect(await sut.get('tkt-1')).toMatchObject({ number: ticket.number, requester: ticket.requester, version: 3 });
    expect(await sut.update(newTicket(5, { version: 2 }), 1)).toBe(false);
    await expect(sut.update({ ...claimed, version: 9 }, 3)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    expect(await countTickets()).toBe(1);
  });

  it('lists a requester\'s tickets only, most recent activity first, open ones separately', async () => {
    await sut.create(newTicket(1, { updatedAt: '2026-03-09T08:00:00.000Z' }));
    await sut.create(newTicket(2, { updatedAt: '2026-03-09T10:00:00.000Z', status: 'closed' }));
    await sut.create(newTicket(3, { updatedAt: '2026-03-09T09:00:00.000Z' }));
    await sut.create(newTicket(4, { requester: { id: otherRequester.id, displayName: 'K', municipality: 'Y' } }));
    expect((await sut.listByRequester(requester.id)).map((t) => t.id)).toEqual(['tkt-2', 'tkt-3', 'tkt-1']);
    expect((await sut.listByRequester(requester.id, { limit: 2 })).map((t) => t.id)).toEqual(['tkt-2', 'tkt-3']);
    expect((await sut.listOpenByRequester(requester.id)).map((t) => t.id)).toEqual(['tkt-3', 'tkt-1']);
    expect((await sut.listByRequester(otherRequester.id)).map((t) => t.id)).toEqual(['tkt-4']);
    expect(await sut.listByRequester('aad-nobody')).toEqual([]);
  });

  it('never lets an id, number, key or requester id act as a query operator', async () => {
    await sut.create(newTicket(1));
    const refused: Array<() => Promise<unknown>> = [
      () => sut.get(injected),
      () => sut.getByNumber(injected),
      () => sut.getByIdempotencyKey(injected),
      () => sut.listByRequester(injected),
      () => sut.listOpenByRequester(injected),
      () => sut.update({ ...newTicket(1), id: injected, status: 'closed', version: 2 }, 1),
      () => sut.create(newTicket(2, { idempotencyKey: injected })),
    ];
    for (const attempt of refused) await expect(attempt()).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    expect(await countTickets()).toBe(1);
    expect(await sut.get('tkt-1')).toMatchObject({ status: 'new', version: 1 });
  });

  describe('through TicketService', () => {
    it('lets exactly one of 50 concurrent advisors claim a ticket; the others learn who holds it', async () => {
      const service = createTicketService(sut);
      const { ticket } = await service.openTicket(openInput());
      const advisors = Array.from({ length: 50 }, (_, i) => ({ id: `aad-advisor-${i}`, displayName: `Berater ${i}`, role: 'advisor' as const }));
      const results = await Promise.allSettled(advisors.map((advisor) => service.claim(ticket.id, advisor)));
      const winners = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      const losers = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(49);
      const holderId = winners[0]?.assignee?.id;
      for (const error of losers) expect(error).toMatchObject({ code: ErrorCode.TicketAlreadyClaimed, details: { holderId } });
      const stored = await sut.get(ticket.id);
      expect(stored).toMatchObject({ status: 'assigned', assignee: { id: holderId }, version: 2 });
      expect(stored?.auditTrail.filter((entry) => entry.action === 'claim')).toHaveLength(1);
    });

    it('opens one ticket with one number for a Teams retry, also when the submits race', async () => {
      const service = createTicketService(sut);
      const results = await Promise.all(Array.from({ length: 10 }, () => service.openTicket(openInput())));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.ticket.number)).size).toBe(1);
      expect(await countTickets()).toBe(1);
      expect((await service.openTicket(openInput())).created).toBe(false);
    });

    it('shows requesters only their own tickets and answers NOT_FOUND for anyone else\'s', async () => {
      const service = createTicketService(sut);
      const own = (await service.openTicket(openInput())).ticket;
      const foreign = (await service.openTicket(openInput({}, otherRequester))).ticket;
      expect((await service.listForRequester(requester.id)).map((t) => t.id)).toEqual([own.id]);
      expect((await service.getForRequester(requester.id, own.number)).id).toBe(own.id);
      await expect(service.getForRequester(requester.id, foreign.number)).rejects.toMatchObject({ code: ErrorCode.NotFound });
      await expect(service.addMessage(foreign.id, requester, 'Hallo?')).rejects.toMatchObject({ code: ErrorCode.NotFound });
      expect((await sut.get(foreign.id))?.version).toBe(1);
    });

    it('answers NOT_FOUND for unknown ids and VALIDATION_FAILED for operator objects, writing nothing', async () => {
      const service = createTicketService(sut);
      const { ticket } = await service.openTicket(openInput());
      await expect(service.claim('tkt-unknown', anna)).rejects.toMatchObject({ code: ErrorCode.NotFound });
      await expect(service.claim(injected, anna)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
      await expect(service.getTicket(injected)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
      await expect(service.getForRequester(injected, ticket.number)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
      await expect(service.getForRequester(requester.id, 'LOT-2026-999999')).rejects.toMatchObject({ code: ErrorCode.NotFound });
      expect(await countTickets()).toBe(1);
      expect((await sut.get(ticket.id))?.version).toBe(1);
    });
  });
});

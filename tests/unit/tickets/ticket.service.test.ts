import { ErrorCode } from '../../../src/domain/errors';
import type { Ticket } from '../../../src/domain/tickets/ticket';
import type { TicketService } from '../../../src/domain/tickets/ticket.service';
import { anna, ben, otherRequester, requester } from './ticket-fixtures';
import { InMemoryTicketRepository } from './in-memory-ticket.repository';
import { MONDAY_MORNING, TestClock, createTicketService, openInput } from './ticket-service-fixtures';

const injected = { $ne: null } as unknown as string;

describe('TicketService', () => {
  let repository: InMemoryTicketRepository;
  let clock: TestClock;
  let sut: TicketService;

  beforeEach(() => {
    repository = new InMemoryTicketRepository();
    clock = new TestClock();
    sut = createTicketService(repository, clock);
  });

  async function openTicket(who = requester, key = `a:${who.id}|activity-1`): Promise<Ticket> {
    return (await sut.openTicket(openInput({ idempotencyKey: key }, who))).ticket;
  }

  async function assignedTicket(): Promise<Ticket> {
    return sut.claim((await openTicket()).id, anna);
  }

  describe('openTicket', () => {
    it('opens a new ticket with a number, SLA due times in working hours and a "created" audit entry', async () => {
      const { ticket, created } = await sut.openTicket(openInput());
      expect(created).toBe(true);
      expect(ticket).toMatchObject({
        number: 'LOT-2026-000001',
        status: 'new',
        assignee: null,
        version: 1,
        createdAt: '2026-03-09T08:00:00.000Z',
        requester: { id: requester.id, municipality: 'Musterstadt' },
        // normal: 8 working hours from Monday 09:00 -> Tuesday 09:00; 40 h -> next Monday 12:00 (Berlin)
        sla: { firstResponseDue: '2026-03-10T08:00:00.000Z', resolutionDue: '2026-03-16T11:00:00.000Z', firstRespondedAt: null, resolvedAt: null },
      });
      expect(ticket.auditTrail).toEqual([
        {
          at: '2026-03-09T08:00:00.000Z',
          actor: { id: requester.id, displayName: requester.displayName, role: 'requester' },
          action: 'created',
          changes: [
            { field: 'status', from: null, to: 'new' },
            { field: 'priority', from: null, to: 'normal' },
            { field: 'category', from: null, to: 'Meldewesen' },
            { field: 'advisorGroup', from: null, to: 'meldewesen' },
          ],
        },
      ]);
      expect(await repository.get(ticket.id)).toEqual(ticket);
    });

    it('returns the first ticket for a retry with the same idempotency key, also for concurrent submits', async () => {
      const first = await openTicket();
      const retries = await Promise.all([1, 2, 3].map(() => sut.openTicket(openInput())));
      expect(retries.map((r) => [r.created, r.ticket.id])).toEqual([1, 2, 3].map(() => [false, first.id]));
      const racing = await Promise.all([1, 2, 3, 4, 5].map(() => sut.openTicket(openInput({ idempotencyKey: 'a:x|activity-2' }))));
      expect(racing.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(racing.map((r) => r.ticket.id)).size).toBe(1);
      expect(repository.tickets.size).toBe(2);
    });

    it('never hands out another requester\'s ticket for a reused idempotency key', async () => {
      const first = await openTicket(requester, 'shared-key');
      const attempt = sut.openTicket(openInput({ idempotencyKey: 'shared-key' }, otherRequester));
      await expect(attempt).rejects.toMatchObject({ code: ErrorCode.DuplicateKey, details: { ticketId: first.id } });
      expect(repository.tickets.size).toBe(1);
    });

    it.each([
      ['an empty subject', { subject: '   ' }],
      ['a subject over 200 characters', { subject: 'x'.repeat(201) }],
      ['an unknown priority', { priority: 'asap' as never }],
      ['an operator as idempotency key', { idempotencyKey: injected }],
      ['no municipality', { requester: { id: requester.id, displayName: 'P', municipality: '' } }],
    ])('refuses %s and writes nothing', async (_case, overrides) => {
      await expect(sut.openTicket(openInput(overrides))).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
      expect(repository.tickets.size).toBe(0);
    });
  });

  describe('claim', () => {
    it('assigns the advisor and records who claimed when', async () => {
      const ticket = await openTicket();
      clock.advanceMinutes(5);
      const claimed = await sut.claim(ticket.id, anna);
      expect(claimed).toMatchObject({ status: 'assigned', assignee: { id: anna.id }, version: 2, updatedAt: '2026-03-09T08:05:00.000Z' });
      expect(claimed.auditTrail.at(-1)).toMatchObject({ action: 'claim', actor: { id: anna.id }, at: '2026-03-09T08:05:00.000Z' });
    });

    it('lets exactly one of two concurrent advisors win and tells the other who holds the ticket', async () => {
      const ticket = await openTicket();
      const results = await Promise.allSettled([sut.claim(ticket.id, anna), sut.claim(ticket.id, ben)]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      const holder = (await repository.get(ticket.id))?.assignee?.id;
      expect(lost[0]?.reason).toMatchObject({ code: ErrorCode.TicketAlreadyClaimed, details: { holderId: holder } });
      expect(repository.updates).toHaveLength(1);
    });

    it('re-validates a claim from a stale card instead of refusing it', async () => {
      const ticket = await openTicket();
      await sut.addMessage(ticket.id, requester, 'Noch eine Ergänzung');
      expect((await sut.claim(ticket.id, ben, 1)).assignee?.id).toBe(ben.id);
    });

    it('gives up with VERSION_CONFLICT when every write loses', async () => {
      const ticket = await openTicket();
      repository.update = async () => false;
      await expect(sut.claim(ticket.id, anna)).rejects.toMatchObject({ code: ErrorCode.VersionConflict, details: { currentVersion: 1 } });
    });
  });

  describe('addMessage', () => {
    it('sets firstRespondedAt on the first public advisor reply only; notes do not count', async () => {
      const ticket = await assignedTicket();
      clock.advanceMinutes(10);
      const noted = await sut.addMessage(ticket.id, anna, 'intern: Satzung prüfen', { internal: true });
      expect(noted.sla.firstRespondedAt).toBeNull();
      clock.advanceMinutes(10);
      const replied = await sut.addMessage(ticket.id, anna, 'Die Eltern dürfen das.');
      clock.advanceMinutes(10);
      const again = await sut.addMessage(ticket.id, ben, 'Ergänzung');
      expect(replied.sla.firstRespondedAt).toBe('2026-03-09T08:20:00.000Z');
      expect(again.sla.firstRespondedAt).toBe('2026-03-09T08:20:00.000Z');
      expect(again.messages.map((m) => [m.author.id, m.internal])).toEqual([[anna.id, true], [anna.id, false], [ben.id, false]]);
      expect(again.auditTrail.slice(-3).map((a) => a.action)).toEqual(['note_added', 'reply_added', 'reply_added']);
    });

    it('resumes a ticket waiting for the requester when they answer', async () => {
      const ticket = await sut.changeStatus((await assignedTicket()).id, 'wait_for_requester', anna);
      const answered = await sut.addMessage(ticket.id, requester, 'Hier die Antwort');
      expect(answered).toMatchObject({ status: 'assigned', version: ticket.version + 1 });
      expect(answered.auditTrail.slice(-2).map((a) => a.action)).toEqual(['resume', 'reply_added']);
    });

    it('keeps both of two concurrent messages (the loser re-applies on the new state)', async () => {
      const ticket = await assignedTicket();
      await Promise.all([sut.addMessage(ticket.id, anna, 'eins'), sut.addMessage(ticket.id, requester, 'zwei')]);
      expect((await sut.getTicket(ticket.id)).messages.map((m) => m.text).sort()).toEqual(['eins', 'zwei']);
    });

    it('refuses notes by requesters, replies to unclaimed tickets, and hides other requesters\' tickets', async () => {
      const ticket = await openTicket();
      await expect(sut.addMessage(ticket.id, requester, 'x', { internal: true })).rejects.toMatchObject({ code: ErrorCode.Forbidden });
      await expect(sut.addMessage(ticket.id, anna, 'x')).rejects.toMatchObject({ code: ErrorCode.InvalidTransition });
      await expect(sut.addMessage(ticket.id, otherRequester, 'x')).rejects.toMatchObject({ code: ErrorCode.NotFound });
      await expect(sut.addMessage(ticket.id, requester, '')).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
      expect((await sut.getTicket(ticket.id)).version).toBe(1);
    });
  });

  describe('changeStatus and changePriority', () => {
    it('refuses a change from a stale card with VERSION_CONFLICT and writes nothing', async () => {
      const ticket = await assignedTicket();
      await sut.addMessage(ticket.id, requester, 'Neue Info');
      await expect(sut.changeStatus(ticket.id, 'resolve', anna, ticket.version)).rejects.toMatchObject({
        code: ErrorCode.VersionConflict,
        details: { currentVersion: ticket.version + 1 },
      });
      expect((await sut.getTicket(ticket.id)).status).toBe('assigned');
      expect((await sut.changeStatus(ticket.id, 'resolve', anna, ticket.version + 1)).status).toBe('resolved');
    });

    it('passes the state machine\'s refusal through', async () => {
      const ticket = await openTicket();
      await expect(sut.changeStatus(ticket.id, 'resolve', anna)).rejects.toMatchObject({ code: ErrorCode.InvalidTransition });
      await expect(sut.changeStatus(ticket.id, 'explode' as never, anna)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    });

    it('moves the SLA due times with the priority and audits the change; the same priority writes nothing', async () => {
      const ticket = await assignedTicket();
      clock.advanceMinutes(30);
      const urgent = await sut.changePriority(ticket.id, 'urgent', anna);
      expect(urgent).toMatchObject({ priority: 'urgent', sla: { firstResponseDue: '2026-03-09T09:00:00.000Z', resolutionDue: '2026-03-10T08:00:00.000Z' } });
      expect(urgent.auditTrail.at(-1)).toMatchObject({ action: 'priority_changed', changes: [{ field: 'priority', from: 'normal', to: 'urgent' }] });
      expect(await sut.changePriority(ticket.id, 'urgent', anna)).toEqual(urgent);
      await expect(sut.changePriority(ticket.id, 'low', requester)).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    });
  });

  describe('rate', () => {
    it('stores one rating of a resolved ticket and refuses a second', async () => {
      const ticket = await sut.changeStatus((await assignedTicket()).id, 'resolve', anna);
      await expect(sut.rate(ticket.id, otherRequester, 5)).rejects.toMatchObject({ code: ErrorCode.NotFound });
      const rated = await sut.rate(ticket.id, requester, 4, '  Schnell geholfen ');
      expect(rated.satisfaction).toEqual({ score: 4, comment: 'Schnell geholfen', at: '2026-03-09T08:00:00.000Z' });
      await expect(sut.rate(ticket.id, requester, 1)).rejects.toMatchObject({ code: ErrorCode.InvalidTransition, details: { reason: 'already_rated' } });
      expect((await sut.getTicket(ticket.id)).satisfaction?.score).toBe(4);
    });

    it('refuses a rating of an open ticket and a score outside 1-5', async () => {
      const ticket = await assignedTicket();
      await expect(sut.rate(ticket.id, requester, 5)).rejects.toMatchObject({ code: ErrorCode.InvalidTransition });
      await sut.changeStatus(ticket.id, 'resolve', anna);
      for (const score of [0, 6, 2.5]) {
        await expect(sut.rate(ticket.id, requester, score)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
      }
    });
  });

  describe('requester views', () => {
    it('lists only the requester\'s own tickets, most recent activity first', async () => {
      const older = await openTicket(requester, 'k1');
      clock.advanceMinutes(1);
      const newer = await openTicket(requester, 'k2');
      await openTicket(otherRequester, 'k3');
      clock.advanceMinutes(1);
      await sut.claim(older.id, anna);
      expect((await sut.listForRequester(requester.id)).map((t) => t.id)).toEqual([older.id, newer.id]);
      await sut.changeStatus(older.id, 'close', requester);
      expect((await sut.listOpenForRequester(requester.id)).map((t) => t.id)).toEqual([newer.id]);
    });

    it('finds the requester\'s ticket by a typed number but never another requester\'s', async () => {
      const own = await openTicket(requester);
      const foreign = await openTicket(otherRequester);
      expect((await sut.getForRequester(requester.id, 'lot-2026-1')).id).toBe(own.id);
      await expect(sut.getForRequester(requester.id, foreign.number)).rejects.toMatchObject({ code: ErrorCode.NotFound });
      await expect(sut.getForRequester(requester.id, 'LOT-2026-000099')).rejects.toMatchObject({ code: ErrorCode.NotFound });
      await expect(sut.getForRequester(requester.id, 'Ticket 7')).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
      await expect(sut.getForRequester(requester.id, injected)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    });
  });

  it('numbers a ticket opened just after midnight on New Year (Berlin time) with the new year', async () => {
    const newYearClock = new TestClock();
    newYearClock.advanceMinutes((Date.parse('2026-12-31T23:30:00.000Z') - MONDAY_MORNING.getTime()) / 60_000);
    const service = createTicketService(new InMemoryTicketRepository(), newYearClock);
    const { ticket } = await service.openTicket(openInput());
    expect(ticket.number).toBe('LOT-2027-000001');
  });
});

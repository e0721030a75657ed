import { randomUUID } from 'node:crypto';
import { DocumentAdvisorChannelRepository } from '../../src/storage/advisor-channel.repository';
import { DocumentLeaseStore } from '../../src/storage/lease.store';
import { DocumentOutbox } from '../../src/storage/outbox.repository';
import { DocumentTicketCardRepository } from '../../src/storage/ticket-card.repository';
import type { TestStore } from '../support/test-stores';
import { storeBackendTable } from '../support/test-stores';

const T0 = new Date('2026-11-25T09:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

describe.each(storeBackendTable)('ticket delivery stores (%s)', (_name, backend) => {
  let testStore: TestStore;

  beforeEach(async () => {
    testStore = await backend.open();
  });
  afterEach(() => testStore.cleanup());

  describe('outbox', () => {
    let outbox: DocumentOutbox;
    beforeEach(() => {
      outbox = new DocumentOutbox(testStore.store, randomUUID, () => T0);
    });

    it('enqueues idempotently by key, also when two instances enqueue the same item at once', async () => {
      const item = { key: 'post_card:t1:g:0', notification: { kind: 'post_card', ticketId: 't1' } } as const;
      await Promise.all([outbox.enqueue([item]), new DocumentOutbox(testStore.store, randomUUID, () => T0).enqueue([item])]);
      await outbox.enqueue([item]);
      expect(await outbox.countPending()).toBe(1);
    });

    it('gives each due job to exactly one of two competing workers', async () => {
      await outbox.enqueue(Array.from({ length: 20 }, (_, i) => ({ key: `k${i}`, notification: { kind: 'refresh_card' as const, ticketId: `t${i}` } })));
      const now = later(1000);
      const [a, b] = await Promise.all([outbox.lease('A', now, 60_000, 20), outbox.lease('B', now, 60_000, 20)]);
      const ids = [...a, ...b].map((job) => job.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(20);
    });

    it('hides a leased job until its lease expires, then another worker may take it', async () => {
      await outbox.enqueue([{ key: 'k', notification: { kind: 'refresh_card', ticketId: 't' } }]);
      const [job] = await outbox.lease('A', later(1000), 30_000, 10);
      expect(job).toBeDefined();
      expect(await outbox.lease('B', later(2000), 30_000, 10)).toEqual([]);
      const retaken = await outbox.lease('B', later(40_000), 30_000, 10);
      expect(retaken.map((j) => j.id)).toEqual([job!.id]);
    });

    it('completes a job for good and reschedules a failed one with a later attempt and a count', async () => {
      await outbox.enqueue([
        { key: 'ok', notification: { kind: 'refresh_card', ticketId: 'a' } },
        { key: 'fail', notification: { kind: 'refresh_card', ticketId: 'b' } },
      ]);
      const jobs = await outbox.lease('A', later(1000), 30_000, 10);
      const ok = jobs.find((j) => j.key === 'ok')!;
      const fail = jobs.find((j) => j.key === 'fail')!;
      await outbox.complete(ok.id, 'A', later(1500));
      await outbox.reschedule(fail.id, 'A', { nextAttemptAt: later(10_000), errorCode: 'HTTP_503', dead: false });
      expect(await outbox.countPending()).toBe(1);
      expect(await outbox.lease('A', later(5000), 30_000, 10)).toEqual([]);
      const again = await outbox.lease('A', later(10_000), 30_000, 10);
      expect(again).toEqual([expect.objectContaining({ id: fail.id, attempts: 1 })]);
      await outbox.reschedule(fail.id, 'A', { nextAttemptAt: later(20_000), errorCode: 'HTTP_503', dead: true });
      expect(await outbox.countPending()).toBe(0);
    });

    it('ignores completion by a worker that no longer holds the lease', async () => {
      await outbox.enqueue([{ key: 'k', notification: { kind: 'refresh_card', ticketId: 't' } }]);
      const [job] = await outbox.lease('A', later(1000), 1000, 10);
      const [retaken] = await outbox.lease('B', later(5000), 30_000, 10);
      await outbox.complete(job!.id, 'A', later(6000));
      expect(await outbox.countPending()).toBe(1);
      await outbox.complete(retaken!.id, 'B', later(6000));
      expect(await outbox.countPending()).toBe(0);
    });
  });

  describe('leases', () => {
    it('lets exactly one of several instances hold a lease, renews for the holder, and hands over after expiry', async () => {
      const leases = new DocumentLeaseStore(testStore.store);
      const owners = ['A', 'B', 'C', 'D', 'E'];
      const results = await Promise.all(owners.map((owner) => leases.tryAcquire('job', owner, 60_000, T0)));
      expect(results.filter(Boolean)).toHaveLength(1);
      const holder = owners[results.indexOf(true)]!;
      const other = owners.find((owner) => owner !== holder)!;
      expect(await leases.tryAcquire('job', holder, 60_000, later(30_000))).toBe(true);
      expect(await leases.tryAcquire('job', other, 60_000, later(60_000))).toBe(false);
      expect(await leases.tryAcquire('job', other, 60_000, later(120_000))).toBe(true);
      expect(await leases.tryAcquire('job', holder, 60_000, later(121_000))).toBe(false);
    });
  });

  describe('advisor channels and ticket cards', () => {
    it('keeps one channel per group, moves it on re-registration, and lists groups by channel', async () => {
      const channels = new DocumentAdvisorChannelRepository(testStore.store);
      const base = { teamId: 'team-1', conversationReference: { conversation: { id: '19:a@thread.tacv2' } }, registeredBy: { id: 'u1', displayName: 'A' }, registeredAt: T0.toISOString() };
      await channels.save({ ...base, groupId: 'datenschutz', channelId: '19:a@thread.tacv2' });
      await channels.save({ ...base, groupId: 'technik', channelId: '19:a@thread.tacv2' });
      await channels.save({ ...base, groupId: 'datenschutz', channelId: '19:b@thread.tacv2' });
      expect((await channels.get('datenschutz'))?.channelId).toBe('19:b@thread.tacv2');
      expect((await channels.listByChannel('19:a@thread.tacv2')).map((c) => c.groupId)).toEqual(['technik']);
      expect(await channels.get('unknown')).toBeNull();
      await expect(channels.get({ $ne: null } as unknown as string)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    });

    it('stores the current card post of a ticket', async () => {
      const cards = new DocumentTicketCardRepository(testStore.store);
      const post = { ticketId: 't1', groupId: 'g', conversationReference: { conversation: { id: 'c;messageid=1' } }, activityId: '1', postedAt: T0.toISOString() };
      await cards.save(post);
      await cards.save({ ...post, groupId: 'h', activityId: '2' });
      expect(await cards.get('t1')).toEqual({ ...post, groupId: 'h', activityId: '2' });
      expect(await cards.get('t2')).toBeNull();
    });
  });
});

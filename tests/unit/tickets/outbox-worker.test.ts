import { AppError, ErrorCode } from '../../../src/domain/errors';
import { OutboxWorker } from '../../../src/domain/tickets/outbox-worker';
import type { TicketNotification } from '../../../src/domain/tickets/ticket-notification';
import { InMemoryOutbox } from '../../support/fakes/in-memory-outbox';

/** A handler that fails the first `failures` deliveries of each ticket. */
class FlakyHandler {
  readonly delivered: TicketNotification[] = [];
  private readonly failuresLeft = new Map<string, number>();
  constructor(private readonly failures = 0) {}
  async deliver(notification: TicketNotification): Promise<void> {
    const left = this.failuresLeft.get(notification.ticketId) ?? this.failures;
    if (left > 0) {
      this.failuresLeft.set(notification.ticketId, left - 1);
      throw Object.assign(new Error('Service Unavailable'), { statusCode: 503 });
    }
    this.delivered.push(notification);
  }
}

function setup(handler: FlakyHandler, maxAttempts = 3) {
  let now = new Date('2026-11-25T09:00:00.000Z');
  const outbox = new InMemoryOutbox();
  const failures: Array<{ code: string; dead: boolean }> = [];
  const worker = new OutboxWorker({ outbox, handler, owner: 'A', now: () => now, maxAttempts, onFailure: (_job, code, dead) => failures.push({ code, dead }) });
  return { outbox, worker, failures, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

const card = (ticketId: string): TicketNotification => ({ kind: 'post_card', ticketId });

describe('OutboxWorker', () => {
  it('delivers every due job once and marks it done', async () => {
    const handler = new FlakyHandler();
    const { outbox, worker } = setup(handler);
    await outbox.enqueue(Array.from({ length: 25 }, (_, i) => ({ key: `k${i}`, notification: card(`t${i}`) })));
    expect(await worker.runOnce()).toBe(25);
    expect(await worker.runOnce()).toBe(0);
    expect(handler.delivered).toHaveLength(25);
    expect(await outbox.countPending()).toBe(0);
  });

  it('retries a failed delivery after an increasing back-off and never loses it', async () => {
    const handler = new FlakyHandler(2);
    const { outbox, worker, failures, advance } = setup(handler, 5);
    await outbox.enqueue([{ key: 'k', notification: card('t1') }]);
    expect(await worker.runOnce()).toBe(0);
    expect(await worker.runOnce()).toBe(0); // not due yet
    advance(1000);
    expect(await worker.runOnce()).toBe(0);
    advance(1999);
    expect(await worker.runOnce()).toBe(0); // second back-off is 2 s
    advance(1);
    expect(await worker.runOnce()).toBe(1);
    expect(failures).toEqual([
      { code: 'HTTP_503', dead: false },
      { code: 'HTTP_503', dead: false },
    ]);
    expect(handler.delivered).toEqual([card('t1')]);
  });

  it('gives a job up as dead after the last attempt (kept, not deleted) and reports the error code only', async () => {
    const handler = { deliver: () => Promise.reject(new AppError(ErrorCode.NotFound, 'No channel registered for the group.')) };
    const { outbox, worker, failures, advance } = setup(handler as unknown as FlakyHandler, 2);
    await outbox.enqueue([{ key: 'k', notification: card('t1') }]);
    await worker.runOnce();
    advance(60_000);
    await worker.runOnce();
    expect(failures).toEqual([
      { code: 'NOT_FOUND', dead: false },
      { code: 'NOT_FOUND', dead: true },
    ]);
    expect(outbox.jobs[0]).toMatchObject({ state: 'dead', attempts: 2, lastErrorCode: 'NOT_FOUND' });
  });

  it('delivers soon after a kick and stops cleanly', async () => {
    const handler = new FlakyHandler();
    const outbox = new InMemoryOutbox();
    const worker = new OutboxWorker({ outbox, handler, owner: 'A', pollMs: 60_000 });
    worker.start();
    await outbox.enqueue([{ key: 'k', notification: card('t1') }]);
    worker.kick();
    for (let i = 0; i < 50 && handler.delivered.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    await worker.stop();
    expect(handler.delivered).toEqual([card('t1')]);
  });
});

import type { Outbox, OutboxItem, OutboxJob } from '../../../src/domain/tickets/ticket-notification';

interface StoredJob extends OutboxJob {
  state: 'pending' | 'done' | 'dead';
  nextAttemptAt: number;
  leaseOwner: string;
  leaseUntil: number;
  lastErrorCode: string | null;
}

/** The outbox port in memory, with the same semantics as `DocumentOutbox` (idempotent keys, leases). */
export class InMemoryOutbox implements Outbox {
  readonly jobs: StoredJob[] = [];
  /** Makes the next `enqueue` calls fail (a store outage). */
  failEnqueue = 0;
  private sequence = 0;

  async enqueue(items: readonly OutboxItem[]): Promise<void> {
    if (this.failEnqueue > 0) {
      this.failEnqueue -= 1;
      throw Object.assign(new Error('store down'), { code: 'STORE_UNAVAILABLE' });
    }
    for (const item of items) {
      if (this.jobs.some((job) => job.key === item.key)) continue;
      this.sequence += 1;
      this.jobs.push({
        id: `job-${this.sequence}`,
        key: item.key,
        notification: item.notification,
        attempts: 0,
        createdAt: new Date(0).toISOString(),
        state: 'pending',
        nextAttemptAt: 0,
        leaseOwner: '',
        leaseUntil: 0,
        lastErrorCode: null,
      });
    }
  }

  async lease(owner: string, now: Date, leaseMs: number, limit: number): Promise<OutboxJob[]> {
    const t = now.getTime();
    const due = this.jobs.filter((job) => job.state === 'pending' && job.nextAttemptAt <= t && job.leaseUntil <= t).slice(0, limit);
    for (const job of due) {
      job.leaseOwner = owner;
      job.leaseUntil = t + leaseMs;
    }
    return due.map(({ id, key, notification, attempts, createdAt }) => ({ id, key, notification, attempts, createdAt }));
  }

  async complete(jobId: string, owner: string): Promise<void> {
    const job = this.jobs.find((j) => j.id === jobId && j.leaseOwner === owner);
    if (job) Object.assign(job, { state: 'done', leaseOwner: '', leaseUntil: 0 });
  }

  async reschedule(jobId: string, owner: string, retry: { nextAttemptAt: Date; errorCode: string; dead: boolean }): Promise<void> {
    const job = this.jobs.find((j) => j.id === jobId && j.leaseOwner === owner);
    if (!job) return;
    Object.assign(job, {
      state: retry.dead ? 'dead' : 'pending',
      nextAttemptAt: retry.nextAttemptAt.getTime(),
      lastErrorCode: retry.errorCode,
      attempts: job.attempts + 1,
      leaseOwner: '',
      leaseUntil: 0,
    });
  }

  async countPending(): Promise<number> {
    return this.jobs.filter((job) => job.state === 'pending').length;
  }

  /** The notifications enqueued so far, in order. */
  get notifications(): Array<OutboxJob['notification']> {
    return this.jobs.map((job) => job.notification);
  }
}

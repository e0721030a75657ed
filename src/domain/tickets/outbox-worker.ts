import { isAppError } from '../errors';
import type { Outbox, OutboxJob, TicketNotificationHandler } from './ticket-notification';

export interface OutboxWorkerOptions {
  readonly outbox: Outbox;
  readonly handler: TicketNotificationHandler;
  /** This instance's id: leases are taken in its name. */
  readonly owner: string;
  /** How often the outbox is polled when nobody kicks the worker (default 2 s). */
  readonly pollMs?: number;
  /** How long a leased job is reserved for this instance (default 60 s). */
  readonly leaseMs?: number;
  /** Jobs per lease round (default 10). */
  readonly batchSize?: number;
  /** Attempts before a job is given up as `dead` (default 10, about 2 hours of back-off). */
  readonly maxAttempts?: number;
  readonly now?: () => Date;
  /** Reports a failed delivery (ids and codes only: no message text). */
  readonly onFailure?: (job: OutboxJob, errorCode: string, dead: boolean) => void;
  /** Reports a round that failed as a whole (the store is unavailable); the next poll tries again. */
  readonly onRoundFailed?: (errorCode: string) => void;
}

/**
 * Delivers the outbox: leases due jobs, hands each to the handler, marks it done, or retries it
 * later with exponential back-off (1 s, 2 s, 4 s … capped at 30 min) until `maxAttempts`. Several
 * Lotse instances may run workers on one store: a lease gives each job to one of them, and an
 * instance that dies mid-delivery leaves the job to another once the lease expires.
 */
export class OutboxWorker {
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly maxAttempts: number;
  private readonly now: () => Date;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private stopping = false;

  constructor(private readonly options: OutboxWorkerOptions) {
    this.pollMs = options.pollMs ?? 2000;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.batchSize = options.batchSize ?? 10;
    this.maxAttempts = options.maxAttempts ?? 10;
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    this.stopped = false;
    this.stopping = false;
    this.kick();
  }

  /** Delivers soon (after the current round), e.g. right after a ticket change. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.loop().finally(() => {
      this.running = undefined;
      if (!this.stopped) this.timer = setTimeout(() => this.kick(), this.again ? 0 : this.pollMs);
      this.again = false;
    });
  }

  /** Stops polling and waits for the round in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One pass over the due jobs; returns how many were delivered. Also used directly by tests and the bench. */
  async runOnce(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const jobs = await this.options.outbox.lease(this.options.owner, this.now(), this.leaseMs, this.batchSize);
      for (const job of jobs) delivered += (await this.deliver(job)) ? 1 : 0;
      if (jobs.length < this.batchSize || this.stopping) return delivered;
    }
  }

  private async loop(): Promise<void> {
    try {
      await this.runOnce();
    } catch (error) {
      // The store is unavailable: try again at the next poll.
      this.options.onRoundFailed?.(codeOf(error));
    }
  }

  private async deliver(job: OutboxJob): Promise<boolean> {
    const { outbox, owner } = this.options;
    try {
      await this.options.handler.deliver(job.notification);
      await outbox.complete(job.id, owner, this.now());
      return true;
    } catch (error) {
      const attempts = job.attempts + 1;
      const dead = attempts >= this.maxAttempts;
      const delayMs = Math.min(1000 * 2 ** (attempts - 1), 30 * 60_000);
      const errorCode = codeOf(error);
      this.options.onFailure?.(job, errorCode, dead);
      await outbox.reschedule(job.id, owner, { nextAttemptAt: new Date(this.now().getTime() + delayMs), errorCode, dead });
      return false;
    }
  }
}

function codeOf(error: unknown): string {
  if (isAppError(error)) return error.code;
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? `HTTP_${status}` : 'DELIVERY_FAILED';
}

import { isAppError, ErrorCode } from '../domain/errors';
import type { Outbox, OutboxItem, OutboxJob, TicketNotification } from '../domain/tickets/ticket-notification';
import type { Collection, DocumentStore } from './document-store';
import { assertId } from './repository-guards';

interface OutboxDocument {
  _id: string;
  key: string;
  notification: TicketNotification;
  state: 'pending' | 'done' | 'dead';
  attempts: number;
  nextAttemptAt: string;
  /** Who holds the lease until when ('' / epoch when free). */
  leaseOwner: string;
  leaseUntil: string;
  lastErrorCode: string | null;
  createdAt: string;
  doneAt: string | null;
}

const FREE = new Date(0).toISOString();

/**
 * The outbox in the store (collection `outbox`): a unique index on `key` makes enqueueing
 * idempotent across instances; a job is leased with one conditional update on its lease fields, so
 * two workers never deliver the same job at once. Delivered jobs stay (`done`) as a record of what
 * was sent (ids and kinds only, no message text).
 */
export class DocumentOutbox implements Outbox {
  private readonly jobs: Collection<OutboxDocument>;
  private indexes: Promise<void> | undefined;

  constructor(
    store: DocumentStore,
    private readonly newId: () => string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.jobs = store.collection<OutboxDocument>('outbox');
  }

  ensureIndexes(): Promise<void> {
    this.indexes ??= (async () => {
      await this.jobs.createIndex({ fields: { key: 1 }, unique: true, name: 'key_1' });
      await this.jobs.createIndex({ fields: { state: 1, nextAttemptAt: 1 }, name: 'state_nextAttemptAt' });
    })().catch((error: unknown) => {
      this.indexes = undefined;
      throw error;
    });
    return this.indexes;
  }

  async enqueue(items: readonly OutboxItem[]): Promise<void> {
    await this.ensureIndexes();
    const at = this.now().toISOString();
    for (const item of items) {
      assertId(item.key, 'outbox key');
      const doc: OutboxDocument = {
        _id: this.newId(),
        key: item.key,
        notification: item.notification,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: at,
        leaseOwner: '',
        leaseUntil: FREE,
        lastErrorCode: null,
        createdAt: at,
        doneAt: null,
      };
      try {
        await this.jobs.insertOne(doc);
      } catch (error) {
        if (!isAppError(error, ErrorCode.DuplicateKey)) throw error;
      }
    }
  }

  async lease(owner: string, now: Date, leaseMs: number, limit: number): Promise<OutboxJob[]> {
    await this.ensureIndexes();
    const nowIso = now.toISOString();
    const due = await this.jobs.find(
      { state: 'pending', nextAttemptAt: { $lte: nowIso }, leaseUntil: { $lte: nowIso } },
      { sort: { nextAttemptAt: 1, _id: 1 }, limit },
    );
    const leased: OutboxJob[] = [];
    const until = new Date(now.getTime() + leaseMs).toISOString();
    for (const job of due) {
      // Taken only if nobody leased it since we read it.
      const result = await this.jobs.updateOne(
        { _id: job._id, state: 'pending', leaseUntil: job.leaseUntil, leaseOwner: job.leaseOwner },
        { $set: { leaseOwner: owner, leaseUntil: until } },
      );
      if (result.modifiedCount === 1) {
        leased.push({ id: job._id, key: job.key, notification: job.notification, attempts: job.attempts, createdAt: job.createdAt });
      }
    }
    return leased;
  }

  async complete(jobId: string, owner: string, now: Date): Promise<void> {
    await this.jobs.updateOne({ _id: jobId, leaseOwner: owner }, { $set: { state: 'done', doneAt: now.toISOString(), leaseUntil: FREE, leaseOwner: '' } });
  }

  async reschedule(jobId: string, owner: string, retry: { nextAttemptAt: Date; errorCode: string; dead: boolean }): Promise<void> {
    await this.jobs.updateOne(
      { _id: jobId, leaseOwner: owner },
      {
        $set: { state: retry.dead ? 'dead' : 'pending', nextAttemptAt: retry.nextAttemptAt.toISOString(), lastErrorCode: retry.errorCode, leaseUntil: FREE, leaseOwner: '' },
        $inc: { attempts: 1 },
      },
    );
  }

  async countPending(): Promise<number> {
    return this.jobs.countDocuments({ state: 'pending' });
  }
}

import type { SerialQueue } from '../serial-queue';

interface PendingInsert<D> {
  readonly doc: D;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit for inserts: inserts that queue up behind a running write of the same collection
 * go to nedb as one array insert, which is one append to the datafile instead of one per document.
 * Each insert still resolves only once its document is in the datafile, and the order of writes
 * is kept: a batch takes new inserts only while it is the last task in the queue.
 *
 * An nedb array insert is all-or-nothing; when it fails on a unique index the batch is retried
 * one document at a time, so that each insert succeeds or fails on its own as it would alone.
 */
export class InsertBatcher<D> {
  private open: PendingInsert<D>[] | null = null;

  constructor(
    private readonly queue: SerialQueue,
    private readonly insert: (docs: D | D[]) => Promise<unknown>,
    private readonly isUniqueViolation: (error: unknown) => boolean,
  ) {}

  /** Queues one insert; resolves when the document is stored, rejects with nedb's error. */
  add(doc: D): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const pending = { doc, resolve, reject };
      if (this.open) {
        this.open.push(pending);
        return;
      }
      const batch = [pending];
      this.open = batch;
      void this.queue.run(async () => {
        if (this.open === batch) this.open = null;
        await this.flush(batch);
      });
    });
  }

  /** Closes the open batch; call before queueing any other write, so that no insert overtakes it. */
  close(): void {
    this.open = null;
  }

  private async flush(batch: readonly PendingInsert<D>[]): Promise<void> {
    if (batch.length > 1) {
      try {
        await this.insert(batch.map((pending) => pending.doc));
        batch.forEach((pending) => pending.resolve());
        return;
      } catch (error) {
        if (!this.isUniqueViolation(error)) {
          batch.forEach((pending) => pending.reject(error));
          return;
        }
      }
    }
    for (const pending of batch) {
      try {
        await this.insert(pending.doc);
        pending.resolve();
      } catch (error) {
        pending.reject(error);
      }
    }
  }
}

import type { KnowledgeRevision } from './knowledge-version';

/** What the sync reloads: `KnowledgeService` (only its `reload`). */
export interface ReloadableKnowledge {
  reload(): Promise<unknown>;
}

export interface KnowledgeSyncOptions {
  /** Pause between two polls of the revision; default {@link DEFAULT_SYNC_INTERVAL_MS}. */
  readonly intervalMs?: number;
  /** Told about failed polls and reloads (the sync keeps running); default: ignored. */
  readonly onError?: (error: unknown) => void;
}

/** How often every instance looks at the knowledge revision in the store. */
export const DEFAULT_SYNC_INTERVAL_MS = 2_000;

/**
 * Keeps the answer engine of this instance in step with the FAQ in the store: polls the knowledge
 * revision and reloads the knowledge when it moved, so that a change made through any Lotse
 * instance sharing the store is answered everywhere within about one interval. Changes made by
 * this instance are applied at once ({@link applyLocalChange}). Reloads never overlap.
 */
export class KnowledgeSync {
  private applied: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private polling: Promise<unknown> = Promise.resolve();
  private reloads: Promise<void> = Promise.resolve();
  private readonly intervalMs: number;
  private readonly onError: (error: unknown) => void;

  constructor(
    private readonly knowledge: ReloadableKnowledge,
    private readonly revision: KnowledgeRevision,
    options: KnowledgeSyncOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? DEFAULT_SYNC_INTERVAL_MS;
    this.onError = options.onError ?? (() => undefined);
  }

  /**
   * Loads the knowledge (it can replace the first `KnowledgeService.reload()`) and starts polling.
   * Rejects, without polling, when the first load fails.
   */
  async start(): Promise<void> {
    if (this.running) return;
    await this.reloadTo(await this.revision.current(), true);
    this.running = true;
    this.schedule();
  }

  /** Stops polling and waits for a running poll or reload. Idempotent. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.polling;
    await this.reloads;
  }

  /** The revision the loaded knowledge reflects (undefined before the first load). */
  get appliedRevision(): number | undefined {
    return this.applied;
  }

  /**
   * After a change this instance made (the editor's `onChanged`): reloads now and remembers the
   * revision, so the next poll does not reload again. Never throws; failures go to `onError`.
   */
  applyLocalChange(revision: number): Promise<void> {
    return this.reloadTo(revision, false);
  }

  /** One poll: reloads when the revision in the store differs from the applied one. True if it reloaded. */
  async poll(): Promise<boolean> {
    const run = (async () => {
      const revision = await this.revision.current();
      if (revision === this.applied) return false;
      await this.reloadTo(revision, false);
      return true;
    })();
    this.polling = run.catch(() => undefined);
    try {
      return await run;
    } catch (error) {
      this.onError(error);
      return false;
    }
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      void this.poll().finally(() => this.schedule());
    }, this.intervalMs);
    this.timer.unref();
  }

  /**
   * Queues a reload. `revision` was read before the reload starts, so every change with a higher
   * revision is seen by a later poll; with `rethrow` the caller gets the failure, else `onError`.
   */
  private reloadTo(revision: number, rethrow: boolean): Promise<void> {
    const run = this.reloads.then(async () => {
      await this.knowledge.reload();
      this.applied = revision;
    });
    this.reloads = run.catch(() => undefined);
    return run.catch((error: unknown) => {
      if (rethrow) throw error;
      this.onError(error);
    });
  }
}

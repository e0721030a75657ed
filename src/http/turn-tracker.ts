/**
 * Counts bot turns in progress so that a graceful shutdown can stop accepting new activities and
 * wait for running turns to finish.
 */
export class TurnTracker {
  private running = 0;
  private closing = false;
  private idleWaiters: Array<() => void> = [];

  get isClosing(): boolean {
    return this.closing;
  }

  get inFlight(): number {
    return this.running;
  }

  /** Runs one turn, counting it while it runs. */
  async run<T>(turn: () => Promise<T>): Promise<T> {
    this.running += 1;
    try {
      return await turn();
    } finally {
      this.running -= 1;
      if (this.running === 0) this.notifyIdle();
    }
  }

  /** Refuses new turns from now on and resolves when running ones are done (or after timeoutMs). */
  async drain(timeoutMs: number): Promise<{ timedOut: boolean }> {
    this.closing = true;
    if (this.running === 0) return { timedOut: false };
    let timer: NodeJS.Timeout | undefined;
    const idle = new Promise<boolean>((resolve) => this.idleWaiters.push(() => resolve(false)));
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), timeoutMs);
    });
    const timedOut = await Promise.race([idle, timeout]);
    clearTimeout(timer);
    return { timedOut };
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const waiter of waiters) waiter();
  }
}

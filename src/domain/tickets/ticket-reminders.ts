import type { SlaPolicy } from './sla-policy';
import type { Ticket } from './ticket';
import type { TicketCardRepository } from './ticket-card';
import { postCard } from './ticket-desk';
import type { LeaseStore, Outbox, OutboxItem } from './ticket-notification';

/** The ticket queries the reminder scan needs (part of `TicketRepository`). */
export interface TicketsAwaitingResponse {
  /** Open tickets without a first public reply, earliest first-response due first. */
  listAwaitingFirstResponse(limit: number): Promise<Ticket[]>;
}

export interface TicketReminderScanOptions {
  readonly tickets: TicketsAwaitingResponse;
  readonly cards: TicketCardRepository;
  readonly outbox: Outbox;
  readonly leases: LeaseStore;
  readonly slaPolicy: SlaPolicy;
  readonly owner: string;
  /** Scan interval (default 60 s); the lease lasts a little longer than one interval. */
  readonly intervalMs?: number;
  /** A ticket without a card this long after creation gets its card post enqueued again (default 2 min). */
  readonly missingCardAfterMs?: number;
  readonly now?: () => Date;
  readonly onEnqueued?: () => void;
}

const LEASE_NAME = 'ticket-reminders';
const SCAN_LIMIT = 500;

/**
 * The scheduled job behind the reminders: once a minute, in exactly one Lotse instance (a lease in
 * the store), it looks at the open tickets still waiting for a first response and enqueues a
 * reminder for the channel when the first response becomes due soon and when it is breached —
 * once each per due time (the outbox key), so a restart or a second instance never repeats one.
 * It also re-enqueues the card post of a ticket whose card never made it into the channel.
 */
export class TicketReminderScan {
  private readonly intervalMs: number;
  private readonly missingCardAfterMs: number;
  private readonly now: () => Date;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(private readonly options: TicketReminderScanOptions) {
    this.intervalMs = options.intervalMs ?? 60_000;
    this.missingCardAfterMs = options.missingCardAfterMs ?? 120_000;
    this.now = options.now ?? (() => new Date());
  }

  start(onError: (error: unknown) => void): void {
    this.timer = setInterval(() => {
      this.running ??= this.runOnce()
        .catch(onError)
        .finally(() => (this.running = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One scan; returns the number of items enqueued, or null when another instance holds the lease. */
  async runOnce(): Promise<number | null> {
    const { tickets, cards, outbox, leases, slaPolicy, owner } = this.options;
    const now = this.now();
    if (!(await leases.tryAcquire(LEASE_NAME, owner, this.intervalMs + 30_000, now))) return null;
    const items: OutboxItem[] = [];
    for (const ticket of await tickets.listAwaitingFirstResponse(SCAN_LIMIT)) {
      const clock = slaPolicy.slaState(ticket, now).firstResponse;
      if (clock.state !== 'ok') {
        const reminder = clock.state === 'breached' ? 'first_response_breached' : 'first_response_due_soon';
        items.push({ key: `remind:${ticket.id}:${reminder}:${clock.due}`, notification: { kind: 'remind', ticketId: ticket.id, reminder } });
      }
      if (now.getTime() - Date.parse(ticket.updatedAt) > this.missingCardAfterMs && (await cards.get(ticket.id))?.groupId !== ticket.advisorGroup) {
        items.push(postCard(ticket));
      }
    }
    if (items.length > 0) {
      await outbox.enqueue(items);
      this.options.onEnqueued?.();
    }
    return items.length;
  }
}

import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { Config } from './config/config';
import { isAppError } from './domain/errors';
import { AdvisorRouting } from './domain/tickets/advisor-group';
import { OutboxWorker } from './domain/tickets/outbox-worker';
import { SlaCalendar } from './domain/tickets/sla-calendar';
import { SlaPolicy } from './domain/tickets/sla-policy';
import { TicketDesk } from './domain/tickets/ticket-desk';
import type { TicketNotificationHandler } from './domain/tickets/ticket-notification';
import { TicketReminderScan } from './domain/tickets/ticket-reminders';
import { TicketService } from './domain/tickets/ticket.service';
import { createLogger } from './logging/logger';
import { DocumentAdvisorChannelRepository } from './storage/advisor-channel.repository';
import type { DocumentStore } from './storage/document-store';
import { DocumentLeaseStore } from './storage/lease.store';
import { DocumentOutbox } from './storage/outbox.repository';
import { DocumentTicketCardRepository } from './storage/ticket-card.repository';
import { loadAdvisorGroupsFile, loadServiceLevelsFile } from './storage/ticket-config.loader';
import { DocumentTicketRepository } from './storage/ticket.repository';

/** The ticket services of one Lotse instance over its store, plus the background jobs that deliver to Teams. */
export interface TicketRuntime {
  readonly desk: TicketDesk;
  readonly channels: DocumentAdvisorChannelRepository;
  readonly cards: DocumentTicketCardRepository;
  readonly outbox: DocumentOutbox;
  /** Starts the outbox worker (delivering through `handler`) and the reminder scan. */
  start(handler: TicketNotificationHandler): void;
  /** Stops both and waits for a delivery in progress. */
  stop(): Promise<void>;
}

/**
 * Builds the ticket side: advisor groups and service levels from `knowledge/`, the desk over the
 * store's repositories, the outbox worker (delivers right after each change, polls otherwise) and
 * the reminder scan (one instance at a time, by lease). The store may still be opening (a deferred
 * store): nothing touches it before the first use, and the repositories create their indexes then.
 */
export function createTicketRuntime(store: DocumentStore, config: Config): TicketRuntime {
  const log = createLogger('tickets');
  const knowledgeDir = path.resolve(config.knowledge.dir);
  const routing = new AdvisorRouting(loadAdvisorGroupsFile(path.join(knowledgeDir, 'advisor-groups.json')));
  const levels = loadServiceLevelsFile(path.join(knowledgeDir, 'service-levels.json'));
  const slaPolicy = new SlaPolicy(new SlaCalendar(levels.calendar), levels.policy);
  const repository = new DocumentTicketRepository(store);
  const outbox = new DocumentOutbox(store, randomUUID);
  const owner = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  let worker: OutboxWorker | undefined;
  const desk = new TicketDesk(new TicketService(repository, slaPolicy, { newId: randomUUID }), routing, outbox, {
    onEnqueued: () => worker?.kick(),
    onEnqueueFailed: (ticketId, error) => log.error({ ticketId, code: codeOf(error) }, 'ticket notification not enqueued; the reminder scan will re-post a missing card'),
  });
  const channels = new DocumentAdvisorChannelRepository(store);
  const cards = new DocumentTicketCardRepository(store);
  const scan = new TicketReminderScan({
    tickets: repository,
    cards,
    outbox,
    leases: new DocumentLeaseStore(store),
    slaPolicy,
    owner,
    intervalMs: config.tickets.reminderIntervalMs,
    onEnqueued: () => worker?.kick(),
  });

  return {
    desk,
    channels,
    cards,
    outbox,
    start(handler) {
      worker = new OutboxWorker({
        outbox,
        handler,
        owner,
        pollMs: config.tickets.outboxPollMs,
        onFailure: (job, code, dead) =>
          (dead ? log.error.bind(log) : log.warn.bind(log))({ jobId: job.id, kind: job.notification.kind, ticketId: job.notification.ticketId, attempts: job.attempts + 1, code }, dead ? 'ticket notification given up' : 'ticket notification failed, will retry'),
        onRoundFailed: (code) => log.warn({ code }, 'outbox round failed, will retry'),
      });
      worker.start();
      scan.start((error) => log.warn({ code: codeOf(error) }, 'reminder scan failed, will retry'));
    },
    async stop() {
      await Promise.all([worker?.stop(), scan.stop()]);
    },
  };
}

function codeOf(error: unknown): string {
  return isAppError(error) ? error.code : 'UNKNOWN';
}

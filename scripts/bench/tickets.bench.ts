/**
 * Ticket figures of `npm run bench`: ticket creation throughput (50 requesters at once, through the
 * desk: counter, insert, outbox) and the claim race (50 advisors claim the same ticket at the same
 * moment, for many tickets: exactly one may win each, every loser must be told who has it).
 * Runs on the embedded store, and on MongoDB too when LOTSE_BENCH_MONGODB_URI is set.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isAppError } from '../../src/domain/errors';
import { AdvisorRouting } from '../../src/domain/tickets/advisor-group';
import { DEFAULT_WEEKLY_HOURS, SlaCalendar } from '../../src/domain/tickets/sla-calendar';
import { SlaPolicy } from '../../src/domain/tickets/sla-policy';
import type { Actor } from '../../src/domain/tickets/ticket';
import { TicketDesk } from '../../src/domain/tickets/ticket-desk';
import { TicketService } from '../../src/domain/tickets/ticket.service';
import type { DocumentStore } from '../../src/storage/document-store';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embedded-document-store';
import { MongoDocumentStore } from '../../src/storage/mongo/mongo-document-store';
import { DocumentOutbox } from '../../src/storage/outbox.repository';
import { DocumentTicketRepository } from '../../src/storage/ticket.repository';
import { configureLogger } from '../../src/logging/logger';

const CONCURRENCY = 50;

/** Work per backend. FerretDB (our MongoDB-wire test server) scans without indexes: a smaller run. */
const SIZES = { embedded: { create: 1000, raced: 40 }, mongodb: { create: 200, raced: 10 } } as const;

export interface TicketBenchResult {
  readonly ticketsCreated: number;
  readonly ticketCreatePerSec: number;
  readonly ticketCreateP99Ms: number;
  /** Tickets raced by 50 advisors; each must have exactly one winner. */
  readonly claimRaceTickets: number;
  readonly claimRaceTicketsWithOneWinner: number;
  /** Losers told `TICKET_ALREADY_CLAIMED` with the holder (must be 49 per ticket). */
  readonly claimRaceLosersTold: number;
  readonly claimRaceUnexpectedErrors: number;
}

export async function benchTickets(): Promise<Record<string, TicketBenchResult>> {
  const results: Record<string, TicketBenchResult> = {};
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lotse-bench-tickets-'));
  const embedded = await EmbeddedDocumentStore.open(dir);
  try {
    results.embedded = await benchStore(embedded, SIZES.embedded);
  } finally {
    await embedded.close();
    await rm(dir, { recursive: true, force: true });
  }
  const mongoUri = process.env.LOTSE_BENCH_MONGODB_URI;
  if (mongoUri) {
    const mongo = await MongoDocumentStore.connect(mongoUri, { dbName: `lotse_bench_${randomUUID().slice(0, 8)}`, serverSelectionTimeoutMS: 5000 });
    try {
      results.mongodb = await benchStore(mongo, SIZES.mongodb);
    } finally {
      await mongo.close();
    }
  }
  for (const [backend, result] of Object.entries(results)) printResult(backend, result);
  return results;
}

async function benchStore(store: DocumentStore, sizes: { create: number; raced: number }): Promise<TicketBenchResult> {
  const repository = new DocumentTicketRepository(store);
  const service = new TicketService(repository, new SlaPolicy(new SlaCalendar({ timeZone: 'Europe/Berlin', weeklyHours: DEFAULT_WEEKLY_HOURS, holidays: [] })), {
    newId: randomUUID,
  });
  const routing = new AdvisorRouting({ defaultGroupId: 'allgemein', groups: [{ id: 'allgemein', name: 'Allgemein', categories: [] }] });
  const desk = new TicketDesk(service, routing, new DocumentOutbox(store, randomUUID));
  const open = (i: number) =>
    desk.open({
      idempotencyKey: `bench:${i}:${randomUUID()}`,
      requester: { id: `requester-${i % 200}`, displayName: 'Bench Requester', municipality: 'Musterstadt' },
      subject: `Frage ${i}`,
      description: 'Wie beantragen wir Fördermittel für die E-Akte?',
      originalQuestion: 'Wie beantragen wir Fördermittel für die E-Akte?',
      category: 'Förderung',
      priority: 'normal',
      candidates: [{ entryId: 'kb-001', score: 3.2, confidence: 0.4 }],
      conversationReference: { conversation: { id: `a:${i}` } },
    });
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => open(-1 - i))); // warm-up

  const latencies: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < sizes.create) {
        const i = next++;
        const t0 = process.hrtime.bigint();
        await open(i);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  latencies.sort((a, b) => a - b);

  let withOneWinner = 0;
  let losersTold = 0;
  let unexpected = 0;
  const advisors: Actor[] = Array.from({ length: CONCURRENCY }, (_, i) => ({ id: `advisor-${i}`, displayName: `Advisor ${i}`, role: 'advisor' }));
  for (let t = 0; t < sizes.raced; t += 1) {
    const { ticket } = await open(100_000 + t);
    const outcomes = await Promise.allSettled(advisors.map((advisor) => desk.claim(ticket.id, advisor)));
    const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const stored = await service.getTicket(ticket.id);
    if (winners.length === 1 && stored.assignee !== null && stored.status === 'assigned') withOneWinner += 1;
    for (const outcome of outcomes) {
      if (outcome.status === 'fulfilled') continue;
      const error: unknown = outcome.reason;
      if (isAppError(error, 'TICKET_ALREADY_CLAIMED') && error.details.holderId === stored.assignee?.id) losersTold += 1;
      else unexpected += 1;
    }
  }
  return {
    ticketsCreated: sizes.create,
    ticketCreatePerSec: round((sizes.create / elapsedMs) * 1000),
    ticketCreateP99Ms: round(latencies[Math.floor(latencies.length * 0.99)] ?? 0),
    claimRaceTickets: sizes.raced,
    claimRaceTicketsWithOneWinner: withOneWinner,
    claimRaceLosersTold: losersTold,
    claimRaceUnexpectedErrors: unexpected,
  };
}

function printResult(backend: string, r: TicketBenchResult): void {
  console.log(
    `\nTickets (${backend} store): ${r.ticketsCreated} created by ${CONCURRENCY} concurrent requesters: ${r.ticketCreatePerSec} tickets/s, p99 ${r.ticketCreateP99Ms} ms` +
      `\nClaim race: ${r.claimRaceTickets} tickets x ${CONCURRENCY} concurrent advisors: ${r.claimRaceTicketsWithOneWinner}/${r.claimRaceTickets} with exactly one winner, ` +
      `${r.claimRaceLosersTold}/${r.claimRaceTickets * (CONCURRENCY - 1)} losers told who holds it, ${r.claimRaceUnexpectedErrors} unexpected errors`,
  );
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

if (require.main === module) {
  configureLogger('warn');
  benchTickets().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

import { randomUUID } from 'node:crypto';
import { DEFAULT_WEEKLY_HOURS, SlaCalendar } from '../../../src/domain/tickets/sla-calendar';
import { SlaPolicy } from '../../../src/domain/tickets/sla-policy';
import type { Actor } from '../../../src/domain/tickets/ticket';
import type { TicketRepository } from '../../../src/domain/tickets/ticket.repository';
import type { OpenTicketInput } from '../../../src/domain/tickets/ticket.service';
import { TicketService } from '../../../src/domain/tickets/ticket.service';
import { requester } from './ticket-fixtures';

/** Monday 2026-03-09, 09:00 in Berlin. */
export const MONDAY_MORNING = new Date('2026-03-09T08:00:00.000Z');

export const slaPolicy = new SlaPolicy(new SlaCalendar({ timeZone: 'Europe/Berlin', weeklyHours: DEFAULT_WEEKLY_HOURS, holidays: [] }));

/** A clock the test moves forward; starts at {@link MONDAY_MORNING}. */
export class TestClock {
  private current = MONDAY_MORNING.getTime();
  now = (): Date => new Date(this.current);
  advanceMinutes(minutes: number): void {
    this.current += minutes * 60_000;
  }
}

/** The service under test; ids are `<random prefix>-<counter>`, unique across services. */
export function createTicketService(repository: TicketRepository, clock = new TestClock(), maxAttempts?: number): TicketService {
  const prefix = randomUUID().slice(0, 8);
  let next = 0;
  return new TicketService(repository, slaPolicy, { newId: () => `${prefix}-${(next += 1)}`, now: clock.now, maxAttempts });
}

/** What the create-ticket dialog submits for `who` (default: the requester of the fixtures). */
export function openInput(overrides: Partial<OpenTicketInput> = {}, who: Actor = requester): OpenTicketInput {
  return {
    idempotencyKey: `a:${who.id}|activity-1`,
    requester: { id: who.id, displayName: who.displayName, municipality: 'Musterstadt' },
    subject: 'Meldebescheinigung für Minderjährige',
    description: 'Wer darf die Meldebescheinigung beantragen?',
    originalQuestion: 'meldebescheinigung kind wer darf beantragen',
    category: 'Meldewesen',
    advisorGroup: 'meldewesen',
    priority: 'normal',
    candidates: [{ entryId: 'kb-017', score: 4.2, confidence: 0.41 }],
    conversationReference: { conversation: { id: `a:${who.id}` }, serviceUrl: 'https://smba.example/' },
    ...overrides,
  };
}

import { ErrorCode } from '../../src/domain/errors';
import { AnalyticsService } from '../../src/domain/insights/analytics.service';
import type { GapDecision } from '../../src/domain/insights/knowledge-gaps';
import { createReportingPeriod } from '../../src/domain/insights/reporting-period';
import type { InstantRange } from '../../src/domain/insights/reporting-period';
import type { QuestionRecord } from '../../src/domain/knowledge/question-log';
import type { SatisfactionScore, Ticket } from '../../src/domain/tickets/ticket';
import { formatTicketNumber } from '../../src/domain/tickets/ticket-number';
import { DocumentAnalyticsSource } from '../../src/storage/analytics.repository';
import { DocumentGapDecisionStore } from '../../src/storage/gap-decision.repository';
import { DocumentGapQuestionSource } from '../../src/storage/gap-questions.repository';
import { DocumentQuestionLog } from '../../src/storage/question-log.repository';
import { DocumentTicketDraftLinks } from '../../src/storage/ticket-draft-link.repository';
import { DocumentTicketRepository } from '../../src/storage/ticket.repository';
import type { TestStore } from '../support/test-stores';
import { storeBackendTable } from '../support/test-stores';
import { aTicket } from '../unit/tickets/ticket-fixtures';

/** March 2026 in Berlin: 28 Feb 23:00 UTC up to 31 Mar 22:00 UTC (summer time from 29 March). */
const MARCH = createReportingPeriod('2026-03-01', '2026-03-31', 'Europe/Berlin');
const NOW = new Date('2026-04-02T12:00:00.000Z');
const injected = { $ne: null } as unknown as string;

function question(id: string, userId: string, askedAt: string, outcome: QuestionRecord['outcome'], more: Partial<QuestionRecord> = {}): QuestionRecord {
  return {
    id,
    askedAt,
    conversationId: `conv-${userId}`,
    userId,
    locale: 'de-DE',
    text: `Frage ${id}`,
    outcome,
    intent: outcome === 'intent' ? 'greeting' : null,
    candidates: outcome === 'intent' ? [] : [{ entryId: 'kb-001', score: 3, confidence: 0.5 }],
    answeredEntryId: outcome === 'answer' ? 'kb-001' : null,
    feedback: null,
    feedbackAt: null,
    ...more,
  };
}

const QUESTIONS: QuestionRecord[] = [
  question('q01', 'u1', '2026-03-02T09:00:00.000Z', 'answer', { feedback: 'helpful' }), // self-served
  question('q02', 'u2', '2026-03-02T10:00:00.000Z', 'answer'), // served, ticket t2 two hours later
  question('q03', 'u3', '2026-03-03T08:00:00.000Z', 'choices', { answeredEntryId: 'kb-002' }), // picked: self-served
  question('q04', 'u3', '2026-03-03T08:05:00.000Z', 'choices'), // nothing picked
  question('q05', 'u4', '2026-03-04T08:00:00.000Z', 'none', { candidates: [] }),
  question('q06', 'u4', '2026-03-04T08:01:00.000Z', 'answer', { feedback: 'not_helpful' }),
  question('q07', 'u5', '2026-03-05T08:00:00.000Z', 'intent'),
  question('q08', 'u5', '2026-02-28T22:30:00.000Z', 'answer'), // 28 Feb 23:30 local: outside
  question('q09', 'u6', '2026-02-28T23:30:00.000Z', 'none'), // 1 Mar 00:30 local: inside
  question('q10', 'u6', '2026-03-31T21:30:00.000Z', 'answer', { feedback: 'helpful' }), // ticket t4 next morning
  question('q11', 'u7', '2026-03-31T22:30:00.000Z', 'none'), // 1 Apr 00:30 local: outside
];

const minutesAfter = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

function ticket(n: number, fields: { requesterId: string; municipality: string; category: string; createdAt: string; status: Ticket['status'] }, sla: { respond?: number; resolve?: number; respondDue: number; resolveDue: number }, score: SatisfactionScore | null = null): Ticket {
  const { createdAt } = fields;
  return aTicket(fields.status, {
    id: `tkt-${n}`,
    number: formatTicketNumber(2026, n),
    idempotencyKey: `conv|activity-${n}`,
    version: 1,
    category: fields.category,
    requester: { id: fields.requesterId, displayName: `Person ${n}`, municipality: fields.municipality },
    createdAt,
    updatedAt: createdAt,
    sla: {
      firstResponseDue: minutesAfter(createdAt, sla.respondDue),
      resolutionDue: minutesAfter(createdAt, sla.resolveDue),
      firstRespondedAt: sla.respond === undefined ? null : minutesAfter(createdAt, sla.respond),
      resolvedAt: sla.resolve === undefined ? null : minutesAfter(createdAt, sla.resolve),
    },
    satisfaction: score === null ? null : { score, comment: null, at: minutesAfter(createdAt, 2000) },
  });
}

const XSS = '<img src=x onerror=alert(1)>';
const DAYS = 24 * 60;
const TICKETS: Ticket[] = [
  ticket(1, { requesterId: 'u8', municipality: 'Musterstadt', category: 'Meldewesen', createdAt: '2026-03-02T08:00:00.000Z', status: 'resolved' }, { respond: 60, resolve: 300, respondDue: 120, resolveDue: 2 * DAYS }, 5),
  ticket(2, { requesterId: 'u2', municipality: 'Beispielheim', category: 'E-Rechnung', createdAt: '2026-03-02T12:00:00.000Z', status: 'closed' }, { respond: 240, resolve: 600, respondDue: 120, resolveDue: 480 }, 3),
  ticket(3, { requesterId: 'u9', municipality: 'Musterstadt', category: 'E-Rechnung', createdAt: '2026-03-10T08:00:00.000Z', status: 'new' }, { respondDue: 480, resolveDue: 60 * DAYS }),
  ticket(4, { requesterId: 'u6', municipality: 'Musterstadt', category: 'Meldewesen', createdAt: '2026-04-01T08:00:00.000Z', status: 'new' }, { respondDue: 480, resolveDue: 60 * DAYS }),
  ticket(5, { requesterId: 'u1', municipality: 'Altdorf', category: 'Meldewesen', createdAt: '2026-02-28T12:00:00.000Z', status: 'resolved' }, { respond: 10, resolve: 20, respondDue: 120, resolveDue: 480 }, 1),
  ticket(6, { requesterId: 'u10', municipality: XSS, category: 'Meldewesen', createdAt: '2026-03-31T20:00:00.000Z', status: 'resolved' }, { respond: 30, resolve: 90, respondDue: 120, resolveDue: 480 }, 4),
];

describe.each(storeBackendTable)('insights over the document store (%s)', (_name, backend) => {
  let testStore: TestStore;

  beforeEach(async () => {
    testStore = await backend.open();
    const log = new DocumentQuestionLog(testStore.store);
    for (const record of QUESTIONS) await log.record(record);
    const tickets = new DocumentTicketRepository(testStore.store);
    for (const record of TICKETS) await tickets.create(record);
  });
  afterEach(() => testStore.cleanup());

  it('reports exact question, deflection, ticket, time, SLA and satisfaction figures for March', async () => {
    const report = await new AnalyticsService(new DocumentAnalyticsSource(testStore.store), () => NOW).report(MARCH);

    expect(report.questions).toEqual({
      asked: 8,
      answered: 4,
      choices: 2,
      none: 2,
      intents: 1,
      helpful: 2,
      notHelpful: 1,
      helpfulRate: 2 / 3,
      selfServed: 2,
      servedThenTicket: 2,
      deflectionRate: 0.25,
    });
    const activeDays = report.questionsPerDay.filter((day) => day.asked > 0);
    expect(report.questionsPerDay).toHaveLength(31);
    expect(activeDays).toEqual([
      { date: '2026-03-01', asked: 1, answered: 0, choices: 0, none: 1 },
      { date: '2026-03-02', asked: 2, answered: 2, choices: 0, none: 0 },
      { date: '2026-03-03', asked: 2, answered: 0, choices: 2, none: 0 },
      { date: '2026-03-04', asked: 2, answered: 1, choices: 0, none: 1 },
      { date: '2026-03-31', asked: 1, answered: 1, choices: 0, none: 0 },
    ]);
    expect(report.tickets).toEqual({
      opened: 4,
      byCategory: [
        { key: 'E-Rechnung', count: 2 },
        { key: 'Meldewesen', count: 2 },
      ],
      byMunicipality: [
        { key: 'Musterstadt', count: 2 },
        { key: XSS, count: 1 },
        { key: 'Beispielheim', count: 1 },
      ],
      firstResponse: { count: 3, medianMinutes: 60 },
      resolution: { count: 3, medianMinutes: 300 },
      slaBreaches: { firstResponse: 2, resolution: 1 },
      satisfaction: {
        count: 3,
        mean: 4,
        distribution: [
          { score: 1, count: 0 },
          { score: 2, count: 0 },
          { score: 3, count: 1 },
          { score: 4, count: 1 },
          { score: 5, count: 1 },
        ],
      },
    });
  });

  it('lists the gap questions of the period newest first: none, choices and not-helpful answers, no intents', async () => {
    const sut = new DocumentGapQuestionSource(testStore.store);
    const gaps = await sut.listGapQuestions(MARCH, 100);

    expect(gaps.map((gap) => gap.id)).toEqual(['q06', 'q05', 'q04', 'q03', 'q09']);
    expect(gaps[0]).toEqual({ id: 'q06', askedAt: '2026-03-04T08:01:00.000Z', text: 'Frage q06', outcome: 'answer', candidates: [{ entryId: 'kb-001', score: 3, confidence: 0.5 }], answeredEntryId: 'kb-001', feedback: 'not_helpful' });
    expect((await sut.listGapQuestions(MARCH, 2)).map((gap) => gap.id)).toEqual(['q06', 'q05']);
  });

  it('marks gap questions handled exclusively: an overlapping claim fails and keeps nothing; stale pending claims are released', async () => {
    const sut = new DocumentGapDecisionStore(testStore.store);
    const decision = (id: string, questionIds: string[], decidedAt = '2026-04-02T11:00:00.000Z'): GapDecision => ({
      id,
      action: 'new_entry',
      entryId: null,
      groupKey: 'empfang xrechn',
      questionIds,
      decidedBy: 'aad-admin',
      decidedAt,
    });
    const at = (id: string) => ({ id, askedAt: QUESTIONS.find((q) => q.id === id)!.askedAt });

    expect(await sut.claim(decision('d1', ['q03', 'q04']), [at('q03'), at('q04')])).toBe(true);
    expect(await sut.claim(decision('d2', ['q05', 'q04']), [at('q05'), at('q04')])).toBe(false);
    expect([...(await sut.handledQuestionIds(MARCH))].sort()).toEqual(['q03', 'q04']);
    await sut.complete('d1', 'kb-901', '2026-04-02T11:00:01.000Z');
    expect(await testStore.store.collection('gapDecisions').findOne({ _id: 'd1' })).toMatchObject({ state: 'done', entryId: 'kb-901', questionIds: ['q03', 'q04'] });

    expect(await sut.claim(decision('d3', ['q05', 'q11'], '2026-04-02T10:00:00.000Z'), [at('q05'), at('q11')])).toBe(true);
    expect([...(await sut.handledQuestionIds(MARCH))].sort()).toEqual(['q03', 'q04', 'q05']);
    expect(await sut.releaseStale('2026-04-02T10:30:00.000Z')).toBe(1);
    expect([...(await sut.handledQuestionIds(MARCH))].sort()).toEqual(['q03', 'q04']);
    expect(await sut.claim(decision('d4', ['q05']), [at('q05')])).toBe(true);
  });

  it('links a ticket to one draft: a second claim sees the first, a stale pending claim can be taken over', async () => {
    const sut = new DocumentTicketDraftLinks(testStore.store);
    const link = (createdBy: string, createdAt: string) => ({ ticketNumber: 'LOT-2026-000001', entryId: null, createdBy, createdAt });

    expect(await sut.claim(link('aad-a', '2026-04-02T11:00:00.000Z'), '2026-04-02T10:45:00.000Z')).toBeNull();
    expect(await sut.claim(link('aad-b', '2026-04-02T11:00:01.000Z'), '2026-04-02T10:45:01.000Z')).toEqual(link('aad-a', '2026-04-02T11:00:00.000Z'));
    expect(await sut.claim(link('aad-b', '2026-04-02T11:20:00.000Z'), '2026-04-02T11:05:00.000Z')).toBeNull();
    await sut.complete('LOT-2026-000001', 'kb-901');
    await sut.release('LOT-2026-000001');
    expect(await sut.get('LOT-2026-000001')).toEqual({ ticketNumber: 'LOT-2026-000001', entryId: 'kb-901', createdBy: 'aad-b', createdAt: '2026-04-02T11:20:00.000Z' });
    expect(await sut.claim(link('aad-c', '2026-04-03T11:00:00.000Z'), '2026-04-03T10:45:00.000Z')).toMatchObject({ entryId: 'kb-901', createdBy: 'aad-b' });
  });

  it('refuses operator objects instead of ids and ranges', async () => {
    const range = { start: injected, end: MARCH.end } as InstantRange;
    await expect(new DocumentGapQuestionSource(testStore.store).listGapQuestions(range, 10)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    await expect(new DocumentAnalyticsSource(testStore.store).ticketTimings(range)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    await expect(new DocumentGapDecisionStore(testStore.store).handledQuestionIds(range)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    await expect(new DocumentTicketDraftLinks(testStore.store).get(injected)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
  });
});

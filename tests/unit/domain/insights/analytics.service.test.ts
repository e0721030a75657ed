import type { AnalyticsSource, TicketTiming } from '../../../../src/domain/insights/analytics-source';
import { AnalyticsService, median } from '../../../../src/domain/insights/analytics.service';
import { createReportingPeriod } from '../../../../src/domain/insights/reporting-period';
import type { InstantRange } from '../../../../src/domain/insights/reporting-period';

const PERIOD = createReportingPeriod('2026-03-28', '2026-03-30', 'Europe/Berlin');
const NOW = new Date('2026-04-02T12:00:00.000Z');

/** A source with fixed answers that records the ranges it was asked for. */
function source(overrides: Partial<AnalyticsSource> = {}): AnalyticsSource & { ranges: Record<string, InstantRange> } {
  const ranges: Record<string, InstantRange> = {};
  const answer =
    <T>(name: string, value: T) =>
    async (range: InstantRange) => {
      ranges[name] = range;
      return value;
    };
  return {
    ranges,
    questionOutcomes: answer('questionOutcomes', []),
    askedQuestions: answer('askedQuestions', []),
    servedQuestions: answer('servedQuestions', []),
    ticketStarts: answer('ticketStarts', []),
    ticketsByCategory: answer('ticketsByCategory', []),
    ticketsByMunicipality: answer('ticketsByMunicipality', []),
    satisfactionScores: answer('satisfactionScores', []),
    ticketTimings: answer('ticketTimings', []),
    ...overrides,
  };
}

function timing(createdAt: string, status: TicketTiming['status'], sla: Partial<TicketTiming['sla']>): TicketTiming {
  return {
    createdAt,
    status,
    sla: { firstResponseDue: '2026-03-30T10:00:00.000Z', resolutionDue: '2026-04-03T10:00:00.000Z', firstRespondedAt: null, resolvedAt: null, ...sla },
  };
}

describe('AnalyticsService', () => {
  it('counts a served question as self-served unless the same user opened a ticket within 24 hours after asking', async () => {
    const src = source({
      questionOutcomes: async () => [{ outcome: 'answer', feedback: null, count: 4 }],
      servedQuestions: async () => [
        { userId: 'u1', askedAt: '2026-03-28T10:00:00.000Z' }, // ticket 24 h later exactly: not self-served
        { userId: 'u2', askedAt: '2026-03-28T10:00:00.000Z' }, // ticket after 24 h and 1 ms: self-served
        { userId: 'u3', askedAt: '2026-03-28T10:00:00.000Z' }, // ticket before the question: self-served
        { userId: 'u4', askedAt: '2026-03-30T21:00:00.000Z' }, // ticket after the period, within 24 h: not self-served
      ],
      ticketStarts: async (range) => {
        src.ranges.ticketStarts = range;
        return [
          { requesterId: 'u1', createdAt: '2026-03-29T10:00:00.000Z' },
          { requesterId: 'u2', createdAt: '2026-03-29T10:00:00.001Z' },
          { requesterId: 'u3', createdAt: '2026-03-28T09:00:00.000Z' },
          { requesterId: 'u4', createdAt: '2026-03-31T08:00:00.000Z' },
        ];
      },
    });
    const report = await new AnalyticsService(src, () => NOW).report(PERIOD);

    expect(report.questions).toMatchObject({ asked: 4, answered: 4, selfServed: 2, servedThenTicket: 2, deflectionRate: 0.5, helpfulRate: null });
    expect(src.ranges.ticketStarts).toEqual({ start: PERIOD.start, end: '2026-03-31T22:00:00.000Z' });
  });

  it('takes medians over the tickets that reached the step and counts SLA breaches as of now', async () => {
    const src = source({
      ticketTimings: async () => [
        // answered after 1 h (in time), resolved after 10 h
        timing('2026-03-28T08:00:00.000Z', 'resolved', { firstRespondedAt: '2026-03-28T09:00:00.000Z', resolvedAt: '2026-03-28T18:00:00.000Z' }),
        // answered after 3 h, after its due time
        timing('2026-03-28T08:00:00.000Z', 'assigned', { firstRespondedAt: '2026-03-28T11:00:00.000Z', firstResponseDue: '2026-03-28T10:00:00.000Z' }),
        // never answered, still open past both due times
        timing('2026-03-29T08:00:00.000Z', 'new', { resolutionDue: '2026-04-01T10:00:00.000Z' }),
        // closed without a reply before the first-response due time: no breach
        timing('2026-03-30T08:00:00.000Z', 'closed', { resolvedAt: '2026-03-30T09:00:00.000Z' }),
      ],
    });
    const { tickets } = await new AnalyticsService(src, () => NOW).report(PERIOD);

    expect(tickets.opened).toBe(4);
    expect(tickets.firstResponse).toEqual({ count: 2, medianMinutes: 120 });
    expect(tickets.resolution).toEqual({ count: 2, medianMinutes: (600 + 60) / 2 });
    expect(tickets.slaBreaches).toEqual({ firstResponse: 2, resolution: 1 });
  });

  it('buckets questions by local day, sorts tickets per key by count then name, and fills the satisfaction scale', async () => {
    const src = source({
      askedQuestions: async () => [
        { askedAt: '2026-03-28T22:59:00.000Z', outcome: 'answer' }, // 28 March, 23:59 CET
        { askedAt: '2026-03-29T22:30:00.000Z', outcome: 'none' }, // 30 March, 00:30 CEST
        { askedAt: '2026-03-30T07:00:00.000Z', outcome: 'choices' },
      ],
      ticketsByMunicipality: async () => [
        { key: 'Zell', count: 2 },
        { key: 'Überlingen', count: 2 },
        { key: 'Aach', count: 1 },
      ],
      satisfactionScores: async () => [
        { score: 5, count: 3 },
        { score: 2, count: 1 },
      ],
    });
    const report = await new AnalyticsService(src, () => NOW).report(PERIOD);

    expect(report.questionsPerDay).toEqual([
      { date: '2026-03-28', asked: 1, answered: 1, choices: 0, none: 0 },
      { date: '2026-03-29', asked: 0, answered: 0, choices: 0, none: 0 },
      { date: '2026-03-30', asked: 2, answered: 0, choices: 1, none: 1 },
    ]);
    expect(report.tickets.byMunicipality.map((row) => row.key)).toEqual(['Überlingen', 'Zell', 'Aach']);
    expect(report.tickets.satisfaction).toEqual({
      count: 4,
      mean: 17 / 4,
      distribution: [
        { score: 1, count: 0 },
        { score: 2, count: 1 },
        { score: 3, count: 0 },
        { score: 4, count: 0 },
        { score: 5, count: 3 },
      ],
    });
  });

  it('computes medians of odd and even counts', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });
});

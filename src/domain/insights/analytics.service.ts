import type { AnalyticsSource, AskedQuestion, KeyCount, OutcomeCount, ServedQuestion, TicketStart, TicketTiming } from './analytics-source';
import { dayIndexOf, periodDays } from './reporting-period';
import type { ReportingPeriod } from './reporting-period';

/**
 * The analytics of a period. Definitions (also shown on the dashboard):
 *
 * - Questions: FAQ questions asked in the period (`askedAt`, local days of the period's time zone);
 *   intent messages (greetings, "Ticket eröffnen" …) are counted apart.
 * - Helpful rate: helpful / (helpful + not helpful) over the period's questions with feedback.
 * - Self-served (deflection): a question Lotse answered (outcome `answer`, or `choices` with an
 *   entry picked), without "not helpful" feedback, whose asker opened no ticket within
 *   {@link DEFLECTION_WINDOW_MS} (24 h) after asking. Deflection rate: self-served / questions.
 * - Ticket figures: tickets opened in the period (`createdAt`). Times are wall-clock time (what
 *   the requester waits), from creation to the first public advisor reply and to the stop of the
 *   resolution clock (resolved, or closed without resolution); medians over the tickets that got
 *   there so far. SLA breaches as the SLA policy sees them at report time: a clock stopped after its
 *   due time, or still running past it (a ticket closed without a reply stops the first-response
 *   clock at closing).
 * - Satisfaction: ratings of those tickets (scores 1-5).
 */
export const DEFLECTION_WINDOW_MS = 24 * 3_600_000;

/** A median over the tickets that have the event; `count` of how many. */
export interface DurationFigure {
  readonly count: number;
  readonly medianMinutes: number | null;
}

export interface DayFigures {
  /** `YYYY-MM-DD` (local). */
  readonly date: string;
  readonly asked: number;
  readonly answered: number;
  readonly choices: number;
  readonly none: number;
}

export interface QuestionFigures {
  readonly asked: number;
  readonly answered: number;
  readonly choices: number;
  readonly none: number;
  readonly intents: number;
  readonly helpful: number;
  readonly notHelpful: number;
  /** 0-1, null without feedback. */
  readonly helpfulRate: number | null;
  readonly selfServed: number;
  /** Answered without complaint, but a ticket followed within 24 h. */
  readonly servedThenTicket: number;
  /** 0-1, null without questions. */
  readonly deflectionRate: number | null;
}

export interface TicketFigures {
  readonly opened: number;
  readonly byCategory: readonly KeyCount[];
  readonly byMunicipality: readonly KeyCount[];
  readonly firstResponse: DurationFigure;
  readonly resolution: DurationFigure;
  readonly slaBreaches: { readonly firstResponse: number; readonly resolution: number };
  readonly satisfaction: {
    readonly count: number;
    /** Mean score, null without ratings. */
    readonly mean: number | null;
    /** Scores 1 to 5, each present. */
    readonly distribution: readonly { readonly score: number; readonly count: number }[];
  };
}

export interface AnalyticsReport {
  readonly period: ReportingPeriod;
  /** ISO instant the SLA states refer to. */
  readonly generatedAt: string;
  readonly questions: QuestionFigures;
  readonly questionsPerDay: readonly DayFigures[];
  readonly tickets: TicketFigures;
}

/** Median of the values (mean of the two middle ones for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Most first, ties by name (German collation). */
function byCountThenName(rows: readonly KeyCount[]): KeyCount[] {
  return [...rows].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key, 'de'));
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

function questionTotals(counts: readonly OutcomeCount[]) {
  const sum = (keep: (row: OutcomeCount) => boolean) => counts.filter(keep).reduce((total, row) => total + row.count, 0);
  const asked = sum((row) => row.outcome !== 'intent');
  return {
    asked,
    answered: sum((row) => row.outcome === 'answer'),
    choices: sum((row) => row.outcome === 'choices'),
    none: sum((row) => row.outcome === 'none'),
    intents: sum((row) => row.outcome === 'intent'),
    helpful: sum((row) => row.outcome !== 'intent' && row.feedback === 'helpful'),
    notHelpful: sum((row) => row.outcome !== 'intent' && row.feedback === 'not_helpful'),
  };
}

/** Splits the served questions into self-served and those a ticket of the same user followed within the window. */
function deflection(served: readonly ServedQuestion[], starts: readonly TicketStart[]): { selfServed: number; servedThenTicket: number } {
  const byUser = new Map<string, number[]>();
  for (const start of starts) {
    const times = byUser.get(start.requesterId) ?? [];
    times.push(Date.parse(start.createdAt));
    byUser.set(start.requesterId, times);
  }
  let servedThenTicket = 0;
  for (const question of served) {
    const asked = Date.parse(question.askedAt);
    const followed = (byUser.get(question.userId) ?? []).some((at) => at >= asked && at <= asked + DEFLECTION_WINDOW_MS);
    if (followed) servedThenTicket += 1;
  }
  return { selfServed: served.length - servedThenTicket, servedThenTicket };
}

function minutesBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 60_000;
}

function ticketTimes(timings: readonly TicketTiming[], now: Date) {
  const firstResponses: number[] = [];
  const resolutions: number[] = [];
  let firstResponseBreaches = 0;
  let resolutionBreaches = 0;
  const nowMs = now.getTime();
  for (const { createdAt, status, sla } of timings) {
    const finished = status === 'resolved' || status === 'closed';
    const resolvedAt = finished ? sla.resolvedAt : null;
    if (sla.firstRespondedAt !== null) firstResponses.push(minutesBetween(createdAt, sla.firstRespondedAt));
    if (resolvedAt !== null) resolutions.push(minutesBetween(createdAt, resolvedAt));
    const responseStop = sla.firstRespondedAt ?? resolvedAt;
    if ((responseStop === null ? nowMs : Date.parse(responseStop)) > Date.parse(sla.firstResponseDue)) firstResponseBreaches += 1;
    if ((resolvedAt === null ? nowMs : Date.parse(resolvedAt)) > Date.parse(sla.resolutionDue)) resolutionBreaches += 1;
  }
  return {
    firstResponse: { count: firstResponses.length, medianMinutes: median(firstResponses) },
    resolution: { count: resolutions.length, medianMinutes: median(resolutions) },
    slaBreaches: { firstResponse: firstResponseBreaches, resolution: resolutionBreaches },
  };
}

/** Computes the {@link AnalyticsReport} from the store's aggregations (see the definitions above). */
export class AnalyticsService {
  constructor(
    private readonly source: AnalyticsSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async report(period: ReportingPeriod): Promise<AnalyticsReport> {
    const now = this.now();
    // Tickets opened up to 24 h after the period still count against its last questions.
    const ticketWindow = { start: period.start, end: new Date(Date.parse(period.end) + DEFLECTION_WINDOW_MS).toISOString() };
    const [outcomes, asked, served, starts, byCategory, byMunicipality, scores, timings] = await Promise.all([
      this.source.questionOutcomes(period),
      this.source.askedQuestions(period),
      this.source.servedQuestions(period),
      this.source.ticketStarts(ticketWindow),
      this.source.ticketsByCategory(period),
      this.source.ticketsByMunicipality(period),
      this.source.satisfactionScores(period),
      this.source.ticketTimings(period),
    ]);
    const totals = questionTotals(outcomes);
    const served24 = deflection(served, starts);
    const ratings = [1, 2, 3, 4, 5].map((score) => ({ score, count: scores.find((row) => row.score === score)?.count ?? 0 }));
    const rated = ratings.reduce((total, row) => total + row.count, 0);
    const scoreSum = ratings.reduce((total, row) => total + row.score * row.count, 0);
    return {
      period,
      generatedAt: now.toISOString(),
      questions: {
        ...totals,
        helpfulRate: ratio(totals.helpful, totals.helpful + totals.notHelpful),
        ...served24,
        deflectionRate: ratio(served24.selfServed, totals.asked),
      },
      questionsPerDay: perDay(period, asked),
      tickets: {
        opened: timings.length,
        byCategory: byCountThenName(byCategory),
        byMunicipality: byCountThenName(byMunicipality),
        ...ticketTimes(timings, now),
        satisfaction: { count: rated, mean: rated > 0 ? scoreSum / rated : null, distribution: ratings },
      },
    };
  }
}

function perDay(period: ReportingPeriod, asked: readonly AskedQuestion[]): DayFigures[] {
  const days = periodDays(period);
  const rows = days.dates.map((date) => ({ date, asked: 0, answered: 0, choices: 0, none: 0 }));
  for (const question of asked) {
    const row = rows[dayIndexOf(days, Date.parse(question.askedAt))];
    if (!row) continue;
    row.asked += 1;
    if (question.outcome === 'answer') row.answered += 1;
    else if (question.outcome === 'choices') row.choices += 1;
    else row.none += 1;
  }
  return rows;
}

import type { AnswerOutcome } from '../knowledge/answer-engine';
import type { Feedback } from '../knowledge/question-log';
import type { TicketSla, TicketStatus } from '../tickets/ticket';
import type { InstantRange } from './reporting-period';

/** Questions asked with one outcome and one feedback value, counted. */
export interface OutcomeCount {
  readonly outcome: AnswerOutcome | 'intent';
  readonly feedback: Feedback | null;
  readonly count: number;
}

/** An FAQ question (no intent message), reduced to when it was asked and what it got. */
export interface AskedQuestion {
  readonly askedAt: string;
  readonly outcome: AnswerOutcome;
}

/** A question Lotse answered without complaint (see `isSelfServed` in the analytics service). */
export interface ServedQuestion {
  readonly userId: string;
  readonly askedAt: string;
}

/** Who opened a ticket when. */
export interface TicketStart {
  readonly requesterId: string;
  readonly createdAt: string;
}

/** Tickets per value of a field (category, municipality), counted. */
export interface KeyCount {
  readonly key: string;
  readonly count: number;
}

/** Satisfaction ratings per score, counted. */
export interface ScoreCount {
  readonly score: number;
  readonly count: number;
}

/** The timestamps of a ticket the response-time and SLA figures need. */
export interface TicketTiming {
  readonly createdAt: string;
  readonly status: TicketStatus;
  readonly sla: TicketSla;
}

/**
 * Port: the reads behind the analytics (implemented in src/storage with `$match` first, then
 * `$group` where counts suffice; lists are projected to the fields above). Every method takes a
 * half-open range of instants on the record's own time field (`askedAt` of questions,
 * `createdAt` of tickets).
 */
export interface AnalyticsSource {
  /** All questions (intents too) grouped by outcome and feedback. */
  questionOutcomes(range: InstantRange): Promise<OutcomeCount[]>;
  /** The FAQ questions (not intents), for counts per day. */
  askedQuestions(range: InstantRange): Promise<AskedQuestion[]>;
  /**
   * Questions answered without complaint: outcome `answer`, or `choices` with an entry picked;
   * feedback not `not_helpful`.
   */
  servedQuestions(range: InstantRange): Promise<ServedQuestion[]>;
  ticketStarts(range: InstantRange): Promise<TicketStart[]>;
  /** Tickets per category (any order). */
  ticketsByCategory(range: InstantRange): Promise<KeyCount[]>;
  /** Tickets per requester municipality (any order). */
  ticketsByMunicipality(range: InstantRange): Promise<KeyCount[]>;
  /** Rated tickets per satisfaction score. */
  satisfactionScores(range: InstantRange): Promise<ScoreCount[]>;
  ticketTimings(range: InstantRange): Promise<TicketTiming[]>;
}

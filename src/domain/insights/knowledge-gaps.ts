import type { QuestionRecord } from '../knowledge/question-log';
import type { InstantRange } from './reporting-period';

/**
 * A question that shows a gap in the FAQ: Lotse found no answer (`none`), was unsure and offered
 * choices (`choices`), or answered and the user said it did not help (`feedback: not_helpful`).
 * Intent messages (greetings, "Ticket eröffnen" …) are never gaps.
 */
export type GapQuestion = Pick<QuestionRecord, 'id' | 'askedAt' | 'text' | 'outcome' | 'candidates' | 'answeredEntryId' | 'feedback'>;

/** Port: reads the gap questions of the question log (implemented in src/storage). */
export interface GapQuestionSource {
  /** The gap questions asked in `range`, newest first, at most `limit`. */
  listGapQuestions(range: InstantRange, limit: number): Promise<GapQuestion[]>;
}

/** What an admin did with a group of gap questions. */
export type GapAction = 'new_entry' | 'alternative_questions';

/** A decision on a group, recorded before the knowledge is changed (so a double submit cannot apply it twice). */
export interface GapDecision {
  readonly id: string;
  readonly action: GapAction;
  /** The entry the questions went to; null while the decision is pending (a new entry has no id yet). */
  readonly entryId: string | null;
  /** Key of the group as shown (the leader's terms), for the record. */
  readonly groupKey: string;
  readonly questionIds: readonly string[];
  /** Dashboard user id. */
  readonly decidedBy: string;
  readonly decidedAt: string;
}

/**
 * Port: which gap questions were handled (implemented in src/storage). A question is handled once:
 * `claim` marks all questions of a decision atomically per question and refuses when any of them
 * was marked already — by an earlier decision or by a concurrent one.
 */
export interface GapDecisionStore {
  /** Ids of the questions asked in `range` that are marked handled (pending or done). */
  handledQuestionIds(range: InstantRange): Promise<ReadonlySet<string>>;
  /**
   * Records the pending decision and marks its questions; false (and nothing kept) when one of them
   * is marked already.
   */
  claim(decision: GapDecision, questions: readonly Pick<GapQuestion, 'id' | 'askedAt'>[]): Promise<boolean>;
  /** The decision was applied: stores the entry it went to. */
  complete(decisionId: string, entryId: string, at: string): Promise<void>;
  /** The decision could not be applied: removes it and unmarks its questions. */
  release(decisionId: string): Promise<void>;
  /**
   * Releases decisions still pending that were claimed before `before` (a process stopped between
   * claim and completion); returns how many.
   */
  releaseStale(before: string): Promise<number>;
}

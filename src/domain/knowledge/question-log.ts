import type { AnswerOutcome, Candidate } from './answer-engine';
import type { Intent } from './intent';

export type Feedback = 'helpful' | 'not_helpful';

/**
 * One question a user asked, with what Lotse did. Kept in the store (never in logs) as the base of
 * knowledge-gap reports and answer-quality analytics.
 */
export interface QuestionRecord {
  readonly id: string;
  /** ISO timestamp. */
  readonly askedAt: string;
  readonly conversationId: string;
  /** Stable channel user id (AAD object id in Teams) — pseudonymous, used for the requester's own data. */
  readonly userId: string;
  readonly locale: string;
  /** The question as typed (after @mention stripping). Personal data: store only, never logs. */
  readonly text: string;
  /** `intent` when an intent was recognised instead of FAQ search. */
  readonly outcome: AnswerOutcome | 'intent';
  readonly intent: Intent | null;
  /** The top candidates with scores, best first (at most 5). */
  readonly candidates: readonly Candidate[];
  /** The entry shown as the answer, or chosen from the choices. */
  readonly answeredEntryId: string | null;
  readonly feedback: Feedback | null;
  readonly feedbackAt: string | null;
}

/** Port of the question log (implemented in src/storage). */
export interface QuestionLog {
  record(question: QuestionRecord): Promise<void>;
  /** Records the entry the user chose from offered choices; false for an unknown id. */
  recordChoice(questionId: string, entryId: string): Promise<boolean>;
  /** Records feedback once; a second feedback for the same question overwrites; false for an unknown id. */
  recordFeedback(questionId: string, feedback: Feedback, at: string): Promise<boolean>;
  get(questionId: string): Promise<QuestionRecord | null>;
}

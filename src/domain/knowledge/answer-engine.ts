import type { FaqEntry } from './faq-entry';
import type { Thesaurus } from './thesaurus';

/** What the engine decided for one question. */
export type AnswerOutcome = 'answer' | 'choices' | 'none';

/** One ranked FAQ entry for a question. */
export interface Candidate {
  readonly entryId: string;
  /** Raw ranking score (engine-specific scale; comparable within one query). */
  readonly score: number;
  /** Calibrated confidence in 0..1 that this entry answers the question. */
  readonly confidence: number;
}

export interface AnswerResult {
  readonly outcome: AnswerOutcome;
  /**
   * The best candidates, best first (at most 5). For `answer` the first is the answer; for
   * `choices` the first `choiceCount` are offered; for `none` they are kept for the question log.
   */
  readonly candidates: readonly Candidate[];
  /** How many of `candidates` to offer as choices (0 unless outcome is `choices`). */
  readonly choiceCount: number;
}

/** Thresholds of the answer / choices / none decision (configuration, chosen on data). */
export interface DecisionThresholds {
  /** Minimum confidence of the best candidate to answer directly. */
  readonly answer: number;
  /** Minimum confidence of the best candidate to offer choices. */
  readonly choices: number;
}

/** Port of the answer engine (implemented in `src/nlp`). */
export interface AnswerEngine {
  /** Replaces the indexed knowledge. Only published entries should be passed. */
  load(entries: readonly FaqEntry[], thesaurus: Thesaurus): void;
  /** Ranks and decides for one question. Never throws on any string input. */
  answer(question: string): AnswerResult;
  /** Number of indexed entries. */
  readonly size: number;
}

import type { AnswerOutcome, DecisionThresholds } from '../domain/knowledge/answer-engine';

/** Score features of the best candidate of one query. */
export interface DecisionFeatures {
  /** Best score divided by the query's self-score (what a perfect title match would get). */
  readonly normalisedScore: number;
  /** IDF-weighted share of query words matched by the best entry (any field). */
  readonly coverage: number;
  /** IDF-weighted share of query words matched in the best entry's question, alternatives or tags. */
  readonly titleCoverage: number;
  /** (best - second) / best. */
  readonly margin: number;
  /** IDF-weighted share of query words the knowledge does not know at all. */
  readonly unknownShare: number;
  /** Weight x IDF of the strongest query word the best entry does not match, relative to an unknown word's. */
  readonly strongestMiss: number;
  /** Number of query words, scaled to 0..1 (20 words and more = 1). */
  readonly queryLength: number;
  /** Distinct query words the entry matches in any field, scaled to 0..1 (10 words and more = 1). */
  readonly matchedWords: number;
  /**
   * Lead in distinct matched query words over the rival (best: the runner-up; others: the best),
   * scaled to -1..1 (a lead of 4 words and more = 1). Unlike the score normalisations it does not
   * shrink as a long narrative question adds words no entry contains.
   */
  readonly matchedWordLead: number;
}

/** Logistic model of P(best candidate answers the question) over {@link DecisionFeatures}. */
export interface ConfidenceModel {
  readonly bias: number;
  readonly weights: Readonly<Record<keyof DecisionFeatures, number>>;
}

/**
 * Fitted by L2-regularised logistic regression on 400 questions pooled from two independently
 * written sets (the 200 development questions of shared/eval and the 200 authored questions of
 * tests/eval) against the seed knowledge (`npm run eval -- --queries <dev> --queries <authored> --fit`);
 * the cross-set and split-half checks there show how it carries over to questions it was not fitted on.
 */
export const DEFAULT_CONFIDENCE_MODEL: ConfidenceModel = {
  bias: -1.192,
  weights: {
    normalisedScore: 1.323,
    coverage: 0.802,
    titleCoverage: 0.978,
    margin: 1.025,
    unknownShare: -0.531,
    strongestMiss: -0.274,
    queryLength: 0.816,
    matchedWords: 0.802,
    matchedWordLead: 1.622,
  },
};

/**
 * Chosen on the same data: `answer` keeps false answers at or below 12.5 % on EACH query set (dev
 * and the independently authored set; the target is 15 %, the difference is a safety margin for
 * unseen questions, because a confident wrong answer is the worst outcome for a public-sector bot),
 * and within that maximises overall accuracy;
 * `choices` maximises questions whose entry is among the choices minus unanswerable ones offered choices.
 */
export const DEFAULT_DECISION_THRESHOLDS: DecisionThresholds = { answer: 0.66, choices: 0.35 };

export const FEATURE_NAMES: readonly (keyof DecisionFeatures)[] = [
  'normalisedScore',
  'coverage',
  'titleCoverage',
  'margin',
  'unknownShare',
  'strongestMiss',
  'queryLength',
  'matchedWords',
  'matchedWordLead',
];

/** Confidence in 0..1 that the best candidate answers the question. */
export function computeConfidence(features: DecisionFeatures, model: ConfidenceModel = DEFAULT_CONFIDENCE_MODEL): number {
  let z = model.bias;
  for (const name of FEATURE_NAMES) z += model.weights[name] * features[name];
  const confidence = 1 / (1 + Math.exp(-z));
  return Number.isFinite(confidence) ? confidence : 0;
}

/** The outcome for a best-candidate confidence. */
export function decideOutcome(confidence: number, thresholds: DecisionThresholds): AnswerOutcome {
  if (confidence >= thresholds.answer) return 'answer';
  if (confidence >= thresholds.choices) return 'choices';
  return 'none';
}

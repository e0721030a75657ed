import type { EvalQuery } from './eval-data';

/** What a system did with one query. */
export interface EvalDecision {
  /** Ranked entry ids, best first (at least the top 5 when available). */
  readonly ranked: readonly string[];
  /** `intent`: recognised as small talk / command, not answered from the FAQ. */
  readonly outcome: 'answer' | 'choices' | 'none' | 'intent';
  /** Offered entry ids when outcome is `choices`. */
  readonly choices: readonly string[];
}

export interface EvalMetrics {
  readonly top1: number;
  readonly mrr5: number;
  readonly answeredCorrect: number;
  readonly wrongAnswer: number;
  readonly falseAnswer: number;
  readonly choicesHit: number;
  readonly overallAccuracy: number;
}

/** The metrics of shared/eval/README.md (rates over answerable resp. unanswerable queries). */
export function computeMetrics(queries: readonly EvalQuery[], decisions: readonly EvalDecision[]): EvalMetrics {
  let answerable = 0;
  let unanswerable = 0;
  let top1 = 0;
  let rr = 0;
  let answeredCorrect = 0;
  let wrongAnswer = 0;
  let falseAnswer = 0;
  let choicesHit = 0;
  queries.forEach((query, i) => {
    const decision = decisions[i];
    if (!decision) return;
    if (query.expected === null) {
      unanswerable += 1;
      if (decision.outcome === 'answer') falseAnswer += 1;
      return;
    }
    answerable += 1;
    const rank = decision.ranked.slice(0, 5).indexOf(query.expected);
    if (rank === 0) top1 += 1;
    if (rank >= 0) rr += 1 / (rank + 1);
    if (decision.outcome === 'answer') {
      if (decision.ranked[0] === query.expected) answeredCorrect += 1;
      else wrongAnswer += 1;
    }
    if (decision.outcome === 'choices' && decision.choices.includes(query.expected)) choicesHit += 1;
  });
  const rate = (count: number, total: number): number => (total > 0 ? round(count / total) : 0);
  return {
    top1: rate(top1, answerable),
    mrr5: rate(rr, answerable),
    answeredCorrect: rate(answeredCorrect, answerable),
    wrongAnswer: rate(wrongAnswer, answerable),
    falseAnswer: rate(falseAnswer, unanswerable),
    choicesHit: rate(choicesHit, answerable),
    overallAccuracy: rate(answeredCorrect + (unanswerable - falseAnswer), answerable + unanswerable),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

import type { AnswerResult, DecisionThresholds } from '../../src/domain/knowledge/answer-engine';
import type { DecisionFeatures } from '../../src/nlp/answer-decision';
import { computeConfidence, decideOutcome, type ConfidenceModel } from '../../src/nlp/answer-decision';
import type { FaqAnswerEngine } from '../../src/nlp/faq-answer-engine';
import type { ExampleIntentClassifier } from '../../src/nlp/intent-classifier';
import type { EvalQuery } from './eval-data';
import type { EvalDecision } from './metrics';

/** The product pipeline's raw view of one query: intent, ranking and decision features. */
export interface LotseTrace {
  readonly intent: boolean;
  readonly result: AnswerResult;
  readonly features: DecisionFeatures | null;
}

/** Runs intent recognition, then the engine, for every query (as the bot does). */
export function traceLotse(queries: readonly EvalQuery[], intents: ExampleIntentClassifier, engine: FaqAnswerEngine): LotseTrace[] {
  return queries.map((query) => {
    const intent = intents.classify(query.q) !== null;
    const explanation = engine.explain(query.q);
    return { intent, result: explanation.result, features: explanation.features };
  });
}

/** Decisions of the traces under a (possibly re-fitted) confidence model and thresholds. */
export function decide(traces: readonly LotseTrace[], model?: ConfidenceModel, thresholds?: DecisionThresholds): EvalDecision[] {
  return traces.map((trace) => {
    const ranked = trace.result.candidates.map((c) => c.entryId);
    if (trace.intent) return { ranked, outcome: 'intent', choices: [] };
    let outcome = trace.result.outcome;
    if (model && thresholds) {
      outcome = trace.features ? decideOutcome(computeConfidence(trace.features, model), thresholds) : 'none';
    }
    const choiceCount = outcome === 'choices' ? Math.max(2, trace.result.choiceCount) : 0;
    return { ranked, outcome, choices: ranked.slice(0, choiceCount) };
  });
}

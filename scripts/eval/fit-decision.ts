import type { DecisionThresholds } from '../../src/domain/knowledge/answer-engine';
import { FEATURE_NAMES, type ConfidenceModel, type DecisionFeatures } from '../../src/nlp/answer-decision';
import type { EvalQuery } from './eval-data';
import { decide, type LotseTrace } from './lotse-runner';
import { computeMetrics } from './metrics';

/** A fitted confidence model with its thresholds. */
export interface FittedDecision {
  readonly model: ConfidenceModel;
  readonly thresholds: DecisionThresholds;
}

/** One named query file with its traces. */
export interface QuerySet {
  readonly name: string;
  readonly queries: readonly EvalQuery[];
  readonly traces: readonly LotseTrace[];
}

/** L2 penalty of the logistic fit (a deliberately simple, regularised model). */
const L2 = 0.01;
/**
 * The answer threshold keeps false answers (unanswerable questions answered) at or below this rate
 * on the fit data: the target is 0.15, the difference is a safety margin for unseen questions.
 */
const MAX_FALSE_ANSWER = 0.12;
const ITERATIONS = 4000;
const LEARNING_RATE = 0.5;

/**
 * Fits the logistic confidence model (label: the top candidate is the expected entry) and then the
 * answer threshold (maximal overall accuracy with false-answer <= MAX_FALSE_ANSWER; ties go to the stricter threshold) and the choices
 * threshold (expected entry among the choices, minus unanswerable questions offered choices).
 */
export function fitDecision(
  queries: readonly EvalQuery[],
  traces: readonly LotseTrace[],
  options: { readonly features?: readonly (keyof DecisionFeatures)[]; readonly l2?: number } = {},
): FittedDecision {
  const used = new Set(options.features ?? FEATURE_NAMES);
  const l2 = options.l2 ?? L2;
  const samples: { x: number[]; y: number }[] = [];
  traces.forEach((trace, i) => {
    const query = queries[i];
    if (!query || trace.intent || !trace.features) return;
    const y = query.expected !== null && trace.result.candidates[0]?.entryId === query.expected ? 1 : 0;
    samples.push({ x: FEATURE_NAMES.map((name) => (used.has(name) ? (trace.features as DecisionFeatures)[name] : 0)), y });
  });
  const w = new Array<number>(FEATURE_NAMES.length).fill(0);
  let b = 0;
  for (let iteration = 0; iteration < ITERATIONS; iteration += 1) {
    const gradW = new Array<number>(w.length).fill(0);
    let gradB = 0;
    for (const { x, y } of samples) {
      const z = b + x.reduce((sum, xi, j) => sum + xi * (w[j] ?? 0), 0);
      const error = 1 / (1 + Math.exp(-z)) - y;
      x.forEach((xi, j) => (gradW[j] = (gradW[j] ?? 0) + error * xi));
      gradB += error;
    }
    const n = Math.max(1, samples.length);
    for (let j = 0; j < w.length; j += 1) w[j] = (w[j] ?? 0) - LEARNING_RATE * ((gradW[j] ?? 0) / n + l2 * (w[j] ?? 0));
    b -= LEARNING_RATE * (gradB / n);
  }
  const model: ConfidenceModel = {
    bias: round(b),
    weights: Object.fromEntries(FEATURE_NAMES.map((name, j) => [name, round(w[j] ?? 0)])) as ConfidenceModel['weights'],
  };
  return { model, thresholds: fitThresholds(queries, traces, model) };
}

function fitThresholds(queries: readonly EvalQuery[], traces: readonly LotseTrace[], model: ConfidenceModel): DecisionThresholds {
  const grid = Array.from({ length: 91 }, (_, i) => round(0.05 + i * 0.01));
  let answer = 0.5;
  let bestAccuracy = -1;
  for (const t of grid) {
    const metrics = computeMetrics(queries, decide(traces, model, { answer: t, choices: t }));
    const accuracy = metrics.falseAnswer <= MAX_FALSE_ANSWER ? metrics.overallAccuracy : metrics.overallAccuracy - 1;
    if (accuracy >= bestAccuracy) {
      bestAccuracy = accuracy;
      answer = t;
    }
  }
  let choices = answer;
  let bestUtility = -Infinity;
  for (const t of grid.filter((value) => value <= answer)) {
    const decisions = decide(traces, model, { answer, choices: t });
    let utility = 0;
    decisions.forEach((decision, i) => {
      if (decision.outcome !== 'choices') return;
      const expected = queries[i]?.expected ?? null;
      if (expected === null) utility -= 1;
      else if (decision.choices.includes(expected)) utility += 1;
    });
    if (utility > bestUtility) {
      bestUtility = utility;
      choices = t;
    }
  }
  return { answer, choices };
}

/** Fit on each query set, measure on every other one (how the decision carries over to new authors). */
export function crossSetCheck(sets: readonly QuerySet[]): string[] {
  const lines = ['\nCross-set check (fit confidence model + thresholds on one query set, measure on another):'];
  for (const fitSet of sets) {
    const fitted = fitDecision(fitSet.queries, fitSet.traces);
    lines.push(`  fit on ${fitSet.name} (n=${fitSet.queries.length}) thresholds=${JSON.stringify(fitted.thresholds)}`);
    for (const testSet of sets) {
      const label = testSet === fitSet ? 'fit set' : 'held out';
      const metrics = computeMetrics(testSet.queries, decide(testSet.traces, fitted.model, fitted.thresholds));
      lines.push(`    on ${testSet.name} (${label}): ${JSON.stringify(metrics)}`);
    }
  }
  return lines;
}

/** Fit on one half of the queries, measure on the other, both ways (seeded, stratified split). */
export function splitHalfCheck(queries: readonly EvalQuery[], traces: readonly LotseTrace[]): string[] {
  const order = queries.map((_, i) => i).sort((a, b) => hash(a) - hash(b));
  const answerable = order.filter((i) => queries[i]?.expected !== null);
  const unanswerable = order.filter((i) => queries[i]?.expected === null);
  const halfA = new Set([...answerable.filter((_, k) => k % 2 === 0), ...unanswerable.filter((_, k) => k % 2 === 0)]);
  const pick = (inA: boolean): number[] => order.filter((i) => halfA.has(i) === inA).sort((a, b) => a - b);
  const lines = ['\nSplit-half check (fit confidence model + thresholds on one half, measure on the other):'];
  for (const [fitName, fitIdx, testName, testIdx] of [
    ['A', pick(true), 'B', pick(false)],
    ['B', pick(false), 'A', pick(true)],
  ] as const) {
    const q = (idx: readonly number[]): EvalQuery[] => idx.map((i) => queries[i] as EvalQuery);
    const t = (idx: readonly number[]): LotseTrace[] => idx.map((i) => traces[i] as LotseTrace);
    const fitted = fitDecision(q(fitIdx), t(fitIdx));
    const onTrain = computeMetrics(q(fitIdx), decide(t(fitIdx), fitted.model, fitted.thresholds));
    const onTest = computeMetrics(q(testIdx), decide(t(testIdx), fitted.model, fitted.thresholds));
    lines.push(`  fit on ${fitName} (n=${fitIdx.length}) thresholds=${JSON.stringify(fitted.thresholds)}`);
    lines.push(`    on ${fitName} (fit half):  ${JSON.stringify(onTrain)}`);
    lines.push(`    on ${testName} (held out): ${JSON.stringify(onTest)}`);
  }
  return lines;
}

function hash(i: number): number {
  return Math.sin(i * 12.9898 + 78.233) * 43758.5453 - Math.floor(Math.sin(i * 12.9898 + 78.233) * 43758.5453);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}



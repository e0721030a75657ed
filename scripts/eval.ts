/**
 * Answer-quality evaluation: Lotse (intent recognition, then the answer engine) against the
 * minisearch BM25 baseline of shared/eval/README.md, on a kb.json and a queries .jsonl file.
 *
 *   npm run eval -- --kb ../shared/eval/kb.json --queries ../shared/eval/dev.jsonl [--queries more.jsonl ...]
 *     [--thesaurus knowledge/thesaurus.json] [--intents knowledge/intents.json] [--fit] [--verbose]
 *
 * Every --queries file is evaluated on its own. --fit re-fits the confidence model and thresholds on
 * all given query files pooled, then runs the cross-set checks (fit on one file, measure on each
 * other file) and the split-half check on the pool (fit on one half, measure on the other).
 * The last line is one JSON object (per file when several are given).
 */
import { basename, resolve } from 'node:path';
import { configureLogger } from '../src/logging/logger';
import { FaqAnswerEngine } from '../src/nlp/faq-answer-engine';
import { ExampleIntentClassifier } from '../src/nlp/intent-classifier';
import { loadIntentsFile, loadThesaurusFile } from '../src/nlp/knowledge-data.loader';
import { loadKb, loadQueries, sharedEvalPath } from './eval/eval-data';
import { crossSetCheck, fitDecision, splitHalfCheck, type QuerySet } from './eval/fit-decision';
import { decide, traceLotse } from './eval/lotse-runner';
import { computeMetrics, type EvalMetrics } from './eval/metrics';
import { MiniSearchBaseline } from './eval/minisearch-baseline';

interface Args {
  kb: string;
  queries: string[];
  thesaurus: string;
  intents: string;
  fit: boolean;
  verbose: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const kb = value('kb') ?? sharedEvalPath('kb.json');
  const given = argv.flatMap((arg, i) => (arg === '--queries' && argv[i + 1] ? [argv[i + 1] as string] : []));
  const fallback = sharedEvalPath('dev.jsonl');
  const queries = given.length > 0 ? given : fallback ? [fallback] : [];
  if (!kb || queries.length === 0) {
    console.error('usage: eval --kb <kb.json> --queries <queries.jsonl> (no ../shared/eval defaults found)');
    process.exit(2);
  }
  return {
    kb: resolve(kb),
    queries: queries.map((path) => resolve(path)),
    thesaurus: resolve(value('thesaurus') ?? 'knowledge/thesaurus.json'),
    intents: resolve(value('intents') ?? 'knowledge/intents.json'),
    fit: argv.includes('--fit'),
    verbose: argv.includes('--verbose'),
  };
}

function main(): void {
  configureLogger('warn');
  const args = parseArgs(process.argv.slice(2));
  const entries = loadKb(args.kb);
  const engine = new FaqAnswerEngine();
  engine.load(entries, loadThesaurusFile(args.thesaurus));
  const intents = new ExampleIntentClassifier(loadIntentsFile(args.intents));
  const baselineEngine = new MiniSearchBaseline(entries);

  const sets: QuerySet[] = [];
  const summary: Record<string, { lotse: EvalMetrics; bm25: EvalMetrics }> = {};
  for (const path of args.queries) {
    const queries = loadQueries(path);
    const traces = traceLotse(queries, intents, engine);
    const lotseDecisions = decide(traces);
    const lotse = computeMetrics(queries, lotseDecisions);
    const baseline = baselineEngine.evaluate(queries);
    const bm25 = computeMetrics(queries, baseline.decisions);
    sets.push({ name: basename(path), queries, traces });
    summary[basename(path)] = { lotse, bm25 };

    console.log(`kb: ${args.kb} (${entries.length} entries)  queries: ${path} (${queries.length})`);
    printTable(lotse, bm25);
    console.log(
      `BM25 baseline: minisearch (question x2, tags x1.5, answer x1, fuzzy 0.2, prefix); answers when raw score >= ${baseline.threshold.toFixed(2)}, a threshold tuned on this query set (optimistic for the baseline).`,
    );
    console.log('Lotse: default thresholds and confidence model from src/nlp/answer-decision.ts (not tuned on this run).');
    if (args.verbose) printMisses(queries, lotseDecisions, traces);
    console.log('');
  }

  if (args.fit) {
    const pooledQueries = sets.flatMap((set) => set.queries);
    const pooledTraces = sets.flatMap((set) => set.traces);
    const fitted = fitDecision(pooledQueries, pooledTraces);
    const names = sets.map((set) => set.name).join(' + ');
    console.log(`Fitted on ${names} (n=${pooledQueries.length}):`, JSON.stringify(fitted.model), JSON.stringify(fitted.thresholds));
    console.log('  pooled metrics with fitted decision:', JSON.stringify(computeMetrics(pooledQueries, decide(pooledTraces, fitted.model, fitted.thresholds))));
    for (const set of sets) {
      console.log(`  ${set.name} with fitted decision:`, JSON.stringify(computeMetrics(set.queries, decide(set.traces, fitted.model, fitted.thresholds))));
    }
    if (sets.length > 1) for (const line of crossSetCheck(sets)) console.log(line);
    for (const line of splitHalfCheck(pooledQueries, pooledTraces)) console.log(line);
  }
  const only = sets.length === 1 ? summary[sets[0]?.name ?? ''] : undefined;
  console.log(JSON.stringify(only ?? summary));
}

function printTable(lotse: EvalMetrics, bm25: EvalMetrics): void {
  const rows: [string, keyof EvalMetrics][] = [
    ['top1', 'top1'],
    ['mrr5', 'mrr5'],
    ['answered-correct', 'answeredCorrect'],
    ['wrong-answer', 'wrongAnswer'],
    ['false-answer', 'falseAnswer'],
    ['choices-hit', 'choicesHit'],
    ['overall accuracy', 'overallAccuracy'],
  ];
  console.log(`${'metric'.padEnd(18)}${'lotse'.padStart(8)}${'bm25'.padStart(8)}`);
  for (const [label, key] of rows) console.log(`${label.padEnd(18)}${lotse[key].toFixed(3).padStart(8)}${bm25[key].toFixed(3).padStart(8)}`);
}

function printMisses(queries: ReturnType<typeof loadQueries>, decisions: ReturnType<typeof decide>, traces: ReturnType<typeof traceLotse>): void {
  queries.forEach((query, i) => {
    const decision = decisions[i];
    const trace = traces[i];
    if (!decision || !trace) return;
    const top = decision.ranked[0] ?? '-';
    const ok = query.expected === null ? decision.outcome !== 'answer' : decision.outcome === 'answer' && top === query.expected;
    if (ok) return;
    const f = trace.features;
    const feat = f ? Object.values(f).map((v) => v.toFixed(2)).join(' ') : '';
    const conf = trace.result.candidates[0]?.confidence.toFixed(2) ?? '-';
    console.log(`MISS exp=${query.expected} got=${decision.outcome}:${decision.ranked.slice(0, 3).join(',')} conf=${conf} [${feat}] ${query.q.slice(0, 90)}`);
  });
}

main();

/**
 * Answer-quality evaluation: Lotse (intent recognition, then the answer engine) against the
 * minisearch BM25 baseline of shared/eval/README.md, on a kb.json and a queries .jsonl file.
 *
 *   npm run eval -- --kb ../shared/eval/kb.json --queries ../shared/eval/dev.jsonl
 *     [--thesaurus knowledge/thesaurus.json] [--intents knowledge/intents.json] [--fit] [--verbose]
 *
 * --fit re-fits the confidence model and thresholds on the given queries and runs the split-half
 * check (fit on one half, measure on the other). The last line is one JSON object.
 */
import { resolve } from 'node:path';
import { configureLogger } from '../src/logging/logger';
import { FaqAnswerEngine } from '../src/nlp/faq-answer-engine';
import { ExampleIntentClassifier } from '../src/nlp/intent-classifier';
import { loadIntentsFile, loadThesaurusFile } from '../src/nlp/knowledge-data.loader';
import { loadKb, loadQueries, sharedEvalPath } from './eval/eval-data';
import { fitDecision, splitHalfCheck } from './eval/fit-decision';
import { decide, traceLotse } from './eval/lotse-runner';
import { computeMetrics, type EvalMetrics } from './eval/metrics';
import { MiniSearchBaseline } from './eval/minisearch-baseline';

interface Args {
  kb: string;
  queries: string;
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
  const queries = value('queries') ?? sharedEvalPath('dev.jsonl');
  if (!kb || !queries) {
    console.error('usage: eval --kb <kb.json> --queries <queries.jsonl> (no ../shared/eval defaults found)');
    process.exit(2);
  }
  return {
    kb: resolve(kb),
    queries: resolve(queries),
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
  const queries = loadQueries(args.queries);
  const engine = new FaqAnswerEngine();
  engine.load(entries, loadThesaurusFile(args.thesaurus));
  const intents = new ExampleIntentClassifier(loadIntentsFile(args.intents));

  const traces = traceLotse(queries, intents, engine);
  const lotseDecisions = decide(traces);
  const lotse = computeMetrics(queries, lotseDecisions);
  const baseline = new MiniSearchBaseline(entries).evaluate(queries);
  const bm25 = computeMetrics(queries, baseline.decisions);

  console.log(`kb: ${args.kb} (${entries.length} entries)  queries: ${args.queries} (${queries.length})`);
  printTable(lotse, bm25);
  console.log(
    `BM25 baseline: minisearch (question x2, tags x1.5, answer x1, fuzzy 0.2, prefix); answers when raw score >= ${baseline.threshold.toFixed(2)}, a threshold tuned on this query set (optimistic for the baseline).`,
  );
  console.log('Lotse: default thresholds and confidence model from src/nlp/answer-decision.ts (not tuned on this run).');

  if (args.verbose) printMisses(queries, lotseDecisions, traces);
  if (args.fit) {
    const fitted = fitDecision(queries, traces);
    console.log('\nFitted on all queries:', JSON.stringify(fitted.model), JSON.stringify(fitted.thresholds));
    console.log('  metrics with fitted decision:', JSON.stringify(computeMetrics(queries, decide(traces, fitted.model, fitted.thresholds))));
    for (const line of splitHalfCheck(queries, traces)) console.log(line);
  }
  console.log(JSON.stringify({ lotse, bm25 }));
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

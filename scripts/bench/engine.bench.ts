import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { configureLogger } from '../../src/logging/logger';
import { FaqAnswerEngine } from '../../src/nlp/faq-answer-engine';
import { loadThesaurusFile } from '../../src/nlp/knowledge-data.loader';
import type { EvalQuery } from '../eval/eval-data';
import { MiniSearchBaseline } from '../eval/minisearch-baseline';
import { loadBenchData, replicateSeed } from './engine-corpus';

/** Figures of one engine (milliseconds, megabytes). */
export interface EngineFigures {
  readonly p99Ms: number;
  readonly p99Ms10k: number;
  readonly build10kMs: number;
  readonly rssMb10k: number;
}

interface Searcher {
  search(query: string): void;
}

const ROUNDS_SEED = 5;
/** minisearch needs ~1 s per query at 10,000 entries: it gets a sample of the questions there. */
const MINISEARCH_10K_SAMPLE = 40;

/**
 * Per-query latency (mean, p99) and index build time of Lotse's engine and the minisearch baseline
 * on the seed knowledge (shared/eval/kb.json, 80 entries) and on 10,000 entries (the seed
 * replicated with varied text), with the dev questions as queries; RSS growth of a 10,000-entry
 * index measured in a fresh child process per engine.
 */
export async function benchEngines(): Promise<{ lotse: EngineFigures; minisearch: EngineFigures }> {
  configureLogger('warn');
  const { seed, queries } = loadBenchData();
  const thesaurusPath = resolve('knowledge/thesaurus.json');
  const thesaurus = loadThesaurusFile(thesaurusPath);
  const big = replicateSeed(seed, 10_000);

  const lotse = (entries: typeof seed): Searcher => {
    const engine = new FaqAnswerEngine();
    engine.load(entries, thesaurus);
    return { search: (q) => void engine.answer(q) };
  };
  const minisearch = (entries: typeof seed): Searcher => {
    const baseline = new MiniSearchBaseline(entries);
    return { search: (q) => void baseline.rank(q) };
  };

  const results: Record<'lotse' | 'minisearch', EngineFigures> = {} as Record<'lotse' | 'minisearch', EngineFigures>;
  for (const [name, make] of [
    ['lotse', lotse],
    ['minisearch', minisearch],
  ] as const) {
    const small = timeBuild(() => make(seed));
    const seedLatency = measure(small.value, queries, ROUNDS_SEED);
    const large = timeBuild(() => make(big));
    const sample = name === 'minisearch' ? queries.slice(0, MINISEARCH_10K_SAMPLE) : queries;
    const largeLatency = measure(large.value, sample, 1);
    const rssMb10k = childRss(name, thesaurusPath);
    console.log(
      `${name.padEnd(11)} seed(${seed.length}): build ${small.ms.toFixed(1)} ms, query mean ${seedLatency.mean.toFixed(3)} ms p99 ${seedLatency.p99.toFixed(3)} ms` +
        ` | 10k: build ${large.ms.toFixed(0)} ms, query mean ${largeLatency.mean.toFixed(2)} ms p99 ${largeLatency.p99.toFixed(2)} ms (n=${largeLatency.n}), RSS +${rssMb10k} MB`,
    );
    results[name] = {
      p99Ms: round(seedLatency.p99),
      p99Ms10k: round(largeLatency.p99),
      build10kMs: round(large.ms),
      rssMb10k,
    };
  }
  return results;
}

function timeBuild<T>(build: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = build();
  return { value, ms: performance.now() - started };
}

function measure(searcher: Searcher, queries: readonly EvalQuery[], rounds: number): { mean: number; p99: number; n: number } {
  for (const query of queries.slice(0, 20)) searcher.search(query.q); // warm-up
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const query of queries) {
      const started = performance.now();
      searcher.search(query.q);
      samples.push(performance.now() - started);
    }
  }
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((sum, v) => sum + v, 0) / Math.max(1, samples.length);
  const p99 = samples[Math.min(samples.length - 1, Math.ceil(samples.length * 0.99) - 1)] ?? 0;
  return { mean, p99, n: samples.length };
}

function childRss(engine: 'lotse' | 'minisearch', thesaurusPath: string): number {
  const output = execFileSync(process.execPath, ['--expose-gc', join(__dirname, 'engine-rss-child.js'), engine, thesaurusPath], {
    encoding: 'utf8',
  });
  const last = output.trim().split('\n').pop() ?? '{}';
  return (JSON.parse(last) as { rssMb?: number }).rssMb ?? Number.NaN;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * Child process of the engine benchmark: measures the RSS growth of building one engine over
 * 10,000 entries in a fresh process (run with --expose-gc). Prints one JSON line `{ "rssMb": n }`.
 */
import { configureLogger } from '../../src/logging/logger';
import { FaqAnswerEngine } from '../../src/nlp/faq-answer-engine';
import { loadThesaurusFile } from '../../src/nlp/knowledge-data.loader';
import { MiniSearchBaseline } from '../eval/minisearch-baseline';
import { loadBenchData, replicateSeed } from './engine-corpus';

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) for (let i = 0; i < 3; i += 1) gc();
}

function main(): void {
  configureLogger('warn');
  const engineName = process.argv[2];
  const thesaurusPath = process.argv[3] ?? 'knowledge/thesaurus.json';
  const entries = replicateSeed(loadBenchData().seed, 10_000);
  const thesaurus = loadThesaurusFile(thesaurusPath);
  collect();
  const before = process.memoryUsage().rss;
  let keep: unknown;
  if (engineName === 'lotse') {
    const engine = new FaqAnswerEngine();
    engine.load(entries, thesaurus);
    engine.answer('Wann ist eine Datenschutz-Folgenabschätzung erforderlich?');
    keep = engine;
  } else {
    const baseline = new MiniSearchBaseline(entries);
    baseline.rank('Wann ist eine Datenschutz-Folgenabschätzung erforderlich?');
    keep = baseline;
  }
  collect();
  const after = process.memoryUsage().rss;
  console.log(JSON.stringify({ rssMb: Math.round(((after - before) / 1024 / 1024) * 10) / 10, kept: keep !== undefined }));
}

main();

import type { FaqEntry } from '../../src/domain/knowledge/faq-entry';
import { loadKb, loadQueries, sharedEvalPath, type EvalQuery } from '../eval/eval-data';

const PLACES = ['Musterstadt', 'Beispielhausen', 'Neudorf', 'Altkirchen', 'Bergheim', 'Talhausen', 'Seefeld', 'Waldbach'];

/** The seed knowledge and the dev questions used by the engine benchmark (shared/eval). */
export function loadBenchData(): { seed: FaqEntry[]; queries: EvalQuery[] } {
  const kb = sharedEvalPath('kb.json');
  const dev = sharedEvalPath('dev.jsonl');
  if (!kb || !dev) throw new Error('shared/eval/kb.json and dev.jsonl are needed beside the repository (../shared/eval)');
  return { seed: loadKb(kb), queries: loadQueries(dev) };
}

/**
 * `count` entries made from the seed: distinct ids, the question with a variant place and number,
 * the answer's sentences rotated, an extra tag — so the index sees realistic, not identical, texts.
 */
export function replicateSeed(seed: readonly FaqEntry[], count: number): FaqEntry[] {
  const entries: FaqEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    const base = seed[i % seed.length] as FaqEntry;
    const variant = Math.floor(i / seed.length);
    if (variant === 0) {
      entries.push(base);
      continue;
    }
    const place = `${PLACES[variant % PLACES.length] ?? 'Musterstadt'} ${variant}`;
    const sentences = base.answer.split(/(?<=\.)\s+/);
    const shift = variant % Math.max(1, sentences.length);
    entries.push({
      ...base,
      id: `${base.id}-v${variant}`,
      question: `${base.question.replace(/\?$/, '')} in ${place}?`,
      answer: [...sentences.slice(shift), ...sentences.slice(0, shift)].join(' '),
      tags: [...base.tags, `region-${variant}`],
    });
  }
  return entries;
}

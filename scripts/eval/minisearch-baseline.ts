import MiniSearch from 'minisearch';
import type { FaqEntry } from '../../src/domain/knowledge/faq-entry';
import type { EvalQuery } from './eval-data';
import { computeMetrics, type EvalDecision } from './metrics';

/**
 * The reference baseline of shared/eval/README.md: minisearch 7.2 BM25 over question (boost 2),
 * tags (1.5) and answer (1), fuzzy 0.2, prefix search; answers when the raw top score reaches a
 * threshold (tuned on the evaluated query set itself, as the reference table did).
 */
export class MiniSearchBaseline {
  private readonly search: MiniSearch<{ id: string; question: string; tags: string; answer: string }>;

  constructor(entries: readonly FaqEntry[]) {
    this.search = new MiniSearch({ fields: ['question', 'tags', 'answer'], storeFields: [] });
    this.search.addAll(entries.map((e) => ({ id: e.id, question: e.question, tags: e.tags.join(' '), answer: e.answer })));
  }

  /** Ranked ids and scores for one query. */
  rank(query: string): { ids: string[]; scores: number[] } {
    const results = this.search.search(query, { boost: { question: 2, tags: 1.5, answer: 1 }, fuzzy: 0.2, prefix: true });
    const top = results.slice(0, 5);
    return { ids: top.map((r) => String(r.id)), scores: top.map((r) => r.score) };
  }

  /** Decisions for all queries with the raw-score threshold that maximises overall accuracy on them. */
  evaluate(queries: readonly EvalQuery[]): { decisions: EvalDecision[]; threshold: number } {
    const ranked = queries.map((query) => this.rank(query.q));
    const candidates = [...new Set(ranked.map((r) => r.scores[0] ?? 0))].sort((a, b) => a - b);
    let best = { threshold: Infinity, accuracy: -1 };
    for (const threshold of [...candidates, Infinity]) {
      const decisions = toDecisions(ranked, threshold);
      const accuracy = computeMetrics(queries, decisions).overallAccuracy;
      if (accuracy > best.accuracy) best = { threshold, accuracy };
    }
    return { decisions: toDecisions(ranked, best.threshold), threshold: best.threshold };
  }
}

function toDecisions(ranked: readonly { ids: string[]; scores: number[] }[], threshold: number): EvalDecision[] {
  return ranked.map((r) => ({
    ranked: r.ids,
    outcome: (r.scores[0] ?? 0) >= threshold && r.ids.length > 0 ? 'answer' : 'none',
    choices: [],
  }));
}

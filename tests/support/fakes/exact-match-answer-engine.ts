import type { AnswerEngine, AnswerResult } from '../../../src/domain/knowledge/answer-engine';
import type { FaqEntry } from '../../../src/domain/knowledge/faq-entry';

/**
 * An answer engine that answers a question only when it equals (case-insensitively, trimmed) the
 * question or an alternative question of a loaded entry — enough to see which knowledge is loaded.
 */
export class ExactMatchAnswerEngine implements AnswerEngine {
  private byQuestion = new Map<string, string>();

  load(entries: readonly FaqEntry[]): void {
    this.byQuestion = new Map(entries.flatMap((entry) => [entry.question, ...entry.alternativeQuestions].map((q) => [normalise(q), entry.id] as const)));
  }

  answer(question: string): AnswerResult {
    const entryId = this.byQuestion.get(normalise(question));
    if (entryId === undefined) return { outcome: 'none', candidates: [], choiceCount: 0 };
    return { outcome: 'answer', candidates: [{ entryId, score: 10, confidence: 0.95 }], choiceCount: 0 };
  }

  get size(): number {
    return new Set(this.byQuestion.values()).size;
  }
}

function normalise(text: string): string {
  return text.trim().toLowerCase();
}

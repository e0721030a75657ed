import { AppError, ErrorCode } from '../../../src/domain/errors';
import type { AnswerEngine, AnswerResult, Candidate } from '../../../src/domain/knowledge/answer-engine';
import type { FaqEntry } from '../../../src/domain/knowledge/faq-entry';
import type { Thesaurus } from '../../../src/domain/knowledge/thesaurus';

const NONE: AnswerResult = { outcome: 'none', candidates: [], choiceCount: 0 };

/** A candidate with a score; confidence defaults to score / 10 (capped at 1). */
export function candidate(entryId: string, score: number, confidence = Math.min(score / 10, 1)): Candidate {
  return { entryId, score, confidence };
}

/** A confident answer with `entryId` first, then the other candidates. */
export function answerResult(entryId: string, ...others: Candidate[]): AnswerResult {
  return { outcome: 'answer', candidates: [candidate(entryId, 9.5, 0.92), ...others], choiceCount: 0 };
}

/** An ambiguous result offering the given entries (best first) as choices. */
export function choicesResult(...entryIds: string[]): AnswerResult {
  return { outcome: 'choices', candidates: entryIds.map((id, index) => candidate(id, 5 - index * 0.3, 0.5 - index * 0.03)), choiceCount: Math.min(entryIds.length, 3) };
}

/** No answer; weak candidates are kept for the question log. */
export function noneResult(...entryIds: string[]): AnswerResult {
  return { outcome: 'none', candidates: entryIds.map((id, index) => candidate(id, 1 - index * 0.1, 0.1)), choiceCount: 0 };
}

/**
 * An answer engine that returns scripted results per question (matched case-insensitively after
 * trimming) and "none" for anything else. Remembers every question it was asked.
 */
export class FakeAnswerEngine implements AnswerEngine {
  readonly asked: string[] = [];
  private readonly scripts = new Map<string, AnswerResult>();
  private readonly failures = new Set<string>();
  private loaded: readonly FaqEntry[] = [];

  script(question: string, result: AnswerResult): this {
    this.scripts.set(normalise(question), result);
    return this;
  }

  /** Makes the engine throw for this question (the port says it never does: tests of the safety net). */
  failOn(question: string): this {
    this.failures.add(normalise(question));
    return this;
  }

  load(entries: readonly FaqEntry[], _thesaurus: Thesaurus): void {
    this.loaded = entries;
  }

  answer(question: string): AnswerResult {
    this.asked.push(question);
    if (this.failures.has(normalise(question))) throw new AppError(ErrorCode.Internal, 'engine failure (fake)');
    return this.scripts.get(normalise(question)) ?? NONE;
  }

  get size(): number {
    return this.loaded.length;
  }
}

function normalise(question: string): string {
  return question.trim().toLowerCase();
}

import type { DashboardUser } from '../access/dashboard-user';
import type { FaqEntry } from '../knowledge/faq-entry';
import { FAQ_LIMITS } from '../knowledge/faq-entry.schema';

/** Who turns a knowledge gap or a ticket into FAQ content (recorded by the editor as the author). */
export type DraftAuthor = Pick<DashboardUser, 'id' | 'name'>;

/** A new FAQ entry in status `draft`, to be completed and published in the knowledge editor. */
export interface FaqDraft {
  readonly question: string;
  readonly alternativeQuestions: readonly string[];
  /** The answer, or {@link DRAFT_ANSWER_PLACEHOLDER} when an editor still has to write it. */
  readonly answer: string;
  readonly category: string;
  /** Where the draft comes from, e.g. `Ticket LOT-2026-000042` or `Wissenslücke (12 Fragen)`. */
  readonly source: string;
}

/**
 * Port to the knowledge editor (the lead adapts the editor service to it in main.ts). Both calls
 * throw AppError: `NOT_FOUND` for an unknown entry, `VALIDATION_FAILED` when the editor's rules
 * refuse the content (e.g. too many alternative questions).
 */
export interface KnowledgeDrafts {
  /** Creates an entry with status `draft`; returns its id. */
  createDraft(draft: FaqDraft, author: DraftAuthor): Promise<{ id: string }>;
  /** Adds the questions to the entry's alternative questions (they are new to it, see {@link questionsNewTo}). */
  addAlternativeQuestions(entryId: string, questions: readonly string[], author: DraftAuthor): Promise<void>;
}

/** Port: the FAQ entries to choose from (all statuses; the knowledge repository fits). */
export interface KnowledgeCatalog {
  listAll(): Promise<readonly FaqEntry[]>;
}

/** The answer a draft gets when nobody has written it yet (long enough for the editor's minimum). */
export const DRAFT_ANSWER_PLACEHOLDER = 'Antwort noch zu schreiben: Dieser Entwurf wurde aus unbeantworteten Fragen angelegt.';

/**
 * A user's text as an FAQ question: one line, spaces collapsed, control characters removed; null
 * when it is shorter or longer than the FAQ allows ({@link FAQ_LIMITS}).
 */
export function toFaqQuestion(text: string): string | null {
  // eslint-disable-next-line no-control-regex
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replace(/\s+/g, ' ').trim();
  return line.length >= FAQ_LIMITS.questionMin && line.length <= FAQ_LIMITS.questionMax ? line : null;
}

/**
 * The texts that are usable FAQ questions, each phrasing once (case-insensitive), in the given
 * order, without those in `existing`, at most `limit`.
 */
export function questionsNewTo(texts: readonly string[], existing: readonly string[], limit: number): string[] {
  const seen = new Set(existing.map((text) => text.toLowerCase()));
  const result: string[] = [];
  for (const text of texts) {
    if (result.length >= limit) break;
    const question = toFaqQuestion(text);
    if (question === null || seen.has(question.toLowerCase())) continue;
    seen.add(question.toLowerCase());
    result.push(question);
  }
  return result;
}

/** How many alternative questions an FAQ entry may have. */
export const MAX_ALTERNATIVE_QUESTIONS = FAQ_LIMITS.alternativeQuestionsMax;

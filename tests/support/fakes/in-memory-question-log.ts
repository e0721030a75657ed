import { AppError, ErrorCode } from '../../../src/domain/errors';
import type { Feedback, QuestionLog, QuestionRecord } from '../../../src/domain/knowledge/question-log';

/** A question log in memory, with a switch that makes every write fail like an unavailable store. */
export class InMemoryQuestionLog implements QuestionLog {
  private readonly byId = new Map<string, QuestionRecord>();
  /** When true, `record`, `recordChoice` and `recordFeedback` throw STORE_UNAVAILABLE. */
  failWrites = false;
  /** Number of successful writes of any kind. */
  writes = 0;

  /** All records in the order they were asked. */
  get records(): QuestionRecord[] {
    return [...this.byId.values()];
  }

  async record(question: QuestionRecord): Promise<void> {
    this.assertWritable();
    if (this.byId.has(question.id)) throw new AppError(ErrorCode.DuplicateKey, 'question id exists');
    this.byId.set(question.id, question);
    this.writes += 1;
  }

  async recordChoice(questionId: string, entryId: string): Promise<boolean> {
    this.assertWritable();
    const question = this.byId.get(questionId);
    if (!question) return false;
    this.byId.set(questionId, { ...question, answeredEntryId: entryId });
    this.writes += 1;
    return true;
  }

  async recordFeedback(questionId: string, feedback: Feedback, at: string): Promise<boolean> {
    this.assertWritable();
    const question = this.byId.get(questionId);
    if (!question) return false;
    this.byId.set(questionId, { ...question, feedback, feedbackAt: at });
    this.writes += 1;
    return true;
  }

  async get(questionId: string): Promise<QuestionRecord | null> {
    return this.byId.get(questionId) ?? null;
  }

  private assertWritable(): void {
    if (this.failWrites) throw new AppError(ErrorCode.StoreUnavailable, 'question log unavailable (fake)');
  }
}

import { AppError, ErrorCode } from '../domain/errors';
import type { Feedback, QuestionLog, QuestionRecord } from '../domain/knowledge/question-log';
import type { Collection, DocumentStore } from './document-store';
import { assertId } from './repository-guards';

type QuestionDocument = QuestionRecord & { _id: string };

const FEEDBACK: ReadonlySet<string> = new Set<Feedback>(['helpful', 'not_helpful']);

function toRecord(doc: QuestionDocument): QuestionRecord {
  const { _id: _ignored, ...record } = doc;
  return record;
}

/** The question log over the document store: collection `questions` (`_id` = question id), indexed on askedAt. */
export class DocumentQuestionLog implements QuestionLog {
  private readonly questions: Collection<QuestionDocument>;
  private indexes: Promise<void> | undefined;

  constructor(store: DocumentStore) {
    this.questions = store.collection<QuestionDocument>('questions');
  }

  /** Creates the indexes once (also done lazily by the first call). */
  ensureIndexes(): Promise<void> {
    this.indexes ??= this.questions.createIndex({ fields: { askedAt: 1 }, name: 'askedAt_1' }).catch((error: unknown) => {
      this.indexes = undefined;
      throw error;
    });
    return this.indexes;
  }

  async record(question: QuestionRecord): Promise<void> {
    assertId(question.id, 'question id');
    await this.ensureIndexes();
    await this.questions.insertOne({ _id: question.id, ...question });
  }

  async recordChoice(questionId: string, entryId: string): Promise<boolean> {
    assertId(questionId, 'question id');
    assertId(entryId, 'entry id');
    await this.ensureIndexes();
    const result = await this.questions.updateOne({ _id: questionId }, { $set: { answeredEntryId: entryId } });
    return result.matchedCount === 1;
  }

  async recordFeedback(questionId: string, feedback: Feedback, at: string): Promise<boolean> {
    assertId(questionId, 'question id');
    if (!FEEDBACK.has(feedback)) throw new AppError(ErrorCode.ValidationFailed, 'feedback must be helpful or not_helpful');
    if (typeof at !== 'string') throw new AppError(ErrorCode.ValidationFailed, 'feedback time must be an ISO string');
    await this.ensureIndexes();
    const result = await this.questions.updateOne({ _id: questionId }, { $set: { feedback, feedbackAt: at } });
    return result.matchedCount === 1;
  }

  async get(questionId: string): Promise<QuestionRecord | null> {
    assertId(questionId, 'question id');
    const doc = await this.questions.findOne({ _id: questionId });
    return doc ? toRecord(doc) : null;
  }
}

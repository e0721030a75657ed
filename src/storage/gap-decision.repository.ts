import { ErrorCode, isAppError } from '../domain/errors';
import type { GapDecision, GapDecisionStore, GapQuestion } from '../domain/insights/knowledge-gaps';
import type { InstantRange } from '../domain/insights/reporting-period';
import type { Collection, DocumentStore } from './document-store';
import { assertInstantRange } from './instant-range';
import { assertId } from './repository-guards';

type DecisionDocument = GapDecision & { _id: string; state: 'pending' | 'done'; completedAt: string | null };

/** One handled question: `_id` = question id, so a question can belong to one decision only. */
interface MarkDocument {
  _id: string;
  decisionId: string;
  askedAt: string;
}

/**
 * Handled knowledge gaps: collection `gapDecisions` (one document per decision) and
 * `gapQuestionMarks` (one per handled question, `_id` = question id). The unique `_id` of the marks
 * is what makes a claim exclusive on both backends without transactions.
 */
export class DocumentGapDecisionStore implements GapDecisionStore {
  private readonly decisions: Collection<DecisionDocument>;
  private readonly marks: Collection<MarkDocument>;
  private indexes: Promise<void> | undefined;

  constructor(store: DocumentStore) {
    this.decisions = store.collection<DecisionDocument>('gapDecisions');
    this.marks = store.collection<MarkDocument>('gapQuestionMarks');
  }

  /** Creates the indexes once (also done lazily by the first call). */
  ensureIndexes(): Promise<void> {
    this.indexes ??= this.createIndexes().catch((error: unknown) => {
      this.indexes = undefined;
      throw error;
    });
    return this.indexes;
  }

  async handledQuestionIds(range: InstantRange): Promise<ReadonlySet<string>> {
    assertInstantRange(range);
    await this.ensureIndexes();
    const marks = await this.marks.find({ askedAt: { $gte: range.start, $lt: range.end } });
    return new Set(marks.map((mark) => mark._id));
  }

  async claim(decision: GapDecision, questions: readonly Pick<GapQuestion, 'id' | 'askedAt'>[]): Promise<boolean> {
    assertId(decision.id, 'decision id');
    questions.forEach((question) => assertId(question.id, 'question id'));
    await this.ensureIndexes();
    await this.decisions.insertOne({ ...decision, questionIds: [...decision.questionIds], _id: decision.id, state: 'pending', completedAt: null });
    try {
      await this.marks.insertMany(questions.map((question) => ({ _id: question.id, decisionId: decision.id, askedAt: question.askedAt })));
      return true;
    } catch (error) {
      if (!isAppError(error, ErrorCode.DuplicateKey)) {
        await this.release(decision.id).catch(() => undefined);
        throw error;
      }
      await this.release(decision.id);
      return false;
    }
  }

  async complete(decisionId: string, entryId: string, at: string): Promise<void> {
    assertId(decisionId, 'decision id');
    assertId(entryId, 'entry id');
    await this.decisions.updateOne({ _id: decisionId }, { $set: { state: 'done', entryId, completedAt: String(at) } });
  }

  async release(decisionId: string): Promise<void> {
    assertId(decisionId, 'decision id');
    await this.marks.deleteMany({ decisionId });
    await this.decisions.deleteOne({ _id: decisionId });
  }

  async releaseStale(before: string): Promise<number> {
    assertId(before, 'time');
    await this.ensureIndexes();
    const stale = await this.decisions.find({ state: 'pending', decidedAt: { $lt: before } }, { limit: 100 });
    for (const decision of stale) await this.release(decision._id);
    return stale.length;
  }

  private async createIndexes(): Promise<void> {
    await this.marks.createIndex({ fields: { askedAt: 1 }, name: 'askedAt_1' });
    await this.marks.createIndex({ fields: { decisionId: 1 }, name: 'decisionId_1' });
    await this.decisions.createIndex({ fields: { state: 1, decidedAt: 1 }, name: 'state_decidedAt' });
  }
}

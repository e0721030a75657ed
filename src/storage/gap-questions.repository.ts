import type { GapQuestion, GapQuestionSource } from '../domain/insights/knowledge-gaps';
import type { InstantRange } from '../domain/insights/reporting-period';
import type { QuestionRecord } from '../domain/knowledge/question-log';
import type { Collection, DocumentStore } from './document-store';
import { assertInstantRange } from './instant-range';

type QuestionDocument = QuestionRecord & { _id: string };

/** Most gap questions one read returns. */
const MAX_LIMIT = 20_000;

/** Reads the knowledge-gap questions from the question log (collection `questions`, index `askedAt_1`). */
export class DocumentGapQuestionSource implements GapQuestionSource {
  private readonly questions: Collection<QuestionDocument>;

  constructor(store: DocumentStore) {
    this.questions = store.collection<QuestionDocument>('questions');
  }

  async listGapQuestions(range: InstantRange, limit: number): Promise<GapQuestion[]> {
    assertInstantRange(range);
    const docs = await this.questions.find(
      {
        askedAt: { $gte: range.start, $lt: range.end },
        $or: [{ outcome: { $in: ['none', 'choices'] } }, { outcome: 'answer', feedback: 'not_helpful' }],
      },
      { sort: { askedAt: -1, _id: 1 }, limit: Math.max(1, Math.min(Math.trunc(limit) || 1, MAX_LIMIT)) },
    );
    return docs.map(({ id, askedAt, text, outcome, candidates, answeredEntryId, feedback }) => ({
      id,
      askedAt,
      text,
      outcome,
      candidates,
      answeredEntryId,
      feedback,
    }));
  }
}

import type {
  AnalyticsSource,
  AskedQuestion,
  KeyCount,
  OutcomeCount,
  ScoreCount,
  ServedQuestion,
  TicketStart,
  TicketTiming,
} from '../domain/insights/analytics-source';
import type { InstantRange } from '../domain/insights/reporting-period';
import type { QuestionRecord } from '../domain/knowledge/question-log';
import type { Ticket } from '../domain/tickets/ticket';
import type { Collection, DocumentStore, Filter } from './document-store';
import { assertInstantRange } from './instant-range';

type QuestionDocument = QuestionRecord & { _id: string };
type TicketDocument = Ticket & { _id: string };

/** A time range as a filter condition. */
function within(range: InstantRange): Filter {
  assertInstantRange(range);
  return { $gte: range.start, $lt: range.end };
}

interface GroupRow {
  _id: unknown;
  n: number;
}

function keyCounts(rows: readonly GroupRow[]): KeyCount[] {
  return rows.map((row) => ({ key: typeof row._id === 'string' ? row._id : '', count: row.n }));
}

/**
 * The analytics reads over the document store, in the aggregation subset both backends run:
 * `$match` on the indexed time field first, then `$group` for counts, or a plain `$project` for the
 * lists the domain reduces itself (per-day buckets, medians, the 24-hour ticket join).
 */
export class DocumentAnalyticsSource implements AnalyticsSource {
  private readonly questions: Collection<QuestionDocument>;
  private readonly tickets: Collection<TicketDocument>;
  private indexes: Promise<void> | undefined;

  constructor(store: DocumentStore) {
    this.questions = store.collection<QuestionDocument>('questions');
    this.tickets = store.collection<TicketDocument>('tickets');
  }

  /** Creates the ticket index on `createdAt` the ticket figures filter on (questions have `askedAt_1`). */
  ensureIndexes(): Promise<void> {
    this.indexes ??= this.tickets.createIndex({ fields: { createdAt: 1 }, name: 'createdAt_1' }).catch((error: unknown) => {
      this.indexes = undefined;
      throw error;
    });
    return this.indexes;
  }

  async questionOutcomes(range: InstantRange): Promise<OutcomeCount[]> {
    const rows = await this.questions.aggregate<{ _id: { outcome: OutcomeCount['outcome']; feedback?: OutcomeCount['feedback'] }; n: number }>([
      { $match: { askedAt: within(range) } },
      { $group: { _id: { outcome: '$outcome', feedback: '$feedback' }, n: { $sum: 1 } } },
    ]);
    return rows.map((row) => ({ outcome: row._id.outcome, feedback: row._id.feedback ?? null, count: row.n }));
  }

  async askedQuestions(range: InstantRange): Promise<AskedQuestion[]> {
    return this.questions.aggregate<AskedQuestion>([
      { $match: { askedAt: within(range), outcome: { $in: ['answer', 'choices', 'none'] } } },
      { $project: { _id: 0, askedAt: 1, outcome: 1 } },
    ]);
  }

  async servedQuestions(range: InstantRange): Promise<ServedQuestion[]> {
    return this.questions.aggregate<ServedQuestion>([
      {
        $match: {
          askedAt: within(range),
          $or: [{ outcome: 'answer' }, { outcome: 'choices', answeredEntryId: { $ne: null } }],
          feedback: { $ne: 'not_helpful' },
        },
      },
      { $project: { _id: 0, userId: 1, askedAt: 1 } },
    ]);
  }

  async ticketStarts(range: InstantRange): Promise<TicketStart[]> {
    await this.ensureIndexes();
    const rows = await this.tickets.aggregate<Pick<Ticket, 'requester' | 'createdAt'>>([
      { $match: { createdAt: within(range) } },
      { $project: { _id: 0, requester: 1, createdAt: 1 } },
    ]);
    return rows.map((row) => ({ requesterId: row.requester.id, createdAt: row.createdAt }));
  }

  async ticketsByCategory(range: InstantRange): Promise<KeyCount[]> {
    return keyCounts(await this.countTickets(range, '$category'));
  }

  async ticketsByMunicipality(range: InstantRange): Promise<KeyCount[]> {
    return keyCounts(await this.countTickets(range, '$requester.municipality'));
  }

  async satisfactionScores(range: InstantRange): Promise<ScoreCount[]> {
    await this.ensureIndexes();
    const rows = await this.tickets.aggregate<GroupRow>([
      { $match: { createdAt: within(range), 'satisfaction.score': { $in: [1, 2, 3, 4, 5] } } },
      { $group: { _id: '$satisfaction.score', n: { $sum: 1 } } },
    ]);
    return rows.map((row) => ({ score: Number(row._id), count: row.n }));
  }

  async ticketTimings(range: InstantRange): Promise<TicketTiming[]> {
    await this.ensureIndexes();
    return this.tickets.aggregate<TicketTiming>([
      { $match: { createdAt: within(range) } },
      { $project: { _id: 0, createdAt: 1, status: 1, sla: 1 } },
    ]);
  }

  private async countTickets(range: InstantRange, field: string): Promise<GroupRow[]> {
    await this.ensureIndexes();
    return this.tickets.aggregate<GroupRow>([
      { $match: { createdAt: within(range) } },
      { $group: { _id: field, n: { $sum: 1 } } },
    ]);
  }
}

import { AppError, ErrorCode } from '../../../src/domain/errors';
import type { DraftAuthor, FaqDraft, KnowledgeCatalog, KnowledgeDrafts } from '../../../src/domain/insights/knowledge-drafts';
import type { GapDecision, GapDecisionStore, GapQuestion, GapQuestionSource } from '../../../src/domain/insights/knowledge-gaps';
import type { InstantRange } from '../../../src/domain/insights/reporting-period';
import type { TicketDraftLink, TicketDraftLinks } from '../../../src/domain/insights/ticket-faq-draft.service';
import type { FaqEntry } from '../../../src/domain/knowledge/faq-entry';

/** Yields to the event loop, so that concurrent calls interleave as they would against a store. */
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

const inRange = (at: string, range: InstantRange) => at >= range.start && at < range.end;

/** Gap questions from a list, with the storage adapter's selection and order. */
export class ListGapQuestionSource implements GapQuestionSource {
  constructor(readonly questions: GapQuestion[] = []) {}

  async listGapQuestions(range: InstantRange, limit: number): Promise<GapQuestion[]> {
    await tick();
    return this.questions
      .filter((q) => inRange(q.askedAt, range))
      .filter((q) => q.outcome === 'none' || q.outcome === 'choices' || (q.outcome === 'answer' && q.feedback === 'not_helpful'))
      .sort((a, b) => (a.askedAt < b.askedAt ? 1 : a.askedAt > b.askedAt ? -1 : a.id < b.id ? -1 : 1))
      .slice(0, limit);
  }
}

interface StoredDecision {
  decision: GapDecision;
  state: 'pending' | 'done';
}

/** Handled gap questions in memory, exclusive per question like the store's unique `_id`. */
export class InMemoryGapDecisionStore implements GapDecisionStore {
  readonly decisions = new Map<string, StoredDecision>();
  /** question id -> { decisionId, askedAt } */
  readonly marks = new Map<string, { decisionId: string; askedAt: string }>();

  async handledQuestionIds(range: InstantRange): Promise<ReadonlySet<string>> {
    await tick();
    return new Set([...this.marks.entries()].filter(([, mark]) => inRange(mark.askedAt, range)).map(([id]) => id));
  }

  async claim(decision: GapDecision, questions: readonly Pick<GapQuestion, 'id' | 'askedAt'>[]): Promise<boolean> {
    await tick();
    if (questions.some((q) => this.marks.has(q.id))) return false;
    this.decisions.set(decision.id, { decision, state: 'pending' });
    for (const q of questions) this.marks.set(q.id, { decisionId: decision.id, askedAt: q.askedAt });
    return true;
  }

  async complete(decisionId: string, entryId: string): Promise<void> {
    await tick();
    const stored = this.decisions.get(decisionId);
    if (stored) this.decisions.set(decisionId, { decision: { ...stored.decision, entryId }, state: 'done' });
  }

  async release(decisionId: string): Promise<void> {
    await tick();
    this.decisions.delete(decisionId);
    for (const [id, mark] of this.marks) if (mark.decisionId === decisionId) this.marks.delete(id);
  }

  async releaseStale(before: string): Promise<number> {
    const stale = [...this.decisions.values()].filter((d) => d.state === 'pending' && d.decision.decidedAt < before);
    for (const d of stale) await this.release(d.decision.id);
    return stale.length;
  }

  /** The completed decisions, in claim order. */
  get done(): GapDecision[] {
    return [...this.decisions.values()].filter((d) => d.state === 'done').map((d) => d.decision);
  }
}

/**
 * The knowledge editor as the insight services see it: entries in memory, drafts get `kb-9NN` ids,
 * every call is recorded. `failWith` makes the next calls throw (like a refusing editor).
 */
export class FakeKnowledgeDrafts implements KnowledgeDrafts, KnowledgeCatalog {
  readonly entries = new Map<string, FaqEntry>();
  readonly created: { draft: FaqDraft; author: DraftAuthor }[] = [];
  readonly added: { entryId: string; questions: readonly string[]; author: DraftAuthor }[] = [];
  failWith: AppError | null = null;
  private nextId = 901;

  constructor(entries: readonly FaqEntry[] = []) {
    for (const entry of entries) this.entries.set(entry.id, entry);
  }

  async listAll(): Promise<FaqEntry[]> {
    await tick();
    return [...this.entries.values()];
  }

  async createDraft(draft: FaqDraft, author: DraftAuthor): Promise<{ id: string }> {
    await tick();
    if (this.failWith) throw this.failWith;
    const id = `kb-${this.nextId++}`;
    this.created.push({ draft, author });
    this.entries.set(id, { id, ...draft, alternativeQuestions: [...draft.alternativeQuestions], tags: ['entwurf'], owner: 'Team Wissen', reviewDate: '2027-01-01', status: 'draft' });
    return { id };
  }

  async addAlternativeQuestions(entryId: string, questions: readonly string[], author: DraftAuthor): Promise<void> {
    await tick();
    if (this.failWith) throw this.failWith;
    const entry = this.entries.get(entryId);
    if (!entry) throw new AppError(ErrorCode.NotFound, 'unknown entry');
    this.added.push({ entryId, questions, author });
    this.entries.set(entryId, { ...entry, alternativeQuestions: [...entry.alternativeQuestions, ...questions] });
  }
}

/** Ticket -> entry links in memory, one per ticket number. */
export class InMemoryTicketDraftLinks implements TicketDraftLinks {
  readonly links = new Map<string, TicketDraftLink>();

  async claim(link: TicketDraftLink, staleBefore: string): Promise<TicketDraftLink | null> {
    await tick();
    const existing = this.links.get(link.ticketNumber);
    if (existing && !(existing.entryId === null && existing.createdAt < staleBefore)) return existing;
    this.links.set(link.ticketNumber, { ...link, entryId: null });
    return null;
  }

  async complete(ticketNumber: string, entryId: string): Promise<void> {
    await tick();
    const link = this.links.get(ticketNumber);
    if (link) this.links.set(ticketNumber, { ...link, entryId });
  }

  async release(ticketNumber: string): Promise<void> {
    await tick();
    if (this.links.get(ticketNumber)?.entryId === null) this.links.delete(ticketNumber);
  }

  async get(ticketNumber: string): Promise<TicketDraftLink | null> {
    await tick();
    return this.links.get(ticketNumber) ?? null;
  }
}

let questionSeq = 0;

/** A gap question (defaults: no answer, asked 2026-03-10 10:00 UTC). */
export function gapQuestion(text: string, overrides: Partial<GapQuestion> = {}): GapQuestion {
  questionSeq += 1;
  return {
    id: `q-${String(questionSeq).padStart(4, '0')}`,
    askedAt: '2026-03-10T10:00:00.000Z',
    text,
    outcome: 'none',
    candidates: [],
    answeredEntryId: null,
    feedback: null,
    ...overrides,
  };
}

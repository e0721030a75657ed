import type { FaqEntry } from '../knowledge/faq-entry';
import { clusterQuestions } from './question-clustering';
import type { QuestionCluster, QuestionTermExtractor } from './question-clustering';
import { toGapGroup } from './gap-groups';
import type { GapGroup } from './gap-groups';
import { DRAFT_ANSWER_PLACEHOLDER, MAX_ALTERNATIVE_QUESTIONS, questionsNewTo, toFaqQuestion } from './knowledge-drafts';
import type { DraftAuthor, KnowledgeCatalog, KnowledgeDrafts } from './knowledge-drafts';
import type { GapAction, GapDecision, GapDecisionStore, GapQuestion, GapQuestionSource } from './knowledge-gaps';
import type { ReportingPeriod } from './reporting-period';

/** A pending decision older than this is taken as abandoned (its process stopped) and released. */
const STALE_DECISION_MS = 15 * 60_000;
/** At most this many gap questions (the newest) are grouped per report. */
export const DEFAULT_MAX_GAP_QUESTIONS = 5000;

export interface KnowledgeGapServiceDeps {
  readonly questions: GapQuestionSource;
  readonly decisions: GapDecisionStore;
  readonly drafts: KnowledgeDrafts;
  readonly catalog: KnowledgeCatalog;
  readonly terms: QuestionTermExtractor;
  /** Generates decision ids (e.g. `crypto.randomUUID`). */
  readonly newId: () => string;
  readonly now?: () => Date;
  /** Jaccard threshold of the grouping (default 0.5). */
  readonly threshold?: number;
  readonly maxQuestions?: number;
}

/** An entry the admin can add questions to. */
export type EntryChoice = Pick<FaqEntry, 'id' | 'question' | 'category' | 'status'>;

/** The knowledge gaps of a period. */
export interface GapReport {
  readonly period: ReportingPeriod;
  readonly groups: readonly GapGroup[];
  /** Gap questions not yet handled. */
  readonly questionCount: number;
  /** True when the period had more gap questions than are grouped (the newest are). */
  readonly truncated: boolean;
  /** Entries that are not retired, sorted by question. */
  readonly entries: readonly EntryChoice[];
  /** Categories of those entries, sorted. */
  readonly categories: readonly string[];
}

/** The outcome of an action on a group. */
export type GapActionResult =
  | { readonly kind: 'created'; readonly entryId: string; readonly questionCount: number }
  | { readonly kind: 'added'; readonly entryId: string; readonly questionCount: number; readonly addedQuestions: number }
  /** The group is gone: handled meanwhile, or its questions moved to other groups. */
  | { readonly kind: 'group_not_found' }
  /** Another decision took some of its questions first (e.g. a double submit). */
  | { readonly kind: 'already_handled' }
  | { readonly kind: 'unknown_entry' }
  | { readonly kind: 'unknown_category' }
  /** The entry has no room for more alternative questions. */
  | { readonly kind: 'entry_full' }
  /** No question of the group fits an FAQ question (too short or too long). */
  | { readonly kind: 'no_usable_question' };

interface LoadedGaps {
  readonly report: GapReport;
  readonly clusters: readonly QuestionCluster<GapQuestion>[];
  readonly entries: ReadonlyMap<string, FaqEntry>;
}

/**
 * Knowledge gaps: groups the questions Lotse could not answer well, and turns a group into a new
 * draft entry or into alternative questions of an existing entry. A group's questions are marked
 * handled first (claim), then the knowledge is changed, then the decision is completed; on failure
 * the claim is released. So a double submit changes the knowledge once.
 */
export class KnowledgeGapService {
  private readonly now: () => Date;

  constructor(private readonly deps: KnowledgeGapServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** The open (not handled) gap questions of the period, grouped. */
  async listGroups(period: ReportingPeriod): Promise<GapReport> {
    return (await this.load(period)).report;
  }

  /** Creates a draft entry from the group `groupKey`: its representative as question, other phrasings as alternatives. */
  async createEntryFromGroup(period: ReportingPeriod, groupKey: string, category: string, author: DraftAuthor): Promise<GapActionResult> {
    const { report, clusters, entries } = await this.load(period);
    if (!report.categories.includes(category)) return { kind: 'unknown_category' };
    const found = findGroup(clusters, groupKey, entries);
    if (!found) return { kind: 'group_not_found' };
    const [question, ...others] = questionsNewTo(found.group.phrasings, [], 1 + MAX_ALTERNATIVE_QUESTIONS);
    if (question === undefined) return { kind: 'no_usable_question' };
    const source = `Wissenslücke: ${found.group.count} Fragen vom ${period.from} bis ${period.to}`;
    const result = await this.apply(found.cluster, 'new_entry', null, author, async () => {
      const created = await this.deps.drafts.createDraft({ question, alternativeQuestions: others, answer: DRAFT_ANSWER_PLACEHOLDER, category, source }, author);
      return created.id;
    });
    return result === null ? { kind: 'already_handled' } : { kind: 'created', entryId: result, questionCount: found.group.count };
  }

  /** Adds the group's phrasings that are new to the entry as its alternative questions. */
  async addGroupToEntry(period: ReportingPeriod, groupKey: string, entryId: string, author: DraftAuthor): Promise<GapActionResult> {
    const { clusters, entries } = await this.load(period);
    const entry = entries.get(entryId);
    if (!entry || entry.status === 'retired') return { kind: 'unknown_entry' };
    const found = findGroup(clusters, groupKey, entries);
    if (!found) return { kind: 'group_not_found' };
    const existing = [entry.question, ...entry.alternativeQuestions];
    const fresh = questionsNewTo(found.group.phrasings, existing, Number.MAX_SAFE_INTEGER);
    const room = Math.max(0, MAX_ALTERNATIVE_QUESTIONS - entry.alternativeQuestions.length);
    if (fresh.length > 0 && room === 0) return { kind: 'entry_full' };
    if (fresh.length === 0 && found.group.phrasings.every((text) => toFaqQuestion(text) === null)) return { kind: 'no_usable_question' };
    const questions = fresh.slice(0, room);
    const result = await this.apply(found.cluster, 'alternative_questions', entryId, author, async () => {
      // Phrasings the entry has already need no change; the group is handled all the same.
      if (questions.length > 0) await this.deps.drafts.addAlternativeQuestions(entryId, questions, author);
      return entryId;
    });
    if (result === null) return { kind: 'already_handled' };
    return { kind: 'added', entryId, questionCount: found.group.count, addedQuestions: questions.length };
  }

  /** Claims the cluster's questions, runs `change`, completes the decision; null when the claim failed. */
  private async apply(
    cluster: QuestionCluster<GapQuestion>,
    action: GapAction,
    entryId: string | null,
    author: DraftAuthor,
    change: () => Promise<string>,
  ): Promise<string | null> {
    const decision: GapDecision = {
      id: this.deps.newId(),
      action,
      entryId,
      groupKey: cluster.key,
      questionIds: cluster.members.map((question) => question.id),
      decidedBy: author.id,
      decidedAt: this.now().toISOString(),
    };
    if (!(await this.deps.decisions.claim(decision, cluster.members))) return null;
    let changedEntryId: string;
    try {
      changedEntryId = await change();
    } catch (error) {
      await this.deps.decisions.release(decision.id).catch(() => undefined);
      throw error;
    }
    await this.deps.decisions.complete(decision.id, changedEntryId, this.now().toISOString());
    return changedEntryId;
  }

  private async load(period: ReportingPeriod): Promise<LoadedGaps> {
    const limit = this.deps.maxQuestions ?? DEFAULT_MAX_GAP_QUESTIONS;
    await this.deps.decisions.releaseStale(new Date(this.now().getTime() - STALE_DECISION_MS).toISOString());
    const [questions, handled, catalog] = await Promise.all([
      this.deps.questions.listGapQuestions(period, limit),
      this.deps.decisions.handledQuestionIds(period),
      this.deps.catalog.listAll(),
    ]);
    const open = questions.filter((question) => !handled.has(question.id));
    const clusters = clusterQuestions(open, this.deps.terms, { threshold: this.deps.threshold });
    const entries = new Map(catalog.map((entry) => [entry.id, entry]));
    const choices = catalog
      .filter((entry) => entry.status !== 'retired')
      .map(({ id, question, category, status }) => ({ id, question, category, status }))
      .sort((a, b) => a.question.localeCompare(b.question, 'de') || a.id.localeCompare(b.id));
    const report: GapReport = {
      period,
      groups: clusters.map((cluster) => toGapGroup(cluster, entries)),
      questionCount: open.length,
      truncated: questions.length >= limit,
      entries: choices,
      categories: [...new Set(choices.map((entry) => entry.category))].sort((a, b) => a.localeCompare(b, 'de')),
    };
    return { report, clusters, entries };
  }
}

/** The cluster that contains the variant `key` (a group keeps its variants while its leader may change). */
function findGroup(
  clusters: readonly QuestionCluster<GapQuestion>[],
  key: string,
  entries: ReadonlyMap<string, FaqEntry>,
): { cluster: QuestionCluster<GapQuestion>; group: GapGroup } | undefined {
  const cluster = clusters.find((candidate) => candidate.variantKeys.includes(key));
  return cluster ? { cluster, group: toGapGroup(cluster, entries) } : undefined;
}

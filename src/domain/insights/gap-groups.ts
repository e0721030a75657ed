import type { FaqEntry } from '../knowledge/faq-entry';
import { phrasingKey } from './question-clustering';
import type { QuestionCluster } from './question-clustering';
import type { GapQuestion } from './knowledge-gaps';

/** How many candidates a `choices` answer offers at most (as the ask dialog shows them). */
const OFFERED_CHOICES = 3;
const MAX_EXAMPLES = 5;
const MAX_OFFERED_ENTRIES = 5;

/** An FAQ entry the bot had offered for questions of a group. */
export interface OfferedEntry {
  readonly entryId: string;
  /** The entry's question, or null when the entry no longer exists. */
  readonly question: string | null;
  readonly category: string | null;
  /** In how many questions of the group it was shown (as the answer or among the choices). */
  readonly offered: number;
  /** How often a user picked it from the choices. */
  readonly chosen: number;
}

/** A group of similar gap questions, as the dashboard shows it. */
export interface GapGroup {
  readonly key: string;
  /** Keys of all term variants in the group (an action may name any of them). */
  readonly variantKeys: readonly string[];
  readonly count: number;
  readonly representative: Pick<GapQuestion, 'id' | 'text' | 'askedAt'>;
  /** Distinct phrasings, most frequent first (the representative's first). */
  readonly phrasings: readonly string[];
  /** Up to five other phrasings, for display. */
  readonly examples: readonly string[];
  readonly outcomes: { readonly none: number; readonly choices: number; readonly notHelpful: number };
  /** Most offered first (ties by id), at most five. */
  readonly offeredEntries: readonly OfferedEntry[];
  readonly firstAskedAt: string;
  readonly lastAskedAt: string;
  readonly questionIds: readonly string[];
}

/** The entries a question was shown: the answer, or the offered choices; none for `none`. */
function shownEntries(question: GapQuestion): string[] {
  if (question.outcome === 'answer') {
    const answered = question.answeredEntryId ?? question.candidates[0]?.entryId;
    return answered ? [answered] : [];
  }
  if (question.outcome === 'choices') return question.candidates.slice(0, OFFERED_CHOICES).map((candidate) => candidate.entryId);
  return [];
}

function offeredEntries(members: readonly GapQuestion[], entries: ReadonlyMap<string, FaqEntry>): OfferedEntry[] {
  const counts = new Map<string, { offered: number; chosen: number }>();
  for (const question of members) {
    for (const entryId of new Set(shownEntries(question))) {
      const count = counts.get(entryId) ?? { offered: 0, chosen: 0 };
      count.offered += 1;
      if (question.outcome === 'choices' && question.answeredEntryId === entryId) count.chosen += 1;
      counts.set(entryId, count);
    }
  }
  return [...counts.entries()]
    .sort(([idA, a], [idB, b]) => b.offered - a.offered || (idA < idB ? -1 : idA > idB ? 1 : 0))
    .slice(0, MAX_OFFERED_ENTRIES)
    .map(([entryId, count]) => {
      const entry = entries.get(entryId);
      return { entryId, question: entry?.question ?? null, category: entry?.category ?? null, ...count };
    });
}

/** Distinct phrasings, most frequent first, then the one asked first; the representative's phrasing leads. */
function phrasingsOf(members: readonly GapQuestion[], representative: GapQuestion): string[] {
  const byKey = new Map<string, { text: string; count: number; firstAt: string }>();
  for (const question of members) {
    const key = phrasingKey(question.text);
    const entry = byKey.get(key);
    if (!entry) byKey.set(key, { text: question.text.trim(), count: 1, firstAt: question.askedAt });
    else {
      entry.count += 1;
      if (question.askedAt < entry.firstAt) entry.firstAt = question.askedAt;
    }
  }
  const leading = phrasingKey(representative.text);
  return [...byKey.entries()]
    .sort(([keyA, a], [keyB, b]) => Number(keyB === leading) - Number(keyA === leading) || b.count - a.count || (a.firstAt < b.firstAt ? -1 : a.firstAt > b.firstAt ? 1 : 0))
    .map(([, entry]) => entry.text);
}

/** The dashboard's view of one cluster of gap questions. */
export function toGapGroup(cluster: QuestionCluster<GapQuestion>, entries: ReadonlyMap<string, FaqEntry>): GapGroup {
  const { members, representative } = cluster;
  const outcomes = { none: 0, choices: 0, notHelpful: 0 };
  for (const question of members) {
    if (question.outcome === 'none') outcomes.none += 1;
    else if (question.outcome === 'choices') outcomes.choices += 1;
    else outcomes.notHelpful += 1;
  }
  const phrasings = phrasingsOf(members, representative);
  return {
    key: cluster.key,
    variantKeys: cluster.variantKeys,
    count: members.length,
    representative: { id: representative.id, text: representative.text, askedAt: representative.askedAt },
    phrasings,
    examples: phrasings.slice(1, 1 + MAX_EXAMPLES),
    outcomes,
    offeredEntries: offeredEntries(members, entries),
    firstAskedAt: members[members.length - 1]!.askedAt,
    lastAskedAt: members[0]!.askedAt,
    questionIds: members.map((question) => question.id),
  };
}

import type { FaqEntry } from '../src/domain/knowledge/faq-entry';
import type { QuestionRecord } from '../src/domain/knowledge/question-log';
import type { TicketCandidate } from '../src/domain/tickets/ticket';
import type { TicketFields } from '../src/bot/tickets/ticket-fields';
import type { TurnFacts } from '../src/bot/turn-facts';
import type { KnowledgeLookup } from './dialog-deps';

/**
 * The ticket draft the create-ticket dialog works on, and what its parts share: the words a
 * requester types to decide or keep a value, the question it starts from, the FAQ suggestions.
 */

/** The question a ticket starts from (a button under an answer, choices or "no answer"). */
export interface TicketOrigin {
  readonly questionId: string;
  /** The question as typed; it prefills subject and description. */
  readonly text: string;
  /** What the bot had for it, best first. */
  readonly candidates: readonly TicketCandidate[];
  /** Entries the requester has already been shown for it (not suggested again). */
  readonly shownEntryIds: readonly string[];
}

/** A draft in dialog state (conversation state): plain JSON. */
export interface TicketDraft {
  /** Generated when the form is first shown; the ticket's idempotency key is `<conversation id>:<draftId>`. */
  readonly draftId: string;
  /** Null when the requester asked for a ticket in free text. */
  readonly origin: TicketOrigin | null;
  /** The checked content, once collected. */
  readonly fields: TicketFields | null;
  /** The FAQ suggestions are shown once per draft. */
  readonly suggestionsShown: boolean;
}

/** Options of the create-ticket dialog. */
export interface CreateTicketOptions {
  readonly facts: TurnFacts;
  readonly origin: TicketOrigin | null;
}

/** What the review ends with; `edit` sends the draft back to the form. */
export type ReviewOutcome = { readonly outcome: 'created'; readonly ticketId: string } | { readonly outcome: 'edit'; readonly draft: TicketDraft };

export type DraftDecision = 'submit' | 'edit' | 'cancel';

const DECISIONS: ReadonlyMap<string, DraftDecision> = new Map([
  ...['absenden', 'senden', 'abschicken', 'submit', 'send'].map((word) => [word, 'submit'] as const),
  ...['ändern', 'aendern', 'bearbeiten', 'korrigieren', 'edit', 'change'].map((word) => [word, 'edit'] as const),
  ...['abbrechen', 'abbruch', 'stopp', 'stop', 'cancel', 'verwerfen'].map((word) => [word, 'cancel'] as const),
]);

/** The decision a typed word stands for ("absenden", "ändern", "abbrechen", English too), or null. */
export function readDecision(text: string): DraftDecision | null {
  return DECISIONS.get(normalise(text)) ?? null;
}

const KEEP = new Set(['weiter', 'ja', 'j', 'ok', 'okay', 'passt', 'übernehmen', 'behalten', 'next', 'yes', 'y', 'keep']);

/** True when the typed answer keeps the value shown ("weiter", "ja"). */
export function isKeepWord(text: string): boolean {
  return KEEP.has(normalise(text));
}

/** The draft's question, from a question record of this requester. */
export function originOf(question: QuestionRecord): TicketOrigin {
  const shown = new Set<string>();
  if (question.answeredEntryId) shown.add(question.answeredEntryId);
  if (question.outcome === 'choices') question.candidates.slice(0, 3).forEach((candidate) => shown.add(candidate.entryId));
  return {
    questionId: question.id,
    text: question.text,
    candidates: question.candidates.map(({ entryId, score, confidence }) => ({ entryId, score, confidence })),
    shownEntryIds: [...shown],
  };
}

/**
 * Up to 3 published entries the engine finds for the draft's text with enough confidence to answer
 * or offer them (never a "no answer" result's weak candidates), without those already shown.
 */
export function suggestionsFor(knowledge: KnowledgeLookup, fields: TicketFields, origin: TicketOrigin | null): FaqEntry[] {
  const { result, entries } = knowledge.ask(`${fields.subject} ${fields.description}`.trim());
  if (result.outcome === 'none') return [];
  const count = result.outcome === 'answer' ? 1 : Math.min(Math.max(result.choiceCount, 1), 3);
  const shown = new Set(origin?.shownEntryIds ?? []);
  return result.candidates
    .slice(0, count)
    .filter((candidate) => !shown.has(candidate.entryId))
    .map((candidate) => entries.get(candidate.entryId))
    .filter((entry): entry is FaqEntry => entry !== undefined);
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[.,!?;:()„“"'«»]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

import type { FaqEntry } from '../../domain/knowledge/faq-entry';
import type { BotTexts, Lang } from '../texts';
import { ADAPTIVE_CARD_SCHEMA, ADAPTIVE_CARD_VERSION, type AdaptiveCard, type SubmitAction } from './adaptive-card';
import type { FeedbackSubmit, HandoffSubmit } from './card-actions';
import { renderAnswerText, toPlainText } from './plain-text';

export interface AnswerCardInput {
  readonly entry: FaqEntry;
  /** The question record the feedback buttons refer to. */
  readonly questionId: string;
  readonly texts: BotTexts;
  readonly lang: Lang;
  /** Title of the "forward to the advisors" button; no button without it (tickets not configured). */
  readonly handoffTitle?: string;
}

/**
 * The answer to a question: the entry's question as heading, the answer, category and source, and
 * "Hat das geholfen?" with Ja / Nein buttons that carry the question and entry ids — and, where
 * tickets are set up, "An die Berater:innen weitergeben" for the same question.
 */
export function buildAnswerCard({ entry, questionId, texts, lang, handoffTitle }: AnswerCardInput): AdaptiveCard {
  const feedback = (helpful: boolean): SubmitAction<FeedbackSubmit> => ({
    type: 'Action.Submit',
    title: helpful ? texts.yes : texts.no,
    data: { action: 'feedback', questionId, entryId: entry.id, helpful },
  });
  const plainAnswer = toPlainText(entry.answer);
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    lang,
    speak: `${entry.question}. ${plainAnswer} ${texts.sourceLabel}: ${entry.source}. ${texts.helpfulQuestion}`,
    fallbackText: renderAnswerText(entry, texts, plainAnswer),
    body: [
      { type: 'TextBlock', text: entry.question, wrap: true, size: 'medium', weight: 'bolder', style: 'heading' },
      { type: 'TextBlock', text: entry.answer, wrap: true },
      {
        type: 'FactSet',
        facts: [
          { title: texts.categoryLabel, value: entry.category },
          { title: texts.sourceLabel, value: entry.source },
        ],
      },
      { type: 'TextBlock', text: texts.helpfulQuestion, wrap: true, weight: 'bolder', spacing: 'medium', separator: true },
    ],
    actions: handoffTitle ? [feedback(true), feedback(false), handoffAction(questionId, handoffTitle)] : [feedback(true), feedback(false)],
  };
}

/** "An die Berater:innen weitergeben": the question (by id) becomes a ticket. */
export function handoffAction(questionId: string, title: string): SubmitAction<HandoffSubmit> {
  return { type: 'Action.Submit', title, data: { action: 'handoff', questionId } };
}

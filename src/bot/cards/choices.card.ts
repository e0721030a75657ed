import type { FaqEntry } from '../../domain/knowledge/faq-entry';
import type { BotTexts, Lang } from '../texts';
import { ADAPTIVE_CARD_SCHEMA, ADAPTIVE_CARD_VERSION, type AdaptiveCard, type SubmitAction } from './adaptive-card';
import { handoffAction } from './answer.card';
import type { ChooseSubmit, HandoffSubmit } from './card-actions';
import { renderChoicesText } from './plain-text';

export interface ChoicesCardInput {
  /** The offered entries, best first (2-3). */
  readonly entries: readonly FaqEntry[];
  /** The question record a choice is recorded on. */
  readonly questionId: string;
  readonly texts: BotTexts;
  readonly lang: Lang;
  /** Title of the "forward to the advisors" button after the entries; none without it. */
  readonly handoffTitle?: string;
}

/**
 * "Meinten Sie eine dieser Fragen?" with one button per entry. Each button carries the question
 * and entry ids, so it stays usable after later questions in the same conversation.
 */
export function buildChoicesCard({ entries, questionId, texts, lang, handoffTitle }: ChoicesCardInput): AdaptiveCard {
  const actions: SubmitAction<ChooseSubmit | HandoffSubmit>[] = entries.map((entry) => ({
    type: 'Action.Submit',
    title: entry.question,
    tooltip: texts.chooseTooltip,
    data: { action: 'choose', questionId, entryId: entry.id },
  }));
  if (handoffTitle) actions.push(handoffAction(questionId, handoffTitle));
  const spokenList = entries.map((entry, index) => `${index + 1}: ${entry.question}`).join('. ');
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    lang,
    speak: `${texts.choicesTitle} ${spokenList}.`,
    fallbackText: renderChoicesText(entries, texts),
    body: [
      { type: 'TextBlock', text: texts.choicesTitle, wrap: true, size: 'medium', weight: 'bolder', style: 'heading' },
      { type: 'TextBlock', text: texts.choicesHint, wrap: true, isSubtle: true },
    ],
    actions,
  };
}

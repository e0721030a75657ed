import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { FaqEntry } from '../domain/knowledge/faq-entry';
import { buildAnswerCard } from './cards/answer.card';
import { buildChoicesCard } from './cards/choices.card';
import { renderAnswerText, renderChoicesText } from './cards/plain-text';
import { textsFor } from './texts';
import type { TurnFacts } from './turn-facts';

type RenderFacts = Pick<TurnFacts, 'locale' | 'lang' | 'cards'>;

/** The reply showing one FAQ entry: an answer card, or plain text where cards do not render. */
export function answerReply(entry: FaqEntry, questionId: string, facts: RenderFacts): Partial<Activity> {
  const texts = textsFor(facts.locale);
  if (!facts.cards) return plainReply(renderAnswerText(entry, texts));
  const card = buildAnswerCard({ entry, questionId, texts, lang: facts.lang });
  return { ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), summary: entry.question };
}

/** The reply offering 2-3 entries: a choices card, or a numbered list where cards do not render. */
export function choicesReply(entries: readonly FaqEntry[], questionId: string, facts: RenderFacts): Partial<Activity> {
  const texts = textsFor(facts.locale);
  if (!facts.cards) return plainReply(renderChoicesText(entries, texts));
  const card = buildChoicesCard({ entries, questionId, texts, lang: facts.lang });
  return { ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), summary: texts.choicesTitle };
}

function plainReply(text: string): Partial<Activity> {
  return { ...MessageFactory.text(text), textFormat: 'plain' };
}

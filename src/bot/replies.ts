import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { FaqEntry } from '../domain/knowledge/faq-entry';
import { buildAnswerCard } from './cards/answer.card';
import { buildChoicesCard } from './cards/choices.card';
import { renderAnswerText, renderChoicesText } from './cards/plain-text';
import { textsFor } from './texts';
import { handoffOfferCard } from './tickets/requester-cards';
import { requesterTextsFor } from './tickets/requester-texts';
import type { TurnFacts } from './turn-facts';

type RenderFacts = Pick<TurnFacts, 'locale' | 'lang' | 'cards'>;

/** How a reply to a question is rendered; `handoff`: offer to forward the question to the advisors (tickets set up). */
export interface ReplyOptions {
  readonly handoff?: boolean;
}

/** The reply showing one FAQ entry: an answer card, or plain text where cards do not render. */
export function answerReply(entry: FaqEntry, questionId: string, facts: RenderFacts, options: ReplyOptions = {}): Partial<Activity> {
  const texts = textsFor(facts.locale);
  if (!facts.cards) return plainReply(renderAnswerText(entry, texts));
  const handoffTitle = options.handoff ? requesterTextsFor(facts.lang).handoffButton : undefined;
  const card = buildAnswerCard({ entry, questionId, texts, lang: facts.lang, handoffTitle });
  return { ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), summary: entry.question };
}

/** The reply offering 2-3 entries: a choices card, or a numbered list where cards do not render. */
export function choicesReply(entries: readonly FaqEntry[], questionId: string, facts: RenderFacts, options: ReplyOptions = {}): Partial<Activity> {
  const texts = textsFor(facts.locale);
  if (!facts.cards) return plainReply(renderChoicesText(entries, texts));
  const handoffTitle = options.handoff ? requesterTextsFor(facts.lang).handoffButton : undefined;
  const card = buildChoicesCard({ entries, questionId, texts, lang: facts.lang, handoffTitle });
  return { ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), summary: texts.choicesTitle };
}

/**
 * The honest "no answer" with tips. With `handoff` it also offers to forward the question: a
 * button under the text where cards render, a "ja" prompt in plain text.
 */
export function noAnswerReply(questionId: string, facts: RenderFacts, options: ReplyOptions = {}): Partial<Activity> {
  const { noAnswer } = textsFor(facts.locale);
  if (!options.handoff) return MessageFactory.text(noAnswer);
  if (!facts.cards) return plainReply(`${noAnswer}\n\n${requesterTextsFor(facts.lang).handoffOfferPlain}`);
  return { ...MessageFactory.attachment(CardFactory.adaptiveCard(handoffOfferCard(questionId, facts.lang))), text: noAnswer };
}

function plainReply(text: string): Partial<Activity> {
  return { ...MessageFactory.text(text), textFormat: 'plain' };
}

import type { Activity } from 'botbuilder';
import { parseCardSubmit, type CardSubmit } from './cards/card-actions';
import { MAX_QUESTION_LENGTH } from './texts';

/** What the user sent, once cleaned: a typed question/reply, or a card button's data. */
export type TurnInput =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'submit'; readonly submit: CardSubmit };

/** Why a message is answered with a polite refusal instead of being processed. */
export type RejectReason = 'empty' | 'too_long' | 'attachments_only' | 'unknown_submit';

export type MessageInput = TurnInput | { readonly kind: 'rejected'; readonly reason: RejectReason };

/**
 * Removes every @mention of the bot itself (Teams channels and group chats put `<at>Lotse</at>`
 * into the text), and nothing else. Unlike `TurnContext.removeRecipientMention` it removes all
 * occurrences and tolerates activities without text.
 */
export function stripRecipientMentions(activity: Partial<Activity>): string {
  let text = activity.text ?? '';
  const botId = activity.recipient?.id;
  if (!botId) return text;
  for (const entity of activity.entities ?? []) {
    const mention = entity as { type?: string; mentioned?: { id?: string }; text?: unknown };
    if (mention.type === 'mention' && mention.mentioned?.id === botId && typeof mention.text === 'string' && mention.text) {
      text = text.split(mention.text).join(' ');
    }
  }
  return text;
}

/** Collapses whitespace to single spaces and drops control and invisible format characters. */
export function cleanText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Classifies an incoming message activity: question text, card submit, or a reason to refuse it. */
export function readMessageInput(activity: Partial<Activity>): MessageInput {
  const value: unknown = activity.value;
  if (value !== null && typeof value === 'object') {
    const submit = parseCardSubmit(value);
    return submit ? { kind: 'submit', submit } : { kind: 'rejected', reason: 'unknown_submit' };
  }
  const text = cleanText(stripRecipientMentions(activity));
  if (text.length === 0) {
    return { kind: 'rejected', reason: (activity.attachments?.length ?? 0) > 0 ? 'attachments_only' : 'empty' };
  }
  if (text.length > MAX_QUESTION_LENGTH) return { kind: 'rejected', reason: 'too_long' };
  return { kind: 'text', text };
}

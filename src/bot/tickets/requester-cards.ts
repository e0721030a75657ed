import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { Ticket, TicketMessage, TicketStatus } from '../../domain/tickets/ticket';
import { MAX_MESSAGE_LENGTH, MAX_RATING_COMMENT_LENGTH } from '../../domain/tickets/ticket-changes';
import { adaptiveCard, type AdaptiveCard, type CardElement, type InputText, type SubmitAction } from '../cards/adaptive-card';
import type {
  HandoffSubmit,
  TicketConfirmResolvedSubmit,
  TicketRateSubmit,
  TicketReopenSubmit,
  TicketReplySubmit,
} from '../cards/card-actions';
import { langOf, type Lang } from '../texts';
import { supportsAdaptiveCards } from '../turn-facts';
import { requesterTextsFor } from './requester-texts';

/**
 * The cards a requester gets about their tickets outside the create-ticket dialog — the advisor's
 * reply with a reply field, "Ist Ihre Frage damit beantwortet?", the rating — with plain-text
 * twins for channels without cards. Pure: the notifier sends them, the requester dialogs handle
 * their submits (`card-actions.ts`). The typed answers work through the pending reply
 * (`dialogs/pending-reply.ts`): after the resolved notice set `{ kind: 'ticket_resolved' }`.
 */

type TicketHead = Pick<Ticket, 'id' | 'number' | 'subject'>;

/** The requester-facing name of a status, e.g. "In Bearbeitung" / "In progress". */
export function ticketStatusText(status: TicketStatus, lang: Lang): string {
  return requesterTextsFor(lang).statusNames[status];
}

/** The language of the requester's chat, from the locale kept in the ticket's conversation reference. */
export function requesterLangOf(ticket: Pick<Ticket, 'conversationReference'>): Lang {
  const locale = ticket.conversationReference.locale;
  return langOf(typeof locale === 'string' ? locale : undefined);
}

/** True when the requester's channel (from the ticket's conversation reference) renders Adaptive Cards. */
export function requesterSeesCards(ticket: Pick<Ticket, 'conversationReference'>): boolean {
  const channelId = ticket.conversationReference.channelId;
  return supportsAdaptiveCards(typeof channelId === 'string' ? channelId : undefined);
}

/** "Ist Ihre Frage damit beantwortet?" with "Ja, erledigt" (close) and "Nein, wieder öffnen" (reopen). */
export function resolvedNoticeCard(ticket: TicketHead, lang: Lang): AdaptiveCard {
  const texts = requesterTextsFor(lang);
  const confirm: SubmitAction<TicketConfirmResolvedSubmit> = {
    type: 'Action.Submit',
    title: texts.confirmResolvedButton,
    data: { action: 'ticket_confirm_resolved', ticketId: ticket.id },
  };
  const reopen: SubmitAction<TicketReopenSubmit> = { type: 'Action.Submit', title: texts.reopenButton, data: { action: 'ticket_reopen', ticketId: ticket.id } };
  const title = texts.resolvedTitle(ticket.number);
  return adaptiveCard(lang, `${title} ${texts.resolvedQuestion}`, resolvedNoticeText(ticket, lang), [
    heading(title),
    subtle(ticket.subject),
    { type: 'TextBlock', text: texts.resolvedQuestion, wrap: true, weight: 'bolder', spacing: 'medium' },
  ], [confirm, reopen]);
}

/** The resolved notice without cards; the answer ("ja"/"nein") is a pending reply of kind `ticket_resolved`. */
export function resolvedNoticeText(ticket: TicketHead, lang: Lang): string {
  const texts = requesterTextsFor(lang);
  return [texts.resolvedTitle(ticket.number), ticket.subject, `${texts.resolvedQuestion} ${texts.resolvedPlainPrompt}`].join('\n\n');
}

/**
 * An advisor's public reply in the requester's chat, with a field to answer it (`ticket_reply`).
 * `authorName` is the advisor's display name when the notifier wants it shown.
 */
export function advisorReplyCard(ticket: TicketHead & Pick<Ticket, 'status'>, messageText: string, lang: Lang, authorName?: string): AdaptiveCard {
  const texts = requesterTextsFor(lang);
  const title = texts.advisorReplyTitle(ticket.number);
  const body: CardElement[] = [heading(title), subtle(ticket.subject)];
  if (authorName) body.push({ type: 'TextBlock', text: texts.advisorReplyFrom(authorName), wrap: true, weight: 'bolder', spacing: 'medium' });
  body.push({ type: 'TextBlock', text: messageText, wrap: true });
  if (ticket.status === 'waiting_for_requester') body.push({ type: 'TextBlock', text: texts.waitingForYou, wrap: true, isSubtle: true, spacing: 'medium' });
  body.push(replyInput(lang));
  return adaptiveCard(lang, `${title}. ${messageText}`, advisorReplyText(ticket, messageText, lang, authorName), body, [replyButton(ticket, lang)]);
}

/** The advisor's reply without cards: the requester answers by writing their next message. */
export function advisorReplyText(ticket: TicketHead & Pick<Ticket, 'status'>, messageText: string, lang: Lang, authorName?: string): string {
  const texts = requesterTextsFor(lang);
  const parts = [texts.advisorReplyTitle(ticket.number), ticket.subject];
  parts.push(authorName ? `${texts.advisorReplyFrom(authorName)}\n${messageText}` : messageText);
  if (ticket.status === 'waiting_for_requester') parts.push(texts.waitingForYouPlain);
  return parts.join('\n\n');
}

/** A field to add something to an open ticket (after reopening it, on its detail card). */
export function ticketReplyCard(ticket: TicketHead, lang: Lang, intro: string): AdaptiveCard {
  return adaptiveCard(lang, intro, intro, [{ type: 'TextBlock', text: intro, wrap: true }, replyInput(lang)], [replyButton(ticket, lang)]);
}

/** The satisfaction rating, asked once after the requester confirmed the resolution: 1-5 and an optional comment. */
export function ratingCard(ticket: TicketHead, lang: Lang): AdaptiveCard {
  const texts = requesterTextsFor(lang);
  const rate: SubmitAction<TicketRateSubmit> = { type: 'Action.Submit', title: texts.ratingButton, data: { action: 'ticket_rate', ticketId: ticket.id } };
  return adaptiveCard(lang, texts.ratingTitle, ratingText(lang), [
    heading(texts.ratingTitle),
    subtle(`${ticket.number}: ${ticket.subject}`),
    {
      type: 'Input.ChoiceSet',
      id: 'score',
      label: texts.ratingLabel,
      style: 'expanded',
      isRequired: true,
      errorMessage: texts.ratingInvalid,
      choices: texts.ratingChoices.map((title, index) => ({ title, value: String(index + 1) })),
    },
    { type: 'Input.Text', id: 'comment', label: texts.ratingCommentLabel, isMultiline: true, maxLength: MAX_RATING_COMMENT_LENGTH },
  ], [rate]);
}

/** The rating question without cards; the typed score is a pending reply of kind `ticket_rating`. */
export function ratingText(lang: Lang): string {
  const texts = requesterTextsFor(lang);
  return `${texts.ratingTitle} ${texts.ratingPlainPrompt}`;
}

/** Under "no answer": offers to forward the question to the advisors (`handoff`). */
export function handoffOfferCard(questionId: string, lang: Lang): AdaptiveCard {
  const texts = requesterTextsFor(lang);
  const handoff: SubmitAction<HandoffSubmit> = { type: 'Action.Submit', title: texts.handoffButton, data: { action: 'handoff', questionId } };
  return adaptiveCard(lang, texts.handoffOffer, texts.handoffOfferPlain, [{ type: 'TextBlock', text: texts.handoffOffer, wrap: true }], [handoff]);
}

/**
 * The notifier's messages to a requester as activities: a card where the requester's channel shows
 * cards (from the ticket's conversation reference), plain text elsewhere. The language is the
 * given locale, else the one kept in the conversation reference.
 */
export const requesterNoticeCards = {
  advisorReply(ticket: Ticket, message: Pick<TicketMessage, 'text' | 'author'>, locale?: string): Partial<Activity> {
    const lang = locale === undefined ? requesterLangOf(ticket) : langOf(locale);
    const title = requesterTextsFor(lang).advisorReplyTitle(ticket.number);
    if (!requesterSeesCards(ticket)) return plain(advisorReplyText(ticket, message.text, lang, message.author.displayName));
    return cardActivity(advisorReplyCard(ticket, message.text, lang, message.author.displayName), title);
  },
  resolvedNotice(ticket: Ticket, locale?: string): Partial<Activity> {
    const lang = locale === undefined ? requesterLangOf(ticket) : langOf(locale);
    if (!requesterSeesCards(ticket)) return plain(resolvedNoticeText(ticket, lang));
    return cardActivity(resolvedNoticeCard(ticket, lang), requesterTextsFor(lang).resolvedTitle(ticket.number));
  },
};

/** An activity carrying one Adaptive Card; `summary` is what notifications and screen readers show. */
export function cardActivity(card: AdaptiveCard, summary: string): Partial<Activity> {
  return { ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), summary };
}

function plain(text: string): Partial<Activity> {
  return { ...MessageFactory.text(text), textFormat: 'plain' };
}

function replyInput(lang: Lang): InputText {
  return { type: 'Input.Text', id: 'replyText', label: requesterTextsFor(lang).replyLabel, isMultiline: true, maxLength: MAX_MESSAGE_LENGTH };
}

function replyButton(ticket: TicketHead, lang: Lang): SubmitAction<TicketReplySubmit> {
  return { type: 'Action.Submit', title: requesterTextsFor(lang).replyButton, data: { action: 'ticket_reply', ticketId: ticket.id } };
}

function heading(text: string): CardElement {
  return { type: 'TextBlock', text, wrap: true, size: 'medium', weight: 'bolder', style: 'heading' };
}

function subtle(text: string): CardElement {
  return { type: 'TextBlock', text, wrap: true, isSubtle: true };
}

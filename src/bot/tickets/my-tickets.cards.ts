import { isOpenTicket, type Ticket } from '../../domain/tickets/ticket';
import { adaptiveCard, type AdaptiveCard, type CardElement, type SubmitAction } from '../cards/adaptive-card';
import type { TicketAttachNoneSubmit, TicketAttachSubmit } from '../cards/card-actions';
import type { Lang } from '../texts';
import { resolvedNoticeCard, ticketReplyCard } from './requester-cards';
import { formatTicketTime, requesterTextsFor } from './requester-texts';

/**
 * "Meine Anfragen": the requester's tickets as a list, one ticket in detail, and the choice of
 * ticket for a message when several wait for the requester — cards and their plain-text twins.
 */

/** The list, most recent activity first: number, status, subject and last activity (Berlin time). */
export function buildMyTicketsCard(tickets: readonly Ticket[], lang: Lang): AdaptiveCard {
  const texts = requesterTextsFor(lang);
  const body: CardElement[] = [{ type: 'TextBlock', text: texts.myTicketsTitle, wrap: true, size: 'medium', weight: 'bolder', style: 'heading' }];
  for (const ticket of tickets) {
    body.push(
      { type: 'TextBlock', text: `${ticket.number}: ${ticket.subject}`, wrap: true, weight: 'bolder', spacing: 'medium', separator: true },
      {
        type: 'FactSet',
        facts: [
          { title: texts.statusLabel, value: texts.statusNames[ticket.status] },
          { title: texts.lastActivityLabel, value: formatTicketTime(ticket.updatedAt, lang) },
        ],
      },
    );
  }
  body.push({ type: 'TextBlock', text: texts.myTicketsHint, wrap: true, isSubtle: true, spacing: 'medium' });
  return adaptiveCard(lang, `${texts.myTicketsTitle}: ${tickets.length}`, renderMyTicketsText(tickets, lang), body);
}

/** The list without cards, one ticket per paragraph. */
export function renderMyTicketsText(tickets: readonly Ticket[], lang: Lang): string {
  const texts = requesterTextsFor(lang);
  const items = tickets.map(
    (ticket) =>
      `${ticket.number}: ${ticket.subject}\n${texts.statusLabel}: ${texts.statusNames[ticket.status]} · ${texts.lastActivityLabel}: ${formatTicketTime(ticket.updatedAt, lang)}`,
  );
  return [texts.myTicketsTitle, ...items, texts.myTicketsHint].join('\n\n');
}

/**
 * One ticket: status, who handles it, dates and the advisors' last public reply (internal notes
 * never). Followed by what the requester can do now: a resolved ticket asks whether it is done;
 * an open one has a field to add something.
 */
export function buildTicketDetailCards(ticket: Ticket, lang: Lang): AdaptiveCard[] {
  const texts = requesterTextsFor(lang);
  const card = adaptiveCard(lang, `${ticket.number}: ${texts.statusNames[ticket.status]}`, renderTicketDetailText(ticket, lang), detailBody(ticket, lang));
  if (ticket.status === 'resolved') return [card, resolvedNoticeCard(ticket, lang)];
  if (isOpenTicket(ticket)) return [card, ticketReplyCard(ticket, lang, texts.replyLabel)];
  return [card];
}

/** One ticket without cards. */
export function renderTicketDetailText(ticket: Ticket, lang: Lang): string {
  const texts = requesterTextsFor(lang);
  const facts = detailFacts(ticket, lang).map((fact) => `${fact.title}: ${fact.value}`);
  const parts = [`${ticket.number}: ${ticket.subject}`, facts.join('\n')];
  const reply = lastAdvisorReply(ticket);
  if (reply) parts.push(`${texts.lastReplyLabel(formatTicketTime(reply.at, lang))}\n${reply.text}`);
  return parts.join('\n\n');
}

/** "Zu welcher Anfrage gehört Ihre Nachricht?" with one button per waiting ticket, and "none of them". */
export function buildChooseTicketCard(tickets: readonly Ticket[], lang: Lang): AdaptiveCard {
  const texts = requesterTextsFor(lang);
  const actions: SubmitAction<TicketAttachSubmit | TicketAttachNoneSubmit>[] = tickets.map((ticket) => ({
    type: 'Action.Submit',
    title: `${ticket.number}: ${ticket.subject}`,
    data: { action: 'ticket_attach', ticketId: ticket.id },
  }));
  actions.push({ type: 'Action.Submit', title: texts.noneOfThese, data: { action: 'ticket_attach_none' } });
  return adaptiveCard(lang, texts.chooseTicketTitle, renderChooseTicketText(tickets, lang), [
    { type: 'TextBlock', text: texts.chooseTicketTitle, wrap: true, size: 'medium', weight: 'bolder', style: 'heading' },
    { type: 'TextBlock', text: texts.chooseTicketHint, wrap: true, isSubtle: true },
  ], actions);
}

/** The choice without cards: a numbered list answered with its number ("0": none of them). */
export function renderChooseTicketText(tickets: readonly Ticket[], lang: Lang): string {
  const texts = requesterTextsFor(lang);
  const list = tickets.map((ticket, index) => `${index + 1}. ${ticket.number}: ${ticket.subject}`).join('\n');
  return [texts.chooseTicketTitle, list, texts.chooseTicketPlainPrompt(tickets.length)].join('\n\n');
}

/** After a failed save: the kept message can be sent again with one click. */
export function buildRetryReplyCard(ticket: Pick<Ticket, 'id'>, lang: Lang): AdaptiveCard {
  const texts = requesterTextsFor(lang);
  const retry: SubmitAction<TicketAttachSubmit> = { type: 'Action.Submit', title: texts.retryButton, data: { action: 'ticket_attach', ticketId: ticket.id } };
  return adaptiveCard(lang, texts.replyFailedKept, texts.replyFailedKeptPlain, [{ type: 'TextBlock', text: texts.replyFailedKept, wrap: true }], [retry]);
}

function detailBody(ticket: Ticket, lang: Lang): CardElement[] {
  const texts = requesterTextsFor(lang);
  const body: CardElement[] = [
    { type: 'TextBlock', text: `${ticket.number}: ${ticket.subject}`, wrap: true, size: 'medium', weight: 'bolder', style: 'heading' },
    { type: 'FactSet', facts: detailFacts(ticket, lang) },
  ];
  const reply = lastAdvisorReply(ticket);
  if (reply) {
    body.push(
      { type: 'TextBlock', text: texts.lastReplyLabel(formatTicketTime(reply.at, lang)), wrap: true, weight: 'bolder', spacing: 'medium' },
      { type: 'TextBlock', text: reply.text, wrap: true },
    );
  }
  return body;
}

function detailFacts(ticket: Ticket, lang: Lang): { title: string; value: string }[] {
  const texts = requesterTextsFor(lang);
  return [
    { title: texts.statusLabel, value: texts.statusNames[ticket.status] },
    { title: texts.assigneeLabel, value: ticket.assignee?.displayName || texts.unassigned },
    { title: texts.createdLabel, value: formatTicketTime(ticket.createdAt, lang) },
    { title: texts.lastActivityLabel, value: formatTicketTime(ticket.updatedAt, lang) },
  ];
}

function lastAdvisorReply(ticket: Ticket): Ticket['messages'][number] | undefined {
  return [...ticket.messages].reverse().find((message) => message.role === 'advisor' && !message.internal);
}

import type { AdvisorGroup } from '../../domain/tickets/advisor-group';
import type { TicketSlaState } from '../../domain/tickets/sla-policy';
import { TICKET_PRIORITIES, isOpenTicket } from '../../domain/tickets/ticket';
import type { Actor, Ticket, TicketAction, TicketMessage } from '../../domain/tickets/ticket';
import { MAX_MESSAGE_LENGTH } from '../../domain/tickets/ticket-changes';
import { availableActions } from '../../domain/tickets/ticket-state-machine';
import { ADAPTIVE_CARD_SCHEMA } from '../cards/adaptive-card';
import type { Lang } from '../texts';
import { advisorTexts, type AdvisorTexts, type FormVerb } from './advisor-texts';
import { formatDateTime, formatSlaClock, shorten } from './ticket-card-format';
import {
  TICKET_CARD_VERSION,
  executeAction,
  textBlock,
  type CardAction,
  type CardElement,
  type ExecuteAction,
  type ShowCardAction,
  type TicketActionData,
  type TicketAdaptiveCard,
} from './ticket-card.elements';

/** A line at the top of the card: the outcome of the action just taken. */
export interface CardNotice {
  readonly text: string;
  /** `warning`: the action did not happen as asked (also posted in the thread for Action.Submit clients). */
  readonly tone: 'info' | 'warning';
}

export interface TicketCardInput {
  readonly ticket: Ticket;
  /** Both SLA clocks now (`TicketService.slaState`). */
  readonly sla: TicketSlaState;
  /** All advisor groups: the ticket's group name and the choices for forwarding. */
  readonly groups: readonly AdvisorGroup[];
  /** Title (question) of a published FAQ entry, for what the bot had suggested. */
  readonly entryTitle: (entryId: string) => string | undefined;
  readonly lang: Lang;
  readonly timeZone: string;
  /** Without any action (for non-members, or the card left behind in the old channel after forwarding). */
  readonly readOnly?: boolean;
  readonly notice?: CardNotice;
  /** A subtle line above the (missing) actions, e.g. why the card is read-only. */
  readonly footer?: string;
}

/** Public messages and notes shown on the card; older ones are counted. */
export const CARD_HISTORY_SIZE = 5;
const MAX_CARD_MESSAGE = 800;
const MAX_CARD_QUESTION = 2000;

/** Any advisor: which actions exist does not depend on who the advisor is (see the state machine). */
const ANY_ADVISOR: Actor = { id: 'advisor', displayName: 'advisor', role: 'advisor' };

/** Verbs of the status buttons: the state machine's actions, named alike. */
const STATUS_STYLE: Partial<Record<TicketAction, ExecuteAction['style']>> = { claim: 'positive', resolve: 'positive', close: 'destructive' };

/**
 * The ticket card in the advisors' channel: number and subject, requester and municipality,
 * category, priority, status and assignee, both SLA clocks, the original question, what Lotse had
 * suggested, the last messages and internal notes, and the actions the ticket's status allows
 * (`availableActions`). Every button is an `Action.Execute` with data `{ ticketId, version }` and an
 * `Action.Submit` fallback; the `refresh` clause lets Teams fetch the current card.
 */
export function buildTicketCard(input: TicketCardInput): TicketAdaptiveCard {
  const { ticket, lang } = input;
  const texts = advisorTexts(lang);
  const title = `${ticket.number}: ${ticket.subject}`;
  const body: CardElement[] = [];
  if (input.notice) body.push(textBlock(input.notice.text, { weight: 'bolder', color: input.notice.tone === 'warning' ? 'attention' : 'good' }));
  body.push(textBlock(title, { size: 'medium', weight: 'bolder', style: 'heading' }));
  body.push(factsOf(input, texts));
  body.push(questionSection(ticket, texts));
  body.push(suggestionsSection(input, texts));
  body.push(historySection(ticket, texts, lang, input.timeZone));
  if (input.footer) body.push(textBlock(input.footer, { isSubtle: true, separator: true }));
  const data: TicketActionData = { ticketId: ticket.id, version: ticket.version };
  const statusActions = input.readOnly ? [] : statusButtons(ticket, data, texts);
  if (statusActions.length > 0) body.push({ type: 'ActionSet', actions: statusActions });
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: TICKET_CARD_VERSION,
    lang: lang === 'en' ? 'en' : 'de',
    fallbackText: title,
    speak: title,
    refresh: { action: { type: 'Action.Execute', title: texts.refresh, verb: 'refresh', data: { ticketId: ticket.id } }, userIds: [] },
    msteams: { width: 'Full' },
    body,
    actions: input.readOnly ? [] : formActions(input, data, texts),
  };
}

function factsOf(input: TicketCardInput, texts: AdvisorTexts): CardElement {
  const { ticket, lang, timeZone } = input;
  const status = texts.status[ticket.status];
  const group = input.groups.find((candidate) => candidate.id === ticket.advisorGroup)?.name ?? ticket.advisorGroup;
  return {
    type: 'FactSet',
    facts: [
      { title: texts.fact.requester, value: `${ticket.requester.displayName} (${ticket.requester.municipality})` },
      { title: texts.fact.category, value: ticket.category },
      { title: texts.fact.priority, value: texts.priority[ticket.priority] },
      { title: texts.fact.status, value: ticket.assignee ? texts.assignedTo(status, ticket.assignee.displayName) : ticket.status === 'new' ? texts.unassigned : status },
      { title: texts.fact.group, value: group },
      { title: texts.fact.created, value: formatDateTime(ticket.createdAt, lang, timeZone) },
      { title: texts.fact.firstResponse, value: formatSlaClock(input.sla.firstResponse, texts, lang, timeZone) },
      { title: texts.fact.resolution, value: formatSlaClock(input.sla.resolution, texts, lang, timeZone) },
    ],
  };
}

function questionSection(ticket: Ticket, texts: AdvisorTexts): CardElement {
  const items: CardElement[] = [textBlock(texts.originalQuestion, { weight: 'bolder' }), textBlock(shorten(ticket.originalQuestion, MAX_CARD_QUESTION))];
  const description = ticket.description.trim();
  if (description !== '' && description !== ticket.originalQuestion.trim() && description !== ticket.subject.trim()) {
    items.push(textBlock(texts.description, { weight: 'bolder' }), textBlock(shorten(description, MAX_CARD_QUESTION)));
  }
  return { type: 'Container', separator: true, items };
}

function suggestionsSection(input: TicketCardInput, texts: AdvisorTexts): CardElement {
  const lines = input.ticket.candidates.map((candidate) => {
    const title = input.entryTitle(candidate.entryId) ?? texts.entryGone;
    return `- ${texts.suggestion(title, candidate.entryId, Math.round(candidate.confidence * 100))}`;
  });
  return {
    type: 'Container',
    separator: true,
    items: [textBlock(texts.suggestions, { weight: 'bolder' }), textBlock(lines.length > 0 ? lines.join('\n') : texts.noSuggestions, { isSubtle: lines.length === 0 })],
  };
}

function historySection(ticket: Ticket, texts: AdvisorTexts, lang: Lang, timeZone: string): CardElement {
  const shown = ticket.messages.slice(-CARD_HISTORY_SIZE);
  const hidden = ticket.messages.length - shown.length;
  const items: CardElement[] = [textBlock(texts.history, { weight: 'bolder' })];
  if (shown.length === 0) items.push(textBlock(texts.noMessages, { isSubtle: true }));
  if (hidden > 0) items.push(textBlock(texts.olderMessages(hidden), { isSubtle: true, size: 'small' }));
  for (const message of shown) items.push(messageBlock(message, texts, lang, timeZone));
  return { type: 'Container', separator: true, items };
}

function messageBlock(message: TicketMessage, texts: AdvisorTexts, lang: Lang, timeZone: string): CardElement {
  const at = formatDateTime(message.at, lang, timeZone);
  const header = message.internal ? texts.internalNote(message.author.displayName, at) : texts.publicMessage(message.author.displayName, message.role, at);
  const items = [textBlock(header, { size: 'small' }), textBlock(shorten(message.text, MAX_CARD_MESSAGE), { spacing: 'none' })];
  return { type: 'Container', style: message.internal ? 'warning' : 'default', spacing: 'small', items };
}

function statusButtons(ticket: Ticket, data: TicketActionData, texts: AdvisorTexts): ExecuteAction[] {
  return availableActions(ticket, ANY_ADVISOR).map((action) => executeAction(texts.actions[action], action, data, STATUS_STYLE[action]));
}

/** Reply (claimed open tickets), note (always), priority and forwarding (open tickets). */
function formActions(input: TicketCardInput, data: TicketActionData, texts: AdvisorTexts): CardAction[] {
  const { ticket } = input;
  const actions: CardAction[] = [];
  if (ticket.status === 'assigned' || ticket.status === 'waiting_for_requester') actions.push(textForm('reply', 'replyText', data, texts));
  actions.push(textForm('note', 'noteText', data, texts));
  if (!isOpenTicket(ticket)) return actions;
  const priorities = TICKET_PRIORITIES.map((priority) => ({ title: texts.priority[priority], value: priority }));
  actions.push(choiceForm('priority', 'priority', priorities, ticket.priority, data, texts));
  const others = input.groups.filter((group) => group.id !== ticket.advisorGroup).map((group) => ({ title: group.name, value: group.id }));
  if (others.length > 0) actions.push(choiceForm('route', 'groupId', others, others[0]!.value, data, texts));
  return actions;
}

function textForm(verb: FormVerb, inputId: string, data: TicketActionData, texts: AdvisorTexts): ShowCardAction {
  const form = texts.forms[verb];
  return {
    type: 'Action.ShowCard',
    title: form.open,
    card: {
      type: 'AdaptiveCard',
      body: [{ type: 'Input.Text', id: inputId, label: form.label, isMultiline: true, maxLength: MAX_MESSAGE_LENGTH, isRequired: true, errorMessage: texts.textRequired }],
      actions: [executeAction(form.submit, verb, data, 'positive')],
    },
  };
}

function choiceForm(
  verb: FormVerb,
  inputId: string,
  choices: readonly { title: string; value: string }[],
  value: string,
  data: TicketActionData,
  texts: AdvisorTexts,
): ShowCardAction {
  const form = texts.forms[verb];
  return {
    type: 'Action.ShowCard',
    title: form.open,
    card: {
      type: 'AdaptiveCard',
      body: [{ type: 'Input.ChoiceSet', id: inputId, label: form.label, style: 'compact', value, isRequired: true, choices }],
      actions: [executeAction(form.submit, verb, data)],
    },
  };
}

import type { AdaptiveCard, CardElement } from '../../../src/bot/cards/adaptive-card';
import { parseCardSubmit } from '../../../src/bot/cards/card-actions';
import { buildChooseTicketCard, buildMyTicketsCard, buildRetryReplyCard, buildTicketDetailCards } from '../../../src/bot/tickets/my-tickets.cards';
import {
  advisorReplyCard,
  advisorReplyText,
  handoffOfferCard,
  ratingCard,
  requesterNoticeCards,
  resolvedNoticeCard,
  resolvedNoticeText,
  ticketReplyCard,
  ticketStatusText,
} from '../../../src/bot/tickets/requester-cards';
import { buildSuggestionsCard, buildSummaryCard, buildTicketFormCard } from '../../../src/bot/tickets/ticket-draft.cards';
import { anna, aTicket } from '../tickets/ticket-fixtures';
import { XRECHNUNG_RECEIVE, XRECHNUNG_VALIDATE } from '../../support/fakes/sample-faq';

const ELEMENT_TYPES = new Set(['TextBlock', 'FactSet', 'Input.Text', 'Input.ChoiceSet', 'ActionSet']);

/** Structural problems against the Adaptive Cards 1.5 subset, and buttons our own parser would refuse. */
function problemsOf(card: AdaptiveCard): string[] {
  const problems: string[] = [];
  if (JSON.stringify(JSON.parse(JSON.stringify(card))) !== JSON.stringify(card)) problems.push('not plain JSON');
  if (card.type !== 'AdaptiveCard' || card.version !== '1.5' || card.$schema !== 'http://adaptivecards.io/schemas/adaptive-card.json') problems.push('frame');
  for (const key of ['speak', 'fallbackText', 'lang'] as const) if (!card[key].trim()) problems.push(`missing ${key}`);
  const check = (elements: readonly CardElement[]) => {
    for (const element of elements) {
      if (!ELEMENT_TYPES.has(element.type)) problems.push(`element type ${element.type}`);
      if (element.type === 'TextBlock' && (!element.text.trim() || element.wrap !== true)) problems.push('TextBlock without text or wrap');
      if (element.type === 'FactSet' && element.facts.some((fact) => !fact.title.trim() || !fact.value.trim())) problems.push('empty fact');
      if ((element.type === 'Input.Text' || element.type === 'Input.ChoiceSet') && (!element.id || !element.label.trim())) problems.push('input without id or label');
      if (element.type === 'Input.ChoiceSet' && element.choices.some((choice) => !choice.title.trim() || !choice.value)) problems.push('empty choice');
      if (element.type === 'ActionSet') for (const action of element.actions) check(action.card.body);
    }
  };
  check(card.body);
  if (/"(color|backgroundColor)"/.test(JSON.stringify(card))) problems.push('information carried by colour');
  for (const action of card.actions) {
    if (action.type !== 'Action.Submit' || !action.title.trim()) problems.push(`bad action ${action.title}`);
    if (parseCardSubmit(action.data) === null) problems.push(`our parser refuses ${JSON.stringify(action.data)}`);
  }
  return problems;
}

const waiting = aTicket('waiting_for_requester', {
  messages: [
    { id: 'm-1', author: { id: anna.id, displayName: anna.displayName }, role: 'advisor', text: 'Welche Version nutzen Sie?', at: '2026-03-10T09:15:00.000Z', internal: false },
    { id: 'm-2', author: { id: anna.id, displayName: anna.displayName }, role: 'advisor', text: 'Interne Notiz: Kunde anrufen', at: '2026-03-10T09:20:00.000Z', internal: true },
  ],
  updatedAt: '2026-03-10T09:20:00.000Z',
});
const resolved = aTicket('resolved', { id: 'tkt-2', number: 'LOT-2026-000043' });
const fields = { subject: 'Portalzugang', description: '', category: 'Sonstiges', priority: 'high' as const, municipality: 'Musterstadt' };

describe('requester cards', () => {
  it.each<[string, AdaptiveCard]>([
    ['form', buildTicketFormCard({ draftId: 'd-1', lang: 'de', values: { subject: 'x' }, categories: ['E-Rechnung', 'Sonstiges'], askMunicipality: true, municipality: null, problems: ['subject'] })],
    ['form with remembered municipality', buildTicketFormCard({ draftId: 'd-1', lang: 'en', values: {}, categories: ['Sonstiges'], askMunicipality: false, municipality: 'Musterstadt' })],
    ['suggestions', buildSuggestionsCard([XRECHNUNG_RECEIVE, XRECHNUNG_VALIDATE], 'de')],
    ['summary', buildSummaryCard('d-1', fields, 'de')],
    ['my tickets', buildMyTicketsCard([waiting, resolved], 'de')],
    ['detail of a waiting ticket', buildTicketDetailCards(waiting, 'de')[0]!],
    ['reply field', buildTicketDetailCards(waiting, 'de')[1]!],
    ['choose ticket', buildChooseTicketCard([waiting, resolved], 'de')],
    ['retry', buildRetryReplyCard(waiting, 'de')],
    ['resolved notice', resolvedNoticeCard(resolved, 'de')],
    ['advisor reply', advisorReplyCard(waiting, 'Welche Version nutzen Sie?', 'de', 'Anna Beraterin')],
    ['rating', ratingCard(resolved, 'en')],
    ['handoff offer', handoffOfferCard('q-1', 'de')],
    ['add information', ticketReplyCard(waiting, 'de', 'Was fehlt Ihnen noch?')],
  ])('%s is a valid Adaptive Card 1.5 whose buttons Lotse accepts', (_name, card) => {
    expect(problemsOf(card)).toEqual([]);
  });

  it('names the statuses for requesters in German and English', () => {
    expect(ticketStatusText('waiting_for_requester', 'de')).toBe('Wartet auf Ihre Antwort');
    expect(ticketStatusText('assigned', 'en')).toBe('In progress');
  });

  it("shows an advisor's reply with author, a waiting hint and a reply field (plain: answer by writing)", () => {
    const card = advisorReplyCard(waiting, 'Welche Version nutzen Sie?', 'de', 'Anna Beraterin');
    expect(card.body.map((element) => (element.type === 'TextBlock' ? element.text : element.type))).toEqual([
      'Antwort zu Ihrer Anfrage LOT-2026-000042',
      'Meldebescheinigung für Minderjährige',
      'Anna Beraterin schreibt:',
      'Welche Version nutzen Sie?',
      'Die Berater:innen warten auf Ihre Antwort – schreiben Sie sie einfach hier in den Chat oder in das Feld.',
      'Input.Text',
    ]);
    expect(card.actions).toEqual([{ type: 'Action.Submit', title: 'Antworten', data: { action: 'ticket_reply', ticketId: 'tkt-1' } }]);
    expect(advisorReplyText(waiting, 'Welche Version nutzen Sie?', 'de')).toBe(
      'Antwort zu Ihrer Anfrage LOT-2026-000042\n\nMeldebescheinigung für Minderjährige\n\nWelche Version nutzen Sie?\n\nDie Berater:innen warten auf Ihre Antwort – schreiben Sie sie einfach hier in den Chat.',
    );
  });

  it('asks whether a resolved ticket is done, with close and reopen buttons (plain: ja/nein)', () => {
    expect(resolvedNoticeCard(resolved, 'de').actions.map((action) => [action.title, action.data])).toEqual([
      ['Ja, erledigt', { action: 'ticket_confirm_resolved', ticketId: 'tkt-2' }],
      ['Nein, wieder öffnen', { action: 'ticket_reopen', ticketId: 'tkt-2' }],
    ]);
    expect(resolvedNoticeText(resolved, 'en')).toBe('Your request LOT-2026-000043 has been marked as resolved.\n\nMeldebescheinigung für Minderjährige\n\nDoes this answer your question? Reply with yes or no.');
  });

  it("never shows an internal note on the ticket's detail card", () => {
    const text = JSON.stringify(buildTicketDetailCards(waiting, 'de'));
    expect(text).toContain('Welche Version nutzen Sie?');
    expect(text).not.toContain('Interne Notiz');
  });

  it('gives the notifier activities in the language and format of the requester’s chat', () => {
    const teams = aTicket('resolved', { conversationReference: { channelId: 'msteams', locale: 'en-US', conversation: { id: 'a:1' } } });
    const sms = aTicket('resolved', { conversationReference: { channelId: 'sms', conversation: { id: 's:1' } } });
    const card = requesterNoticeCards.resolvedNotice(teams);
    expect(card.attachments?.[0]?.content).toMatchObject({ lang: 'en', actions: [{ title: 'Yes, done' }, { title: 'No, reopen' }] });
    expect(requesterNoticeCards.resolvedNotice(sms)).toMatchObject({ text: expect.stringMatching(/^Ihre Anfrage LOT-2026-000042 wurde als gelöst markiert\./), textFormat: 'plain' });
    const reply = requesterNoticeCards.advisorReply(teams, { text: 'Bitte prüfen Sie das.', author: { id: anna.id, displayName: anna.displayName } }, 'de-DE');
    expect(reply.attachments?.[0]?.content).toMatchObject({ lang: 'de', actions: [{ title: 'Antworten' }] });
  });
});

describe('parseCardSubmit for ticket buttons', () => {
  it('accepts the ticket actions, keeps input values for their dialog, drops foreign keys', () => {
    expect(parseCardSubmit({ action: 'handoff', questionId: 'q-1', msteams: {} })).toEqual({ action: 'handoff', questionId: 'q-1' });
    expect(parseCardSubmit({ action: 'ticket_form', draftId: 'd', subject: { $ne: null }, urgency: 'high', extra: 1 })).toEqual({ action: 'ticket_form', draftId: 'd', subject: { $ne: null }, urgency: 'high' });
    expect(parseCardSubmit({ action: 'ticket_draft', draftId: 'd', decision: 'submit' })).toEqual({ action: 'ticket_draft', draftId: 'd', decision: 'submit' });
    expect(parseCardSubmit({ action: 'ticket_reply', ticketId: 't', replyText: 'Hallo' })).toEqual({ action: 'ticket_reply', ticketId: 't', replyText: 'Hallo' });
    expect(parseCardSubmit({ action: 'ticket_rate', ticketId: 't', score: '5' })).toEqual({ action: 'ticket_rate', ticketId: 't', score: '5' });
    expect(parseCardSubmit({ action: 'ticket_attach_none' })).toEqual({ action: 'ticket_attach_none' });
  });

  it.each([
    { action: 'ticket_draft', draftId: 'd', decision: 'delete' },
    { action: 'ticket_form' },
    { action: 'ticket_reply', ticketId: { $ne: null }, replyText: 'x' },
    { action: 'ticket_reopen', ticketId: '' },
    { action: 'ticket_confirm_resolved', ticketId: 't'.repeat(200) },
    { action: 'handoff' },
  ])('refuses %j', (value) => {
    expect(parseCardSubmit(value)).toBeNull();
  });
});

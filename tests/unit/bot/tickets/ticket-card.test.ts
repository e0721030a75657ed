import { buildTicketCard, type TicketCardInput } from '../../../../src/bot/tickets/ticket-card';
import { TICKET_STATUSES, type Ticket, type TicketMessage, type TicketStatus } from '../../../../src/domain/tickets/ticket';
import { availableActions } from '../../../../src/domain/tickets/ticket-state-machine';
import { aTicket, anna } from '../../tickets/ticket-fixtures';
import { slaPolicy } from '../../tickets/ticket-service-fixtures';
import { routing } from './advisor-harness';
import { buttonFor, cardText, executeActions, verbsOf } from './ticket-card-inspection';

/** Monday 2026-03-09 09:00 in Berlin: the fixture ticket was just created. */
const CREATED = new Date('2026-03-09T08:00:00.000Z');
const TITLES: Record<string, string> = { 'kb-017': 'Wer darf eine Meldebescheinigung beantragen?' };

function cardFor(ticket: Ticket, overrides: Partial<TicketCardInput> = {}, now = CREATED) {
  return buildTicketCard({
    ticket,
    sla: slaPolicy.slaState(ticket, now),
    groups: routing.groups,
    entryTitle: (id) => TITLES[id],
    lang: 'de',
    timeZone: 'Europe/Berlin',
    ...overrides,
  });
}

function message(index: number, overrides: Partial<TicketMessage> = {}): TicketMessage {
  return {
    id: `m-${index}`,
    author: { id: anna.id, displayName: anna.displayName },
    role: 'advisor',
    text: `Nachricht ${index}`,
    at: `2026-03-09T1${index}:00:00.000Z`,
    internal: false,
    ...overrides,
  };
}

const STATUS_VERBS = ['claim', 'wait_for_requester', 'resume', 'resolve', 'close', 'reopen'];
const ADVISOR = { id: 'any', displayName: 'any', role: 'advisor' } as const;

describe('the ticket card', () => {
  it.each(TICKET_STATUSES.map((status) => [status]))('offers exactly the actions the state machine allows for a %s ticket', (status: TicketStatus) => {
    const ticket = aTicket(status, { advisorGroup: 'datenschutz' });
    const verbs = verbsOf(cardFor(ticket));
    expect(verbs.filter((verb) => STATUS_VERBS.includes(verb))).toEqual(availableActions(ticket, ADVISOR));
    const open = status === 'new' || status === 'assigned' || status === 'waiting_for_requester';
    expect(verbs.includes('reply')).toBe(status === 'assigned' || status === 'waiting_for_requester');
    expect(verbs.includes('note')).toBe(true);
    expect(verbs.includes('priority')).toBe(open);
    expect(verbs.includes('route')).toBe(open);
  });

  it('labels the buttons in German: Übernehmen on a new ticket; Warten, Gelöst, Schließen once claimed', () => {
    const titles = (ticket: Ticket) => executeActions(cardFor(ticket)).map((action) => action.title);
    expect(titles(aTicket('new'))).toEqual(expect.arrayContaining(['Übernehmen', 'Schließen']));
    expect(titles(aTicket('assigned'))).toEqual(expect.arrayContaining(['Warten auf Rückmeldung', 'Gelöst', 'Schließen', 'Antwort senden', 'Notiz speichern']));
    expect(titles(aTicket('closed'))).toEqual(expect.arrayContaining(['Wieder öffnen']));
  });

  it('sends ticket id and version with every button, and the same data with the verb as Action.Submit fallback', () => {
    const ticket = aTicket('assigned', { version: 7 });
    for (const action of executeActions(cardFor(ticket))) {
      expect(action.data).toEqual({ ticketId: 'tkt-1', version: 7 });
      expect(action.fallback).toEqual({ type: 'Action.Submit', title: action.title, data: { ticketId: 'tkt-1', version: 7, verb: action.verb } });
    }
  });

  it('carries a refresh clause, so Teams can fetch the current card, and uses Adaptive Cards 1.4', () => {
    const card = cardFor(aTicket('new'));
    expect(card.version).toBe('1.4');
    expect(card.refresh).toEqual({ action: { type: 'Action.Execute', title: 'Aktualisieren', verb: 'refresh', data: { ticketId: 'tkt-1' } }, userIds: [] });
  });

  it('has the inputs the verbs read: reply text, note text, priority (preset) and the other groups', () => {
    const card = cardFor(aTicket('assigned', { advisorGroup: 'datenschutz', priority: 'high' }));
    const inputs = card.actions.flatMap((action) => (action.type === 'Action.ShowCard' ? action.card.body : []));
    expect(inputs.map((input) => ('id' in input ? input.id : input.type))).toEqual(['replyText', 'noteText', 'priority', 'groupId']);
    expect(inputs[2]).toMatchObject({ type: 'Input.ChoiceSet', value: 'high' });
    expect(inputs[3]).toMatchObject({ choices: [{ title: 'Allgemeine Beratung', value: 'allgemein' }, { title: 'Technik und Infrastruktur', value: 'technik' }] });
  });

  it('shows number, subject, requester with municipality, category, priority, status with assignee and group', () => {
    const text = cardText(cardFor(aTicket('assigned', { advisorGroup: 'datenschutz', priority: 'urgent' })));
    expect(text).toContain('LOT-2026-000042: Meldebescheinigung für Minderjährige');
    expect(text).toContain('Anfragende Person: Petra Muster (Musterstadt)');
    expect(text).toContain('Kategorie: Meldewesen');
    expect(text).toContain('Priorität: Dringend');
    expect(text).toContain('Status: In Bearbeitung – Anna Beraterin');
    expect(text).toContain('Gruppe: Datenschutz und Informationssicherheit');
    expect(cardText(cardFor(aTicket('new')))).toContain('Status: Neu – noch nicht übernommen');
  });

  it('shows the original question and what Lotse had suggested, with title and confidence', () => {
    const ticket = aTicket('new', { candidates: [{ entryId: 'kb-017', score: 4.2, confidence: 0.41 }, { entryId: 'kb-999', score: 1, confidence: 0.1 }] });
    const text = cardText(cardFor(ticket));
    expect(text).toContain('Ursprüngliche Frage\nmeldebescheinigung kind wer darf beantragen');
    expect(text).toContain('- Wer darf eine Meldebescheinigung beantragen? (kb-017) – Treffsicherheit 41 %');
    expect(text).toContain('(kb-999) – Treffsicherheit 10 %');
    expect(cardText(cardFor(aTicket('new', { candidates: [] })))).toContain('Lotse hatte keinen passenden Eintrag.');
  });

  it.each([
    ['just created', CREATED, 'Erstantwort: im Plan (fällig 10.03.2026, 16:00)'],
    ['an hour before the due time', new Date('2026-03-10T14:00:00.000Z'), 'Erstantwort: bald fällig (fällig 10.03.2026, 16:00)'],
    ['after the due time', new Date('2026-03-10T15:30:00.000Z'), 'Erstantwort: überschritten (fällig 10.03.2026, 16:00)'],
  ])('shows the first-response SLA %s, with the due time in Berlin', (_when, now, expected) => {
    expect(cardText(cardFor(aTicket('new'), {}, now))).toContain(expected);
  });

  it('shows a stopped clock with the time it stopped', () => {
    const ticket = aTicket('assigned', { sla: { ...aTicket().sla, firstRespondedAt: '2026-03-09T09:30:00.000Z' } });
    expect(cardText(cardFor(ticket))).toContain('Erstantwort: erledigt am 09.03.2026, 10:30');
  });

  it('shows the last five messages, internal notes marked, and counts the older ones', () => {
    const messages = [1, 2, 3, 4, 5, 6].map((index) => message(index, index === 6 ? { internal: true, text: 'Nur intern' } : {}));
    const card = cardFor(aTicket('assigned', { messages }));
    const text = cardText(card);
    expect(text).toContain('1 ältere Nachricht ist ausgeblendet.');
    expect(text).not.toContain('Nachricht 1');
    expect(text).toContain('**Anna Beraterin** (Antwort, 09.03.2026, 13:00)\nNachricht 2');
    expect(text).toContain('🔒 **Interne Notiz** von Anna Beraterin');
    expect(text).toContain('Nur intern');
  });

  it('puts a notice on top and can be read-only with a reason, still refreshable', () => {
    const card = cardFor(aTicket('new'), { notice: { text: 'Bereits von Ben übernommen.', tone: 'warning' }, readOnly: true, footer: 'Nur Mitglieder …' });
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: 'Bereits von Ben übernommen.', color: 'attention' });
    expect(executeActions(card)).toEqual([]);
    expect(cardText(card)).toContain('Nur Mitglieder …');
    expect(card.refresh.action.verb).toBe('refresh');
  });

  it('speaks English for an English locale', () => {
    const card = cardFor(aTicket('new'), { lang: 'en' });
    expect(card.lang).toBe('en');
    expect(buttonFor(card, 'claim').title).toBe('Claim');
    expect(cardText(card)).toContain('First response: on track (due 10/03/2026, 16:00)');
  });
});

import { matchPendingReply, type PendingReply } from '../../../dialogs/pending-reply';
import {
  categoryChoices,
  checkTicketForm,
  cleanMultilineText,
  prefillFromQuestion,
  readCategory,
  readDescription,
  readUrgency,
} from '../../../src/bot/tickets/ticket-fields';

const context = { categories: ['E-Rechnung', 'Sonstiges'], municipality: null };
const valid = { subject: ' Portal\u200b  zugang ', description: 'Zeile 1\r\n\r\n\r\n\r\nZeile 2\u0007', category: 'E-Rechnung', urgency: 'urgent', municipality: 'Musterstadt' };

describe('checkTicketForm', () => {
  it('cleans and returns the fields of a valid form', () => {
    expect(checkTicketForm(valid, context)).toEqual({
      ok: true,
      fields: { subject: 'Portal zugang', description: 'Zeile 1\n\nZeile 2', category: 'E-Rechnung', priority: 'urgent', municipality: 'Musterstadt' },
    });
  });

  it('takes the remembered municipality when the form did not ask for it, whatever was sent', () => {
    expect(checkTicketForm({ ...valid, municipality: 'Gefälscht' }, { ...context, municipality: 'Beispielhausen' })).toMatchObject({ ok: true, fields: { municipality: 'Beispielhausen' } });
  });

  it('names every field that does not fit, in form order', () => {
    expect(checkTicketForm({ subject: 42, category: 'Gehälter', urgency: 'sofort', description: ['x'] }, context)).toEqual({
      ok: false,
      problems: ['subject', 'description', 'category', 'urgency', 'municipality'],
    });
  });
});

describe('plain-text answers and prefill', () => {
  it('offers the knowledge categories once each, sorted, "Sonstiges" last', () => {
    expect(categoryChoices(['Nutzerkonten', 'E-Rechnung', 'Sonstiges', 'E-Rechnung', ' '])).toEqual(['E-Rechnung', 'Nutzerkonten', 'Sonstiges']);
  });

  it('prefills the subject with the question, and the description only when the question is too long', () => {
    expect(prefillFromQuestion('Wie geht das?')).toEqual({ subject: 'Wie geht das?', description: '' });
    const long = `${'Wort '.repeat(60)}Ende?`;
    const prefill = prefillFromQuestion(long);
    expect(prefill.subject.length).toBeLessThanOrEqual(200);
    expect(prefill.subject).toMatch(/Wort…$/);
    expect(prefill.description).toBe(long.trim());
  });

  it('reads categories and urgencies by number or name', () => {
    expect(readCategory('2', ['E-Rechnung', 'Sonstiges'])).toEqual({ ok: true, value: 'Sonstiges' });
    expect(readCategory('e-rechnung', ['E-Rechnung', 'Sonstiges'])).toEqual({ ok: true, value: 'E-Rechnung' });
    expect(readCategory('3', ['E-Rechnung', 'Sonstiges'])).toEqual({ ok: false });
    expect(readUrgency('4.')).toEqual({ ok: true, value: 'urgent' });
    expect(readUrgency('Hoch')).toEqual({ ok: true, value: 'high' });
    expect(readUrgency('0')).toEqual({ ok: false });
    expect(readDescription('-')).toEqual({ ok: true, value: '' });
  });

  it('keeps line breaks in descriptions but no control characters', () => {
    expect(cleanMultilineText(' a\tb \u0000\n  c ')).toBe('a b\nc');
  });
});

describe('typed replies to ticket prompts', () => {
  const resolved: PendingReply = { kind: 'ticket_resolved', userId: 'u', ticketId: 't' };
  const rating: PendingReply = { kind: 'ticket_rating', userId: 'u', ticketId: 't' };
  const attach: PendingReply = { kind: 'ticket_attach', userId: 'u', ticketIds: ['t1', 't2'] };
  const handoff: PendingReply = { kind: 'handoff', userId: 'u', questionId: 'q' };

  it('maps ja/nein after the resolved notice to close / reopen', () => {
    expect(matchPendingReply(resolved, 'Ja!', 'u')).toEqual({ action: 'ticket_confirm_resolved', ticketId: 't' });
    expect(matchPendingReply(resolved, 'nein', 'u')).toEqual({ action: 'ticket_reopen', ticketId: 't' });
    expect(matchPendingReply(resolved, 'ja', 'other')).toBeNull();
  });

  it('maps a score (with an optional comment) after the rating question', () => {
    expect(matchPendingReply(rating, '4', 'u')).toEqual({ action: 'ticket_rate', ticketId: 't', score: 4 });
    expect(matchPendingReply(rating, '5 - Sehr schnell, danke!', 'u')).toEqual({ action: 'ticket_rate', ticketId: 't', score: 5, comment: 'Sehr schnell, danke!' });
    expect(matchPendingReply(rating, '4/5', 'u')).toEqual({ action: 'ticket_rate', ticketId: 't', score: 4 });
    expect(matchPendingReply(rating, '45', 'u')).toBeNull();
    expect(matchPendingReply(rating, '6', 'u')).toBeNull();
  });

  it('maps a number to the waiting ticket, "0" to none of them', () => {
    expect(matchPendingReply(attach, '2', 'u')).toEqual({ action: 'ticket_attach', ticketId: 't2' });
    expect(matchPendingReply(attach, '0', 'u')).toEqual({ action: 'ticket_attach_none' });
    expect(matchPendingReply(attach, 'ja', 'u')).toBeNull();
    expect(matchPendingReply({ ...attach, ticketIds: ['t1'] }, 'ja', 'u')).toEqual({ action: 'ticket_attach', ticketId: 't1' });
  });

  it('forwards the question after "no answer" on "ja" or "weitergeben"', () => {
    expect(matchPendingReply(handoff, 'Weitergeben', 'u')).toEqual({ action: 'handoff', questionId: 'q' });
    expect(matchPendingReply(handoff, 'ja bitte', 'u')).toEqual({ action: 'handoff', questionId: 'q' });
    expect(matchPendingReply(handoff, 'nein', 'u')).toBeNull();
  });
});

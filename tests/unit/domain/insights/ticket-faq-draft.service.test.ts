import { AppError, ErrorCode } from '../../../../src/domain/errors';
import { TicketFaqDraftService, canBecomeFaqDraft, faqDraftOfTicket } from '../../../../src/domain/insights/ticket-faq-draft.service';
import type { Ticket, TicketMessage } from '../../../../src/domain/tickets/ticket';
import { FakeKnowledgeDrafts, InMemoryTicketDraftLinks } from '../../../support/fakes/in-memory-insights';
import { aTicket, anna, personOf, requester } from '../../tickets/ticket-fixtures';

const ADMIN = { id: 'aad-admin', name: 'Ada Admin' };
const NOW = new Date('2026-03-20T10:00:00.000Z');

function message(role: 'advisor' | 'requester', text: string, internal = false, at = '2026-03-10T09:00:00.000Z'): TicketMessage {
  return { id: `m-${text.length}-${at}`, author: personOf(role === 'advisor' ? anna : requester), role, text, at, internal };
}

const REPLY = 'Die Meldebescheinigung für Minderjährige beantragen die Sorgeberechtigten, mit Vollmacht auch eine andere Person.';

function resolvedTicket(overrides: Partial<Ticket> = {}): Ticket {
  return aTicket('resolved', {
    messages: [
      message('advisor', 'Erste, vorläufige Antwort der Beratung.', false, '2026-03-09T10:00:00.000Z'),
      message('requester', 'Danke, und für Kinder?', false, '2026-03-09T11:00:00.000Z'),
      message('advisor', `  ${REPLY}\n`, false, '2026-03-10T09:00:00.000Z'),
      message('advisor', 'Interne Notiz: Kollegin informiert.', true, '2026-03-10T09:05:00.000Z'),
    ],
    ...overrides,
  });
}

function setup(tickets: readonly Ticket[]) {
  const byNumber = new Map(tickets.map((ticket) => [ticket.number, ticket]));
  const links = new InMemoryTicketDraftLinks();
  const drafts = new FakeKnowledgeDrafts();
  const sut = new TicketFaqDraftService({ tickets: { getByNumber: async (number) => byNumber.get(number) ?? null }, links, drafts, now: () => NOW });
  return { sut, links, drafts };
}

describe('TicketFaqDraftService', () => {
  it('turns a resolved ticket into a draft: subject as question, original question as alternative, last public advisor reply as answer', async () => {
    const { sut, drafts, links } = setup([resolvedTicket()]);

    expect(await sut.createDraft('LOT-2026-000042', ADMIN)).toEqual({ kind: 'created', entryId: 'kb-901', ticketNumber: 'LOT-2026-000042' });
    expect(drafts.created).toEqual([
      {
        draft: {
          question: 'Meldebescheinigung für Minderjährige',
          alternativeQuestions: ['meldebescheinigung kind wer darf beantragen'],
          answer: REPLY,
          category: 'Meldewesen',
          source: 'Ticket LOT-2026-000042',
        },
        author: ADMIN,
      },
    ]);
    expect(await links.get('LOT-2026-000042')).toEqual({ ticketNumber: 'LOT-2026-000042', entryId: 'kb-901', createdBy: 'aad-admin', createdAt: NOW.toISOString() });
  });

  it('does it once: a second or concurrent request finds the existing draft', async () => {
    const { sut, drafts } = setup([resolvedTicket()]);
    const results = await Promise.all([sut.createDraft('LOT-2026-000042', ADMIN), sut.createDraft('LOT-2026-000042', ADMIN)]);

    expect(results.map((result) => result.kind).sort()).toEqual(['created', 'exists']);
    expect(await sut.createDraft('LOT-2026-000042', ADMIN)).toEqual({ kind: 'exists', entryId: 'kb-901', ticketNumber: 'LOT-2026-000042' });
    expect(drafts.created).toHaveLength(1);
  });

  it('refuses open tickets, tickets without a public advisor reply and unknown numbers', async () => {
    const open = aTicket('assigned', { number: 'LOT-2026-000001', messages: [message('advisor', REPLY)] });
    const notesOnly = resolvedTicket({ number: 'LOT-2026-000002', messages: [message('advisor', REPLY, true)] });
    const { sut, drafts } = setup([open, notesOnly]);

    expect(await sut.createDraft('LOT-2026-000001', ADMIN)).toEqual({ kind: 'not_finished', status: 'assigned' });
    expect(await sut.createDraft('LOT-2026-000002', ADMIN)).toEqual({ kind: 'no_reply' });
    expect(await sut.createDraft('LOT-2026-000099', ADMIN)).toEqual({ kind: 'not_found' });
    expect(canBecomeFaqDraft(open)).toBe(false);
    expect(canBecomeFaqDraft(notesOnly)).toBe(false);
    expect(canBecomeFaqDraft(resolvedTicket())).toBe(true);
    expect(drafts.created).toEqual([]);
  });

  it('uses the original question when the subject is too short, and drops a duplicate alternative', () => {
    expect(faqDraftOfTicket(resolvedTicket({ subject: ' ?? ', originalQuestion: 'Wer beantragt die Meldebescheinigung?' }))).toMatchObject({
      question: 'Wer beantragt die Meldebescheinigung?',
      alternativeQuestions: [],
    });
    expect(faqDraftOfTicket(resolvedTicket({ originalQuestion: 'meldebescheinigung für minderjährige' }))).toMatchObject({ alternativeQuestions: [] });
  });

  it('frees the ticket again when the editor refuses the draft', async () => {
    const { sut, drafts, links } = setup([resolvedTicket()]);
    drafts.failWith = new AppError(ErrorCode.ValidationFailed, 'answer too short');

    await expect(sut.createDraft('LOT-2026-000042', ADMIN)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    expect(await links.get('LOT-2026-000042')).toBeNull();
    drafts.failWith = null;
    expect(await sut.createDraft('LOT-2026-000042', ADMIN)).toMatchObject({ kind: 'created' });
  });
});

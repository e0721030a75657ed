import { AppError, ErrorCode } from '../../../../../src/domain/errors';
import type { Ticket } from '../../../../../src/domain/tickets/ticket';
import { faqDraftButton } from '../../../../../src/http/dashboard/insights/ticket-faq-draft.route';
import { aTicket, anna, personOf } from '../../../tickets/ticket-fixtures';
import { CSRF, bodyOf, createInsightsHarness, textOf } from './insights-harness';

const PATH = '/dashboard/tickets/:number/faq-draft';
const REPLY = 'Die Meldebescheinigung beantragen die Sorgeberechtigten persönlich oder online.';

function resolved(number: string, overrides: Partial<Ticket> = {}): Ticket {
  return aTicket('resolved', {
    number,
    messages: [{ id: 'm1', author: personOf(anna), role: 'advisor', text: REPLY, at: '2026-03-10T09:00:00.000Z', internal: false }],
    ...overrides,
  });
}

describe('POST /dashboard/tickets/:number/faq-draft', () => {
  it('turns a resolved ticket into a draft and opens it in the editor; a second time it opens the same draft', async () => {
    const h = createInsightsHarness({ tickets: [resolved('LOT-2026-000042')] });

    expect(await h.post(PATH, { _csrf: CSRF }, { number: 'LOT-2026-000042' })).toEqual({
      kind: 'redirect',
      location: '/dashboard/knowledge/kb-901',
      notice: 'FAQ-Entwurf aus Ticket LOT-2026-000042 angelegt. Bitte prüfen Sie die Antwort (keine persönlichen Angaben) und veröffentlichen Sie den Eintrag.',
    });
    expect(h.drafts.created[0]!.draft).toMatchObject({ answer: REPLY, source: 'Ticket LOT-2026-000042', category: 'Meldewesen' });
    expect(await h.post(PATH, { _csrf: CSRF }, { number: 'lot-2026-42' })).toEqual({
      kind: 'redirect',
      location: '/dashboard/knowledge/kb-901',
      notice: 'Aus Ticket LOT-2026-000042 wurde bereits dieser FAQ-Entwurf angelegt.',
    });
    expect(h.drafts.created).toHaveLength(1);
  });

  it('refuses an open ticket (409), an unknown or malformed number (404) and an editor refusal (422)', async () => {
    const h = createInsightsHarness({ tickets: [aTicket('assigned', { number: 'LOT-2026-000001' }), resolved('LOT-2026-000002')] });

    const open = await h.post(PATH, {}, { number: 'LOT-2026-000001' });
    expect(open).toMatchObject({ kind: 'page', status: 409 });
    expect(textOf(bodyOf(open))).toContain('Nur gelöste oder geschlossene Tickets können als FAQ-Entwurf übernommen werden.');
    expect(bodyOf(open)).toContain('<a href="/dashboard/tickets/LOT-2026-000001">');
    expect(await h.post(PATH, {}, { number: 'LOT-2026-000099' })).toMatchObject({ status: 404 });
    expect(await h.post(PATH, {}, { number: '<script>' })).toMatchObject({ status: 404 });

    h.drafts.failWith = new AppError(ErrorCode.ValidationFailed, 'answer too short');
    expect(await h.post(PATH, {}, { number: 'LOT-2026-000002' })).toMatchObject({ kind: 'page', status: 422 });
    expect(h.drafts.created).toEqual([]);
  });
});

describe('faqDraftButton (for the ticket page)', () => {
  it('is a CSRF-protected POST form for resolved tickets with a reply, and nothing otherwise', () => {
    expect(faqDraftButton(resolved('LOT-2026-000042'), CSRF)?.value).toBe(
      `<form method="post" action="/dashboard/tickets/LOT-2026-000042/faq-draft" class="inline-form"><input type="hidden" name="_csrf" value="${CSRF}"><button type="submit" class="button button-secondary">Als FAQ-Entwurf übernehmen</button></form>`,
    );
    expect(faqDraftButton(aTicket('assigned'), CSRF)).toBeNull();
    expect(faqDraftButton(resolved('LOT-2026-000042', { messages: [] }), CSRF)).toBeNull();
  });
});

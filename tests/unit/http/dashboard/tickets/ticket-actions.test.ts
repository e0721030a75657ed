import type { DashboardResponse } from '../../../../../src/http/dashboard/dashboard-route';
import { anna, ben } from '../../../../unit/tickets/ticket-fixtures';
import { annaUser, benUser, bodyOf, createTicketPagesHarness, textOf } from './ticket-pages-harness';

const NUMBER = 'LOT-2026-000001';
const back = (notice: string): DashboardResponse => ({ kind: 'redirect', location: `/dashboard/tickets/${NUMBER}`, notice });

/** The outbox as `kind[:event]` lines, e.g. `notify_requester:advisor_replied`. */
function kinds(h: ReturnType<typeof createTicketPagesHarness>): string[] {
  return h.outbox.notifications.map((n) => (n.kind === 'notify_requester' ? `${n.kind}:${n.event.type}` : n.kind));
}

async function claimedTicket() {
  const h = createTicketPagesHarness();
  const ticket = await h.open();
  await h.desk.claim(ticket.id, anna);
  return { h, ticket };
}

describe('POST /dashboard/tickets/:number/<verb> (ticket changes)', () => {
  it('claims the ticket for the signed-in advisor and redirects back with a notice', async () => {
    const h = createTicketPagesHarness();
    const ticket = await h.open();

    expect(await h.post('claim', NUMBER, { version: '1' }, benUser)).toEqual(back('Ticket übernommen.'));
    expect(await h.stored(ticket.id)).toMatchObject({ status: 'assigned', assignee: { id: ben.id, displayName: 'Ben Berater' }, version: 2 });
    expect((await h.stored(ticket.id)).auditTrail.at(-1)).toMatchObject({ action: 'claim', actor: { id: ben.id, role: 'advisor' } });
    expect(kinds(h)).toEqual(['post_card', 'refresh_card', 'notify_requester:claimed']);
  });

  it('lets exactly one of two concurrent claims win; the other sees who has it (409)', async () => {
    const h = createTicketPagesHarness();
    const ticket = await h.open();

    const responses = await Promise.all([h.post('claim', NUMBER, { version: '1' }, annaUser), h.post('claim', NUMBER, { version: '1' }, benUser)]);
    const stored = await h.stored(ticket.id);
    const winner = stored.assignee!.displayName;
    const loser = responses.find((response) => response.kind === 'page');

    expect(responses.filter((response) => response.kind === 'redirect')).toEqual([back('Ticket übernommen.')]);
    expect(loser).toMatchObject({ status: 409, notice: `Bereits von ${winner} übernommen.` });
    expect(textOf(bodyOf(loser!))).toContain(`Bearbeitung ${winner}`);
    expect(stored.auditTrail.filter((entry) => entry.action === 'claim')).toHaveLength(1);
    expect(kinds(h).filter((kind) => kind === 'notify_requester:claimed')).toHaveLength(1);
  });

  it('tells an advisor who claims twice (a double click) that the ticket is already theirs', async () => {
    const { h } = await claimedTicket();
    expect(await h.post('claim', NUMBER, { version: '1' }, annaUser)).toMatchObject({ status: 409, notice: 'Sie haben dieses Ticket bereits übernommen.' });
  });

  it('sends a reply to the requester through the desk: card refresh and requester notification are enqueued', async () => {
    const { h, ticket } = await claimedTicket();

    expect(await h.post('reply', NUMBER, { version: '2', text: '  Bitte senden Sie uns die Vollmacht.\r\nDanke!  ' })).toEqual(
      back('Antwort gesendet. Die anfragende Person erhält sie in Microsoft Teams.'),
    );
    const stored = await h.stored(ticket.id);
    expect(stored.messages).toEqual([expect.objectContaining({ text: 'Bitte senden Sie uns die Vollmacht.\nDanke!', internal: false, author: { id: anna.id, displayName: 'Anna Beraterin' } })]);
    expect(stored.sla.firstRespondedAt).not.toBeNull();
    expect(h.outbox.notifications.slice(-2)).toEqual([
      { kind: 'refresh_card', ticketId: ticket.id },
      { kind: 'notify_requester', ticketId: ticket.id, event: { type: 'advisor_replied', messageId: stored.messages[0]!.id } },
    ]);
  });

  it('saves an internal note without telling the requester', async () => {
    const { h, ticket } = await claimedTicket();
    const before = h.outbox.notifications.length;
    expect(await h.post('note', NUMBER, { version: '2', text: 'Rückfrage beim Meldeamt.' })).toEqual(back('Interne Notiz gespeichert.'));
    expect((await h.stored(ticket.id)).messages).toEqual([expect.objectContaining({ text: 'Rückfrage beim Meldeamt.', internal: true })]);
    expect(h.outbox.notifications.slice(before)).toEqual([{ kind: 'refresh_card', ticketId: ticket.id }]);
  });

  it('refuses a change to a ticket that changed meanwhile (409) and keeps the typed text with the current version', async () => {
    const { h, ticket } = await claimedTicket();
    await h.desk.note(ticket.id, ben, 'Ich kümmere mich um die Unterlagen.');

    const response = await h.post('reply', NUMBER, { version: '2', text: 'Meine Antwort <ohne> Kenntnis der Notiz' });
    const body = bodyOf(response);

    expect(response).toMatchObject({ status: 409, notice: expect.stringMatching(/^Das Ticket wurde inzwischen geändert/) });
    expect(textOf(body)).toContain('Ich kümmere mich um die Unterlagen.');
    expect(body).toMatch(/<textarea id="reply-text"[^>]*>Meine Antwort &lt;ohne&gt; Kenntnis der Notiz<\/textarea>/);
    expect(body).toContain('<input type="hidden" name="version" value="3">');
    expect(await h.stored(ticket.id)).toMatchObject({ version: 3, messages: [expect.objectContaining({ internal: true })] });
  });

  it('refuses an empty or too long text with 422 and the problem next to the field', async () => {
    const { h, ticket } = await claimedTicket();

    const empty = await h.post('reply', NUMBER, { version: '2', text: '   ' });
    expect(empty).toMatchObject({ status: 422, notice: 'Bitte korrigieren Sie die markierten Angaben.' });
    expect(bodyOf(empty)).toContain('aria-describedby="reply-text-hint reply-text-error" aria-invalid="true"');
    expect(bodyOf(empty)).toContain('<p class="field-error" id="reply-text-error">Bitte geben Sie einen Text ein.</p>');

    const long = 'a'.repeat(5001);
    const tooLong = await h.post('note', NUMBER, { version: '2', text: long });
    expect(tooLong).toMatchObject({ status: 422 });
    expect(bodyOf(tooLong)).toContain('<p class="field-error" id="note-text-error">Der Text ist zu lang (höchstens 5.000 Zeichen).</p>');
    expect(bodyOf(tooLong)).toMatch(/<textarea id="note-text"[^>]*aria-describedby="note-text-error" aria-invalid="true">a{5001}<\/textarea>/);

    expect(await h.post('note', NUMBER, { version: '2', text: { $gt: '' } })).toMatchObject({ status: 422 });
    expect(await h.post('note', NUMBER, { version: '2', text: ['a', 'b'] })).toMatchObject({ status: 422 });
    expect(await h.stored(ticket.id)).toMatchObject({ version: 2, messages: [] });
  });

  it('refuses a forged or missing version before anything changes', async () => {
    const { h, ticket } = await claimedTicket();
    for (const version of [{ $ne: null }, undefined, '2.5', '-1', ['2', '3']]) {
      expect(await h.post('note', NUMBER, { version, text: 'Notiz' })).toMatchObject({ status: 422, notice: 'Das Formular ist ungültig. Bitte laden Sie die Seite neu.' });
    }
    expect((await h.stored(ticket.id)).version).toBe(2);
  });

  it('asks to claim first before replying to a new ticket (409)', async () => {
    const h = createTicketPagesHarness();
    await h.open();
    expect(await h.post('reply', NUMBER, { version: '1', text: 'Hallo' })).toMatchObject({ status: 409, notice: 'Bitte übernehmen Sie das Ticket, bevor Sie antworten.' });
  });

  it('changes the status through the state machine and refuses what the status does not allow', async () => {
    const { h, ticket } = await claimedTicket();
    expect(await h.post('status', NUMBER, { version: '2', action: 'resolve' })).toEqual(back('Status geändert: Gelöst.'));
    expect(kinds(h).at(-1)).toBe('notify_requester:status_changed');
    expect(await h.post('status', NUMBER, { version: '3', action: 'wait_for_requester' })).toMatchObject({ status: 409, notice: 'Das ist im Status „Gelöst“ nicht möglich.' });
    const forged = await h.post('status', NUMBER, { version: '3', action: 'delete' });
    expect(forged).toMatchObject({ status: 422 });
    expect(bodyOf(forged)).toContain('<p class="field-error" id="status-action-error">Bitte wählen Sie einen Wert aus der Liste.</p>');
    expect(await h.stored(ticket.id)).toMatchObject({ status: 'resolved', version: 3 });
  });

  it('changes the priority (the SLA due times follow) and routes to another group', async () => {
    const { h, ticket } = await claimedTicket();
    expect(await h.post('priority', NUMBER, { version: '2', priority: 'urgent' })).toEqual(back('Priorität: Dringend.'));
    expect((await h.stored(ticket.id)).sla.firstResponseDue).toBe('2026-03-09T09:00:00.000Z');
    expect(await h.post('priority', NUMBER, { version: '3', priority: 'sofort' })).toMatchObject({ status: 422 });

    expect(await h.post('route', NUMBER, { version: '3', group: 'datenschutz' })).toEqual(back('An die Gruppe „Datenschutz und Informationssicherheit“ weitergeleitet.'));
    expect(await h.stored(ticket.id)).toMatchObject({ advisorGroup: 'datenschutz', status: 'new', assignee: null, version: 4 });
    expect(kinds(h).slice(-2)).toEqual(['refresh_card', 'post_card']);
    const unknown = await h.post('route', NUMBER, { version: '4', group: 'geheim' });
    expect(unknown).toMatchObject({ status: 422 });
    expect(bodyOf(unknown)).toContain('aria-describedby="route-group-error" aria-invalid="true"');
  });

  it('answers 404 for a change to an unknown ticket', async () => {
    const h = createTicketPagesHarness();
    expect(await h.post('claim', NUMBER, { version: '1' })).toMatchObject({ status: 404 });
    expect(await h.post('claim', 'nonsense', { version: '1' })).toMatchObject({ status: 404 });
  });
});

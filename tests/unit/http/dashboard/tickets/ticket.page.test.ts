import { anna, requester } from '../../../../unit/tickets/ticket-fixtures';
import { bodyOf, createTicketPagesHarness, tableRows, textOf } from './ticket-pages-harness';

/** The markup of the form posting to `verb`, or undefined. */
function formOf(body: string, verb: string): string | undefined {
  return new RegExp(`<form method="post" action="/dashboard/tickets/LOT-2026-000001/${verb}"[\\s\\S]*?</form>`).exec(body)?.[0];
}

/** The values of a select's options. */
function optionValues(form: string | undefined): string[] {
  return [...(form ?? '').matchAll(/<option value="([^"]*)"/g)].map((match) => match[1]!);
}

describe('GET /dashboard/tickets/:number (ticket page)', () => {
  it('shows the facts with both SLA clocks, the question and Lotse\'s suggestions with titles and confidence', async () => {
    const h = createTicketPagesHarness();
    const ticket = await h.open({
      candidates: [
        { entryId: 'kb-017', score: 4.2, confidence: 0.413 },
        { entryId: 'kb-099', score: 1.1, confidence: 0.08 },
      ],
    });
    await h.desk.claim(ticket.id, anna);

    const response = await h.ticket(ticket.number);
    const text = textOf(bodyOf(response));

    expect(response).toMatchObject({ kind: 'page', title: 'LOT-2026-000001: Meldebescheinigung für Minderjährige' });
    expect(text).toContain('Status In Bearbeitung Priorität Normal Gruppe Meldewesen und Personenstand Bearbeitung Anna Beraterin');
    expect(text).toContain('Anfragende Person Petra Muster (Musterstadt) Kategorie Meldewesen Eingegangen 09.03.2026, 09:00');
    // Normal: first response within 8 working hours (Tuesday 09:00), resolution within 40 (next Monday 12:00).
    expect(text).toContain('Erstantwort im Plan fällig 10.03.2026, 09:00 Lösung im Plan fällig 16.03.2026, 12:00');
    expect(text).toContain('Beschreibung Wer darf die Meldebescheinigung beantragen?');
    expect(text).toContain('Ursprüngliche Frage an Lotse meldebescheinigung kind wer darf beantragen');
    expect(text).toContain('Wer darf eine Meldebescheinigung beantragen? ( kb-017 ) – Treffsicherheit 41 %');
    expect(text).toContain('Eintrag nicht mehr veröffentlicht ( kb-099 ) – Treffsicherheit 8 %');
  });

  it('shows the thread with internal notes marked in words and by class, and the audit trail in German', async () => {
    const h = createTicketPagesHarness();
    const ticket = await h.open();
    await h.desk.claim(ticket.id, anna);
    await h.desk.note(ticket.id, anna, 'Rückruf beim Meldeamt nötig.');
    await h.desk.reply(ticket.id, anna, 'Bitte senden Sie uns die Vollmacht.');
    await h.desk.reply(ticket.id, requester, 'Anbei die Vollmacht.');
    await h.desk.changePriority(ticket.id, 'high', anna);

    const body = bodyOf(await h.ticket(ticket.number));
    const messages = [...body.matchAll(/<li class="(message[^"]*)">([\s\S]*?)<\/li>/g)].map((m) => [m[1], textOf(m[2]!)]);

    expect(messages).toEqual([
      ['message message-internal', 'Interne Notiz (nur für Berater:innen sichtbar) – Anna Beraterin, 09.03.2026, 09:00 Rückruf beim Meldeamt nötig.'],
      ['message message-advisor', 'Antwort – Anna Beraterin, 09.03.2026, 09:00 Bitte senden Sie uns die Vollmacht.'],
      ['message message-requester', 'Anfragende Person – Petra Muster, 09.03.2026, 09:00 Anbei die Vollmacht.'],
    ]);
    const audit = tableRows(body);
    expect(audit.map((row) => row.slice(1))).toEqual([
      ['Petra Muster (Anfragende Person)', 'Ticket erstellt', 'Status: — → Neu Priorität: — → Normal Kategorie: — → Meldewesen Gruppe: — → Meldewesen und Personenstand'],
      ['Anna Beraterin', 'Übernommen', 'Status: Neu → In Bearbeitung Bearbeitung: — → Anna Beraterin'],
      ['Anna Beraterin', 'Interne Notiz geschrieben', '—'],
      ['Anna Beraterin', 'Antwort gesendet', '—'],
      ['Petra Muster (Anfragende Person)', 'Antwort gesendet', '—'],
      ['Anna Beraterin', 'Priorität geändert', 'Priorität: Normal → Hoch'],
    ]);
    expect(audit[0]![0]).toBe('09.03.2026, 09:00');
  });

  it('offers on a new ticket: claim, no reply (with the reason), a note, only the allowed status actions, priority, routing', async () => {
    const h = createTicketPagesHarness();
    const ticket = await h.open();
    const body = bodyOf(await h.ticket(ticket.number));

    for (const verb of ['claim', 'note', 'status', 'priority', 'route']) {
      const form = formOf(body, verb);
      expect(form).toContain('<input type="hidden" name="_csrf" value="csrf-token-1">');
      expect(form).toContain('<input type="hidden" name="version" value="1">');
    }
    expect(formOf(body, 'reply')).toBeUndefined();
    expect(textOf(body)).toContain('Antworten können Sie, sobald das Ticket übernommen und offen ist.');
    expect(optionValues(formOf(body, 'status'))).toEqual(['close']);
    expect(optionValues(formOf(body, 'route'))).toEqual(['allgemein', 'datenschutz']);
    expect(body).toContain('<label for="note-text">Interne Notiz (nur für Berater:innen sichtbar)</label>');
    expect(body).toContain('<label for="priority-priority">Neue Priorität</label>');
  });

  it('offers on a claimed ticket a reply with a hint, and on a resolved one only reopen or close', async () => {
    const h = createTicketPagesHarness();
    const ticket = await h.open();
    await h.desk.claim(ticket.id, anna);
    const claimed = bodyOf(await h.ticket(ticket.number));
    expect(formOf(claimed, 'claim')).toBeUndefined();
    expect(formOf(claimed, 'reply')).toContain('aria-describedby="reply-text-hint"');
    expect(optionValues(formOf(claimed, 'status'))).toEqual(['wait_for_requester', 'resolve', 'close']);

    await h.desk.changeStatus(ticket.id, 'resolve', anna);
    const resolved = bodyOf(await h.ticket(ticket.number));
    expect(optionValues(formOf(resolved, 'status'))).toEqual(['close', 'reopen']);
    expect(formOf(resolved, 'reply')).toBeUndefined();
    expect(formOf(resolved, 'priority')).toBeUndefined();
    expect(formOf(resolved, 'route')).toBeUndefined();
    expect(textOf(resolved)).toContain('Erstantwort eingehalten erledigt am 09.03.2026, 09:00 (fällig 10.03.2026, 09:00)');
  });

  it('finds a ticket by the number as typed and answers 404 for unknown or malformed numbers', async () => {
    const h = createTicketPagesHarness();
    await h.open();
    expect(await h.ticket('lot-2026-1')).toMatchObject({ kind: 'page', title: expect.stringContaining('LOT-2026-000001') });
    expect(await h.ticket('LOT-2026-000002')).toMatchObject({ kind: 'page', status: 404, title: 'Ticket nicht gefunden' });
    expect(await h.ticket('{"$ne":null}')).toMatchObject({ status: 404 });
  });

  it('shows texts from the ticket as text: <script> in subject, description, question and messages is escaped', async () => {
    const h = createTicketPagesHarness();
    const script = '<script>alert(1)</script>';
    const ticket = await h.open({ subject: script, description: `${script}\n<img src=x onerror=alert(2)>`, originalQuestion: script });
    await h.desk.claim(ticket.id, anna);
    await h.desk.note(ticket.id, anna, `"><script>alert(3)</script>`);

    const response = await h.ticket(ticket.number);
    const body = bodyOf(response);
    expect(body).not.toMatch(/<script|<img/);
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;<br>&lt;img src=x onerror=alert(2)&gt;');
    expect(body).toContain('&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;');
    // The title is plain text; the layout escapes it like every interpolation.
    expect(response).toMatchObject({ title: `LOT-2026-000001: ${script}` });
  });
});

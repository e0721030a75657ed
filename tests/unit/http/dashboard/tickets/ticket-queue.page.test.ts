import type { Ticket } from '../../../../../src/domain/tickets/ticket';
import { formatTicketNumber } from '../../../../../src/domain/tickets/ticket-number';
import { aTicket, anna, ben, personOf } from '../../../../unit/tickets/ticket-fixtures';
import { adminUser, benUser, bodyOf, createTicketPagesHarness, tableRows, textOf } from './ticket-pages-harness';

type Harness = ReturnType<typeof createTicketPagesHarness>;

/** A stored ticket `n` (LOT-2026-00000n); open and unassigned unless overridden. */
function seed(harness: Harness, n: number, overrides: Partial<Ticket> = {}): Ticket {
  const ticket = aTicket(overrides.status ?? 'new', {
    id: `tkt-${n}`,
    number: formatTicketNumber(2026, n),
    idempotencyKey: `a:1|activity-${n}`,
    subject: `Anfrage ${n}`,
    ...overrides,
  });
  harness.repository.seed(ticket);
  return ticket;
}

/** Minutes before Monday 09:00 (Berlin), the harness clock, as an ISO instant. */
const minutesAgo = (minutes: number) => new Date(Date.UTC(2026, 2, 9, 8) - minutes * 60_000).toISOString();

describe('GET /dashboard/tickets (queue)', () => {
  it('lists the open tickets by last activity with German status, group name, SLA in words and Berlin time', async () => {
    const h = createTicketPagesHarness();
    seed(h, 1, { updatedAt: minutesAgo(30) });
    seed(h, 2, { status: 'assigned', priority: 'high', advisorGroup: 'datenschutz', updatedAt: minutesAgo(60) });
    seed(h, 3, { status: 'closed', updatedAt: minutesAgo(10) });
    seed(h, 4, { status: 'waiting_for_requester', updatedAt: minutesAgo(90), sla: { ...aTicket().sla, firstResponseDue: minutesAgo(5) } });

    const response = await h.queue();
    const body = bodyOf(response);

    expect(response).toMatchObject({ kind: 'page', title: 'Tickets' });
    expect(tableRows(body)).toEqual([
      ['LOT-2026-000001', 'Anfrage 1', 'Neu', 'Normal', 'Meldewesen und Personenstand', '—', 'Musterstadt', 'im Plan', '09.03.2026, 08:30'],
      ['LOT-2026-000002', 'Anfrage 2', 'In Bearbeitung', 'Hoch', 'Datenschutz und Informationssicherheit', 'Anna Beraterin', 'Musterstadt', 'im Plan', '09.03.2026, 08:00'],
      ['LOT-2026-000004', 'Anfrage 4', 'Wartet auf Rückmeldung', 'Normal', 'Meldewesen und Personenstand', 'Anna Beraterin', 'Musterstadt', 'überschritten', '09.03.2026, 07:30'],
    ]);
    expect(body).toContain('<a href="/dashboard/tickets/LOT-2026-000001">LOT-2026-000001</a>');
    expect(body).toContain('<span class="badge badge-breached">überschritten</span>');
    expect(body).toMatch(/<caption>Tickets 1–3 von 3, sortiert nach Letzte Aktivität/);
    expect(body).toContain('<th scope="col">Nummer</th>');
    expect(body).toContain('<th scope="row">');
    expect(textOf(body)).toContain('3 Tickets gefunden.');
  });

  it('offers a GET form with a label for every select and a submit button', async () => {
    const body = bodyOf(await createTicketPagesHarness().queue());
    expect(body).toMatch(/<form method="get" action="\/dashboard\/tickets" class="filters">/);
    for (const name of ['status', 'group', 'assignee', 'category', 'priority', 'sla', 'sort']) {
      expect(body).toContain(`<label for="filter-${name}">`);
      expect(body).toContain(`<select id="filter-${name}" name="${name}">`);
    }
    expect(body).toContain('<label for="filter-municipality">');
    expect(body).toContain('<button type="submit" class="button">Anzeigen</button>');
    expect(body).toContain('<option value="datenschutz">Datenschutz und Informationssicherheit</option>');
  });

  it('filters by group, priority, municipality and category, and counts per status regardless of the status filter', async () => {
    const h = createTicketPagesHarness();
    seed(h, 1, { advisorGroup: 'datenschutz', category: 'Datenschutz', priority: 'high' });
    seed(h, 2, { advisorGroup: 'datenschutz', category: 'Datenschutz', priority: 'high', status: 'assigned' });
    seed(h, 3, { advisorGroup: 'datenschutz', category: 'Datenschutz', priority: 'high', status: 'resolved' });
    seed(h, 4, { advisorGroup: 'datenschutz', category: 'Datenschutz', priority: 'low' });
    seed(h, 5, { advisorGroup: 'datenschutz', category: 'Datenschutz', priority: 'high', requester: { id: 'r-5', displayName: 'Rita', municipality: 'Beispielheim' } });
    seed(h, 6, { priority: 'high' });

    const query = { group: 'datenschutz', priority: 'high', municipality: 'Musterstadt', category: 'Datenschutz' };
    const body = bodyOf(await h.queue(query));
    expect(tableRows(body).map((row) => row[0])).toEqual(['LOT-2026-000001', 'LOT-2026-000002']);
    expect(textOf(body)).toContain('Neu: 1 In Bearbeitung: 1 Wartet auf Rückmeldung: 0 Gelöst: 1 Geschlossen: 0');
    expect(body).toContain('href="/dashboard/tickets?status=resolved&amp;group=datenschutz&amp;municipality=Musterstadt&amp;category=Datenschutz&amp;priority=high"');

    const resolved = bodyOf(await h.queue({ ...query, status: 'resolved' }));
    expect(tableRows(resolved).map((row) => row[0])).toEqual(['LOT-2026-000003']);
    expect(textOf(resolved)).toContain('Neu: 1 In Bearbeitung: 1 Wartet auf Rückmeldung: 0 Gelöst: 1 Geschlossen: 0');
    expect(tableRows(bodyOf(await h.queue({ status: 'all' })))).toHaveLength(6);
  });

  it('shows "Meine Tickets" for assignee=me, unclaimed ones for nobody, and one colleague\'s by id', async () => {
    const h = createTicketPagesHarness();
    seed(h, 1);
    seed(h, 2, { status: 'assigned', assignee: personOf(ben) });
    seed(h, 3, { status: 'assigned', assignee: personOf(anna) });
    seed(h, 4, { status: 'waiting_for_requester', assignee: personOf(ben), updatedAt: minutesAgo(5) });

    const mine = await h.queue({ assignee: 'me' }, benUser);
    expect(mine).toMatchObject({ title: 'Meine Tickets' });
    expect(tableRows(bodyOf(mine)).map((row) => row[0])).toEqual(['LOT-2026-000002', 'LOT-2026-000004']);
    expect(h.repository.searches.at(-1)).toMatchObject({ assigneeId: ben.id });
    expect(tableRows(bodyOf(await h.queue({ assignee: 'nobody' }))).map((row) => row[0])).toEqual(['LOT-2026-000001']);
    const annas = bodyOf(await h.queue({ assignee: anna.id }, benUser));
    expect(tableRows(annas).map((row) => row[0])).toEqual(['LOT-2026-000003']);
    expect(annas).toContain(`<option value="${anna.id}" selected>Anna Beraterin</option>`);
    expect(bodyOf(await h.queue())).toContain('<a class="button button-secondary" href="/dashboard/tickets?assignee=me">Meine Tickets</a>');
  });

  it('pages 25 tickets at a time with page links, keeping the filters', async () => {
    const h = createTicketPagesHarness();
    for (let n = 1; n <= 60; n += 1) seed(h, n, { updatedAt: minutesAgo(n), advisorGroup: 'datenschutz' });

    const first = bodyOf(await h.queue({ group: 'datenschutz' }));
    expect(tableRows(first)).toHaveLength(25);
    expect(tableRows(first)[0]![0]).toBe('LOT-2026-000001');
    expect(first).toContain('<a rel="next" href="/dashboard/tickets?group=datenschutz&amp;page=2">Weiter</a>');
    expect(first).toContain('<a aria-current="page" aria-label="Seite 1" href="/dashboard/tickets?group=datenschutz">1</a>');
    expect(first).toContain('aria-label="Seite 3" href="/dashboard/tickets?group=datenschutz&amp;page=3">3</a>');

    const third = bodyOf(await h.queue({ group: 'datenschutz', page: '3' }));
    expect(tableRows(third).map((row) => row[0])).toEqual(Array.from({ length: 10 }, (_, i) => formatTicketNumber(2026, 51 + i)));
    expect(third).toMatch(/<caption>Tickets 51–60 von 60/);
    expect(third).toContain('<a rel="prev" href="/dashboard/tickets?group=datenschutz&amp;page=2">Zurück</a>');
    expect(third).not.toContain('rel="next"');
    expect(textOf(bodyOf(await h.queue({ page: '9' })))).toContain('Auf dieser Seite gibt es keine Tickets mehr.');
  });

  it('sorts by first-response due and by priority on request', async () => {
    const h = createTicketPagesHarness();
    const due = (hours: number) => ({ ...aTicket().sla, firstResponseDue: new Date(Date.UTC(2026, 2, 10, hours)).toISOString() });
    seed(h, 1, { priority: 'low', sla: due(9) });
    seed(h, 2, { priority: 'urgent', sla: due(12) });
    seed(h, 3, { priority: 'high', sla: due(8) });
    const numbers = async (sort: string) => tableRows(bodyOf(await h.queue({ sort }))).map((row) => row[0]);
    expect(await numbers('first_response_due')).toEqual(['LOT-2026-000003', 'LOT-2026-000001', 'LOT-2026-000002']);
    expect(await numbers('priority')).toEqual(['LOT-2026-000002', 'LOT-2026-000003', 'LOT-2026-000001']);
  });

  it('filters by SLA state relative to each ticket\'s span: breached, due soon, on track', async () => {
    const h = createTicketPagesHarness();
    seed(h, 1, { createdAt: '2026-03-05T08:00:00.000Z', sla: { ...aTicket().sla, firstResponseDue: minutesAgo(60) } });
    // Created a week ago, first response due in one hour: far less than 20 % of its span left.
    seed(h, 2, { createdAt: '2026-03-02T08:00:00.000Z', sla: { ...aTicket().sla, firstResponseDue: '2026-03-09T09:00:00.000Z' } });
    seed(h, 3);
    seed(h, 4, { status: 'closed', sla: { ...aTicket('closed').sla, firstResponseDue: minutesAgo(600) } });

    const numbers = async (sla: string) => tableRows(bodyOf(await h.queue({ sla, status: 'all' }))).map((row) => [row[0], row[7]]);
    expect(await numbers('breached')).toEqual([['LOT-2026-000001', 'überschritten']]);
    expect(await numbers('due_soon')).toEqual([['LOT-2026-000002', 'bald fällig']]);
    expect(await numbers('ok')).toEqual([['LOT-2026-000003', 'im Plan']]);
  });

  it('refuses operator-like and unknown values with 422 and field errors, before any query', async () => {
    const h = createTicketPagesHarness();
    const forged = [
      { status: { $ne: null } },
      { group: { b: 'c' } },
      { group: 'personal' },
      { priority: ['high', 'urgent'] },
      { assignee: '{"$ne":null}' },
      { category: 'Unbekannt' },
      { sla: 'late' },
      { sort: '$natural' },
      { page: '0' },
      { municipality: 'x'.repeat(201) },
    ];
    for (const query of forged) {
      const response = await h.queue(query);
      const [field] = Object.keys(query);
      expect(response).toMatchObject({ kind: 'page', status: 422, notice: 'Bitte korrigieren Sie die markierten Filter.' });
      const body = bodyOf(response);
      expect(body).toContain(`aria-invalid="true" aria-describedby="filter-${field}-error"`);
      expect(body).toMatch(new RegExp(`<p class="field-error" id="filter-${field}-error">Bitte`));
    }
    expect(h.repository.searches).toEqual([]);
  });

  it('ignores unknown keys such as a[b]=c: only typed criteria reach the search', async () => {
    const h = createTicketPagesHarness();
    seed(h, 1);
    const response = await h.queue({ 'a[b]': 'c', 'status[$ne]': 'x', group: 'meldewesen' });
    expect(response).toMatchObject({ kind: 'page' });
    expect(response).not.toHaveProperty('status');
    expect(h.repository.searches).toEqual([{ statuses: ['new', 'assigned', 'waiting_for_requester'], advisorGroup: 'meldewesen' }]);
  });

  it('shows ticket texts as text: a <script> subject is escaped', async () => {
    const h = createTicketPagesHarness();
    seed(h, 1, { subject: '<script>alert("x")</script>', requester: { id: 'r', displayName: 'R', municipality: '<b>Stadt</b>' } });
    const body = bodyOf(await h.queue({}, adminUser));
    expect(body).not.toContain('<script>');
    expect(body).not.toContain('<b>Stadt</b>');
    expect(body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(tableRows(body)[0]![1]).toBe('<script>alert("x")</script>');
  });
});

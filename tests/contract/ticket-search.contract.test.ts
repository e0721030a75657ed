import { ErrorCode } from '../../src/domain/errors';
import type { Ticket, TicketPriority, TicketStatus } from '../../src/domain/tickets/ticket';
import { formatTicketNumber } from '../../src/domain/tickets/ticket-number';
import type { TicketSearchCriteria, TicketSearchPage, TicketSort } from '../../src/domain/tickets/ticket.repository';
import { DocumentTicketRepository } from '../../src/storage/ticket.repository';
import type { TestStore } from '../support/test-stores';
import { storeBackendTable } from '../support/test-stores';
import { aTicket, anna, ben, personOf } from '../unit/tickets/ticket-fixtures';
import { TestClock, createTicketService } from '../unit/tickets/ticket-service-fixtures';

const injected = { $ne: null } as unknown as string;
const ALL: TicketSearchPage = { offset: 0, limit: 100 };

interface Row {
  status: TicketStatus;
  priority: TicketPriority;
  group: string;
  assignee: 'anna' | 'ben' | null;
  municipality: string;
  category: string;
  /** Hour of 2026-03-09 (UTC) of the last activity. */
  updated: number;
  /** Day of March 2026 of the creation. */
  created: number;
  /** Day of March 2026 (12:00 UTC) the first response is due; resolution four days later. */
  due: number;
}

/**
 * Ten tickets whose orders all differ: t-01..t-10. Two share `updated` (id breaks the tie), two
 * share `due` and priority (id breaks the tie in the priority order).
 */
const ROWS: Row[] = [
  { status: 'new', priority: 'normal', group: 'meldewesen', assignee: null, municipality: 'Musterstadt', category: 'Meldewesen', updated: 9, created: 2, due: 11 },
  { status: 'assigned', priority: 'urgent', group: 'meldewesen', assignee: 'anna', municipality: 'Musterstadt', category: 'Meldewesen', updated: 14, created: 3, due: 5 },
  { status: 'assigned', priority: 'low', group: 'datenschutz', assignee: 'ben', municipality: 'Beispielheim', category: 'Datenschutz', updated: 11, created: 4, due: 14 },
  { status: 'waiting_for_requester', priority: 'high', group: 'datenschutz', assignee: 'anna', municipality: 'Beispielheim', category: 'Datenschutz', updated: 11, created: 5, due: 9 },
  { status: 'resolved', priority: 'normal', group: 'meldewesen', assignee: 'anna', municipality: 'Musterstadt', category: 'Meldewesen', updated: 8, created: 1, due: 3 },
  { status: 'closed', priority: 'high', group: 'meldewesen', assignee: null, municipality: 'Musterstadt', category: 'Meldewesen', updated: 7, created: 6, due: 9 },
  { status: 'new', priority: 'high', group: 'datenschutz', assignee: null, municipality: 'Musterstadt', category: 'Datenschutz', updated: 16, created: 7, due: 12 },
  { status: 'new', priority: 'urgent', group: 'meldewesen', assignee: null, municipality: 'Beispielheim', category: 'Meldewesen', updated: 15, created: 8, due: 16 },
  { status: 'assigned', priority: 'normal', group: 'meldewesen', assignee: 'ben', municipality: 'Musterstadt', category: 'Meldewesen', updated: 12, created: 9, due: 20 },
  { status: 'new', priority: 'low', group: 'meldewesen', assignee: null, municipality: 'Musterstadt', category: 'Meldewesen', updated: 13, created: 10, due: 18 },
];

const iso = (day: number, hour = 12) => new Date(Date.UTC(2026, 2, day, hour)).toISOString();

function ticketOf(row: Row, index: number): Ticket {
  const n = index + 1;
  const finished = row.status === 'resolved' || row.status === 'closed';
  return aTicket(row.status, {
    id: `t-${String(n).padStart(2, '0')}`,
    number: formatTicketNumber(2026, n),
    idempotencyKey: `a:1|activity-${n}`,
    priority: row.priority,
    advisorGroup: row.group,
    category: row.category,
    assignee: row.assignee === null ? null : personOf(row.assignee === 'anna' ? anna : ben),
    requester: { id: `aad-requester-${n}`, displayName: `Person ${n}`, municipality: row.municipality },
    createdAt: iso(row.created, 8),
    updatedAt: iso(9, row.updated),
    sla: { firstResponseDue: iso(row.due), resolutionDue: iso(row.due + 4), firstRespondedAt: null, resolvedAt: finished ? iso(row.due - 1) : null },
    version: 1,
  });
}

describe.each(storeBackendTable)('DocumentTicketRepository.search (%s)', (_name, backend) => {
  let testStore: TestStore;
  let sut: DocumentTicketRepository;

  beforeAll(async () => {
    testStore = await backend.open();
    sut = new DocumentTicketRepository(testStore.store);
    for (const [index, row] of ROWS.entries()) await sut.create(ticketOf(row, index));
  });
  afterAll(() => testStore.cleanup());

  async function ids(criteria: TicketSearchCriteria, sort: TicketSort = 'activity', page: TicketSearchPage = ALL): Promise<string[]> {
    return (await sut.search(criteria, sort, page)).tickets.map((ticket) => ticket.id.slice(2));
  }

  it('filters by group, assignee, nobody, municipality, category and priority, all at once too', async () => {
    expect(await ids({ advisorGroup: 'datenschutz' })).toEqual(['07', '03', '04']);
    expect(await ids({ assigneeId: anna.id })).toEqual(['02', '04', '05']);
    expect(await ids({ assigneeId: null })).toEqual(['07', '08', '10', '01', '06']);
    expect(await ids({ municipality: 'Beispielheim' })).toEqual(['08', '03', '04']);
    expect(await ids({ category: 'Datenschutz', priority: 'high' })).toEqual(['07', '04']);
    expect(await ids({ advisorGroup: 'meldewesen', assigneeId: null, municipality: 'Musterstadt', statuses: ['new'] })).toEqual(['10', '01']);
    expect(await ids({ municipality: 'musterstadt' })).toEqual([]);
  });

  it('counts all matches and the matches per status regardless of the status criterion', async () => {
    const result = await sut.search({ advisorGroup: 'meldewesen', statuses: ['new', 'assigned'] }, 'activity', { offset: 0, limit: 2 });
    expect(result.tickets.map((t) => t.id)).toEqual(['t-08', 't-02']);
    expect(result.total).toBe(5);
    expect(result.statusCounts).toEqual({ new: 3, assigned: 2, waiting_for_requester: 0, resolved: 1, closed: 1 });
    expect(await sut.search({ statuses: [] }, 'activity', ALL)).toMatchObject({ tickets: [], total: 0, statusCounts: { new: 4, assigned: 3 } });
  });

  it('orders by last activity, creation, first-response due and priority, ties broken by id', async () => {
    expect(await ids({}, 'activity')).toEqual(['07', '08', '02', '10', '09', '03', '04', '01', '05', '06']);
    expect(await ids({}, 'created')).toEqual(['10', '09', '08', '07', '06', '04', '03', '02', '01', '05']);
    expect(await ids({}, 'first_response_due')).toEqual(['05', '02', '04', '06', '01', '07', '03', '08', '10', '09']);
    expect(await ids({}, 'priority')).toEqual(['02', '08', '04', '06', '07', '05', '01', '09', '03', '10']);
  });

  it('pages through every order without gaps or repeats, also across priorities', async () => {
    for (const sort of ['activity', 'created', 'first_response_due', 'priority'] as const) {
      const whole = await ids({}, sort);
      const pages = [];
      for (let offset = 0; offset < 12; offset += 3) pages.push(...(await ids({}, sort, { offset, limit: 3 })));
      expect(pages).toEqual(whole);
    }
    expect(await ids({ statuses: ['new', 'assigned'] }, 'priority', { offset: 1, limit: 3 })).toEqual(['08', '07', '01']);
    expect(await ids({ priority: 'high' }, 'priority', { offset: 1, limit: 5 })).toEqual(['06', '07']);
  });

  it('preselects open tickets by due times for an SLA state', async () => {
    const at = iso(11, 13);
    // breached: a due time before `at` — first response (due ≤ 11) or resolution (due + 4 ≤ 11).
    expect(await ids({ slaPrefilter: { state: 'breached', at } }, 'first_response_due')).toEqual(['02', '04', '01']);
    // ok / due soon: resolution not yet due.
    expect(await ids({ slaPrefilter: { state: 'due_soon', at } }, 'first_response_due')).toEqual(['04', '01', '07', '03', '08', '10', '09']);
    expect(await ids({ slaPrefilter: { state: 'ok', at }, statuses: ['new', 'resolved'] }, 'first_response_due')).toEqual(['01', '07', '08', '10']);
  });

  it('never lets a criterion, the order or the page act as a query operator', async () => {
    const refused: Array<() => Promise<unknown>> = [
      () => sut.search({ advisorGroup: injected }, 'activity', ALL),
      () => sut.search({ assigneeId: injected }, 'activity', ALL),
      () => sut.search({ municipality: injected }, 'activity', ALL),
      () => sut.search({ category: injected }, 'activity', ALL),
      () => sut.search({ priority: injected as TicketPriority }, 'activity', ALL),
      () => sut.search({ statuses: [injected as TicketStatus] }, 'activity', ALL),
      () => sut.search({ statuses: injected as unknown as TicketStatus[] }, 'activity', ALL),
      () => sut.search({ slaPrefilter: { state: 'ok', at: injected } }, 'activity', ALL),
      () => sut.search({ advisorGroup: '' }, 'activity', ALL),
      () => sut.search({}, injected as TicketSort, ALL),
      () => sut.search({}, 'activity', { offset: injected as unknown as number, limit: 5 }),
      () => sut.search({}, 'activity', { offset: 0, limit: 100_000 }),
    ];
    for (const attempt of refused) await expect(attempt()).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
  });

  it('finds the exact SLA state through the service, open tickets only', async () => {
    // Wednesday 11 March, 16:00 in Berlin: t-01 was due at 13:00; t-07 is due tomorrow 13:00,
    // 5 of its 29 working hours left (less than 20 %).
    const clock = new TestClock();
    clock.advanceMinutes(2 * 24 * 60 + 7 * 60);
    const service = createTicketService(sut, clock);
    const query = (sla: 'ok' | 'due_soon' | 'breached') => service.search({ criteria: {}, sla, sort: 'first_response_due', page: ALL });
    const breached = await query('breached');
    expect(breached.tickets.map((t) => t.id)).toEqual(['t-02', 't-04', 't-01']);
    expect(breached).toMatchObject({ total: 3, partial: false, statusCounts: { new: 1, assigned: 1, waiting_for_requester: 1, resolved: 0, closed: 0 } });
    expect((await query('due_soon')).tickets.map((t) => t.id)).toEqual(['t-07']);
    expect((await query('ok')).tickets.map((t) => t.id)).toEqual(['t-03', 't-08', 't-10', 't-09']);
    const newOnly = await service.search({ criteria: { statuses: ['new'] }, sla: 'breached', sort: 'activity', page: { offset: 0, limit: 1 } });
    expect(newOnly).toMatchObject({ total: 1, tickets: [{ id: 't-01' }], statusCounts: { assigned: 1 } });
  });
});

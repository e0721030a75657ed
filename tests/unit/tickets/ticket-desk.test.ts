import { AdvisorRouting } from '../../../src/domain/tickets/advisor-group';
import { TicketDesk } from '../../../src/domain/tickets/ticket-desk';
import { InMemoryOutbox } from '../../support/fakes/in-memory-outbox';
import { InMemoryTicketRepository } from './in-memory-ticket.repository';
import { anna as advisor, requester } from './ticket-fixtures';
import { TestClock, createTicketService, openInput } from './ticket-service-fixtures';

const routing = new AdvisorRouting({
  defaultGroupId: 'allgemein',
  groups: [
    { id: 'allgemein', name: 'Allgemeine Beratung', categories: ['Kooperation'] },
    { id: 'datenschutz', name: 'Datenschutz und Informationssicherheit', categories: ['Datenschutz', 'Informationssicherheit'] },
  ],
});

function setup() {
  const repository = new InMemoryTicketRepository();
  const outbox = new InMemoryOutbox();
  const enqueueFailures: string[] = [];
  let kicks = 0;
  const desk = new TicketDesk(createTicketService(repository, new TestClock()), routing, outbox, {
    onEnqueued: () => (kicks += 1),
    onEnqueueFailed: (ticketId) => enqueueFailures.push(ticketId),
  });
  const { advisorGroup: _ignored, ...request } = openInput({ category: 'Datenschutz' });
  return { desk, outbox, repository, request, enqueueFailures, kicks: () => kicks };
}

describe('AdvisorRouting', () => {
  it('routes by category regardless of case and accents, and everything else to the default group', () => {
    expect(routing.groupForCategory('datenschutz').id).toBe('datenschutz');
    expect(routing.groupForCategory('Förderung').id).toBe('allgemein');
    expect(routing.groupForCategory('').id).toBe('allgemein');
  });

  it('finds a group by what advisors type: the id, the full name, or the start of the name', () => {
    expect(routing.findByName('Datenschutz')?.id).toBe('datenschutz');
    expect(routing.findByName('datenschutz und informationssicherheit')?.id).toBe('datenschutz');
    expect(routing.findByName('allgemeine')?.id).toBe('allgemein');
    expect(routing.findByName('Meldewesen')).toBeUndefined();
    expect(routing.findByName('  ')).toBeUndefined();
  });

  it('refuses a configuration with a category in two groups or an unknown default group', () => {
    expect(
      () =>
        new AdvisorRouting({
          defaultGroupId: 'x',
          groups: [
            { id: 'a', name: 'A', categories: ['Datenschutz'] },
            { id: 'b', name: 'B', categories: ['datenschutz'] },
          ],
        }),
    ).toThrow(/routed to a and b.*default group x/);
  });
});

describe('TicketDesk', () => {
  it('opens the ticket in the group of its category and enqueues its card once, also for a retry', async () => {
    const { desk, outbox, request, kicks } = setup();
    const first = await desk.open(request);
    const retry = await desk.open(request);
    expect(first.ticket.advisorGroup).toBe('datenschutz');
    expect(retry).toMatchObject({ created: false, ticket: { id: first.ticket.id } });
    expect(outbox.notifications).toEqual([{ kind: 'post_card', ticketId: first.ticket.id }]);
    expect(kicks()).toBe(2);
  });

  it('refreshes the card and tells the requester when an advisor claims, replies, or changes the status', async () => {
    const { desk, outbox, request } = setup();
    const { ticket } = await desk.open(request);
    await desk.claim(ticket.id, advisor);
    const replied = await desk.reply(ticket.id, advisor, 'Bitte senden Sie uns den Bescheid.');
    await desk.changeStatus(ticket.id, 'wait_for_requester', advisor);
    const kinds = outbox.notifications.map((n) => (n.kind === 'notify_requester' ? `${n.kind}:${n.event.type}` : n.kind));
    expect(kinds).toEqual(['post_card', 'refresh_card', 'notify_requester:claimed', 'refresh_card', 'notify_requester:advisor_replied', 'refresh_card', 'notify_requester:status_changed']);
    expect(outbox.notifications[4]).toEqual({
      kind: 'notify_requester',
      ticketId: ticket.id,
      event: { type: 'advisor_replied', messageId: replied.messages[0]!.id },
    });
    expect(outbox.notifications[6]).toMatchObject({ event: { type: 'status_changed', status: 'waiting_for_requester' } });
  });

  it('never sends an internal note or a requester\'s own change to the requester, but refreshes the card', async () => {
    const { desk, outbox, request } = setup();
    const { ticket } = await desk.open(request);
    await desk.claim(ticket.id, advisor);
    const before = outbox.jobs.length;
    await desk.note(ticket.id, advisor, 'Intern: Rücksprache mit Herrn K.');
    await desk.reply(ticket.id, requester, 'Hier noch ein Nachtrag.');
    await desk.changeStatus(ticket.id, 'close', requester);
    expect(outbox.notifications.slice(before).map((n) => n.kind)).toEqual(['refresh_card', 'refresh_card', 'refresh_card']);
  });

  it('enqueues nothing when a change fails, e.g. the second of two claims', async () => {
    const { desk, outbox, request } = setup();
    const { ticket } = await desk.open(request);
    const other = { ...advisor, id: 'advisor-2', displayName: 'Zweite Beraterin' };
    const results = await Promise.allSettled([desk.claim(ticket.id, advisor), desk.claim(ticket.id, other)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'TICKET_ALREADY_CLAIMED' } });
    expect(outbox.notifications.filter((n) => n.kind === 'notify_requester')).toHaveLength(1);
  });

  it('routes to another known group: the old card is refreshed and a new card is posted', async () => {
    const { desk, outbox, request } = setup();
    const { ticket } = await desk.open(request);
    await desk.claim(ticket.id, advisor);
    const routed = await desk.route(ticket.id, 'allgemein', advisor);
    expect(routed).toMatchObject({ advisorGroup: 'allgemein', status: 'new', assignee: null });
    expect(routed.auditTrail.at(-1)).toMatchObject({ action: 'group_changed', changes: expect.arrayContaining([{ field: 'advisorGroup', from: 'datenschutz', to: 'allgemein' }]) });
    expect(outbox.jobs.filter((job) => job.notification.kind === 'post_card').map((job) => job.key)).toEqual([
      `post_card:${ticket.id}:datenschutz:0`,
      `post_card:${ticket.id}:allgemein:1`,
    ]);
    await expect(desk.route(ticket.id, 'meldewesen', advisor)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(desk.route(ticket.id, 'datenschutz', requester)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps a stored change when the outbox is unavailable, and reports it', async () => {
    const { desk, outbox, request, enqueueFailures, repository } = setup();
    outbox.failEnqueue = 1;
    const { ticket } = await desk.open(request);
    expect(await repository.get(ticket.id)).toMatchObject({ number: ticket.number });
    expect(enqueueFailures).toEqual([ticket.id]);
    expect(outbox.jobs).toHaveLength(0);
  });
});

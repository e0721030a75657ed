import { TicketDesk } from '../../../src/domain/tickets/ticket-desk';
import { AdvisorRouting } from '../../../src/domain/tickets/advisor-group';
import { TicketReminderScan } from '../../../src/domain/tickets/ticket-reminders';
import { InMemoryOutbox } from '../../support/fakes/in-memory-outbox';
import { InMemoryLeases, InMemoryTicketCards } from '../../support/fakes/in-memory-ticket-delivery';
import { InMemoryTicketRepository } from './in-memory-ticket.repository';
import { anna } from './ticket-fixtures';
import { TestClock, createTicketService, openInput, slaPolicy } from './ticket-service-fixtures';

const routing = new AdvisorRouting({ defaultGroupId: 'meldewesen', groups: [{ id: 'meldewesen', name: 'Meldewesen', categories: [] }] });

function setup() {
  const clock = new TestClock();
  const repository = new InMemoryTicketRepository();
  const outbox = new InMemoryOutbox();
  const cards = new InMemoryTicketCards();
  const leases = new InMemoryLeases();
  const desk = new TicketDesk(createTicketService(repository, clock), routing, outbox);
  const scan = (owner: string) => new TicketReminderScan({ tickets: repository, cards, outbox, leases, slaPolicy, owner, now: clock.now });
  const reminders = () => outbox.notifications.filter((n) => n.kind === 'remind');
  return { clock, desk, outbox, cards, scan, reminders };
}

describe('TicketReminderScan', () => {
  it('reminds once when the first response becomes due soon and once when it is breached', async () => {
    const { clock, desk, cards, scan, reminders } = setup();
    const { ticket } = await desk.open({ ...openInput(), priority: 'urgent' }); // first response within 1 working hour
    await cards.save({ ticketId: ticket.id, groupId: 'meldewesen', conversationReference: {}, activityId: 'a1', postedAt: ticket.createdAt });
    const a = scan('A');
    await a.runOnce();
    expect(reminders()).toEqual([]);
    clock.advanceMinutes(50); // 10 of 60 minutes left: due soon
    await a.runOnce();
    await a.runOnce();
    expect(reminders()).toEqual([{ kind: 'remind', ticketId: ticket.id, reminder: 'first_response_due_soon' }]);
    clock.advanceMinutes(15);
    await a.runOnce();
    await a.runOnce();
    expect(reminders().map((n) => n.kind === 'remind' && n.reminder)).toEqual(['first_response_due_soon', 'first_response_breached']);
  });

  it('runs in one instance only while its lease holds', async () => {
    const { clock, desk, scan } = setup();
    await desk.open(openInput());
    expect(await scan('A').runOnce()).not.toBeNull();
    expect(await scan('B').runOnce()).toBeNull();
    clock.advanceMinutes(5);
    expect(await scan('B').runOnce()).not.toBeNull();
  });

  it('stops reminding once an advisor has replied', async () => {
    const { clock, desk, scan, reminders } = setup();
    const { ticket } = await desk.open({ ...openInput(), priority: 'urgent' });
    await desk.claim(ticket.id, anna);
    await desk.reply(ticket.id, anna, 'Wir kümmern uns darum.');
    clock.advanceMinutes(120);
    await scan('A').runOnce();
    expect(reminders()).toEqual([]);
  });

  it('re-enqueues the card post of a ticket whose card never reached the channel', async () => {
    const { clock, desk, outbox, scan } = setup();
    const { ticket } = await desk.open(openInput());
    outbox.jobs.splice(0); // the first post was lost (e.g. the outbox write failed)
    clock.advanceMinutes(1);
    await scan('A').runOnce();
    expect(outbox.notifications).toEqual([]);
    clock.advanceMinutes(5);
    await scan('A').runOnce();
    expect(outbox.notifications).toEqual([{ kind: 'post_card', ticketId: ticket.id }]);
  });
});

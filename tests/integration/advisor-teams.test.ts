import { ConversationState, MemoryStorage, type TurnContext } from 'botbuilder';
import { LotseAdapter } from '../../src/bot/bot-adapter';
import { TeamsAdvisorMembership } from '../../src/bot/tickets/advisor-membership';
import { createTicketBotParts } from '../../src/bot/tickets/ticket-bot-parts';
import { AdvisorRouting } from '../../src/domain/tickets/advisor-group';
import { TicketDesk } from '../../src/domain/tickets/ticket-desk';
import { configureLogger } from '../../src/logging/logger';
import { FakeConnector } from '../support/fake-connector';
import { InMemoryOutbox } from '../support/fakes/in-memory-outbox';
import { InMemoryAdvisorChannels, InMemoryTicketCards } from '../support/fakes/in-memory-ticket-delivery';
import { ADVISOR, ADVISORS_CHANNEL_ID, ADVISORS_TEAM, LOTSE_BOT, REQUESTER, TEAMS_TENANT_ID } from '../support/teams-activities';
import { InMemoryTicketRepository } from '../unit/tickets/in-memory-ticket.repository';
import { createTicketService, openInput } from '../unit/tickets/ticket-service-fixtures';

/**
 * The ticket notifier and the Teams membership check with the real CloudAdapter (no app id, as
 * locally) against the fake Bot Framework connector: the REST calls Teams would receive.
 */
describe('advisor side against the Bot Framework connector', () => {
  const connector = new FakeConnector();
  let serviceUrl: string;

  beforeAll(async () => {
    configureLogger('silent');
    serviceUrl = await connector.start();
    connector.setTeam(ADVISORS_TEAM);
    connector.setTeamMembers(ADVISORS_TEAM.id, [ADVISOR]);
  });

  afterAll(() => connector.stop());

  function setup() {
    connector.reset();
    const adapter = new LotseAdapter({ appId: '', appPassword: '', appType: 'MultiTenant', appTenantId: '' });
    const routing = new AdvisorRouting({ defaultGroupId: 'datenschutz', groups: [{ id: 'datenschutz', name: 'Datenschutz', categories: ['Datenschutz'] }] });
    const desk = new TicketDesk(createTicketService(new InMemoryTicketRepository()), routing, new InMemoryOutbox());
    const channels = new InMemoryAdvisorChannels();
    const channelReference = {
      channelId: 'msteams',
      serviceUrl,
      bot: { ...LOTSE_BOT },
      conversation: { id: ADVISORS_CHANNEL_ID, isGroup: true, conversationType: 'channel', tenantId: TEAMS_TENANT_ID, name: '' },
      locale: 'de-DE',
    };
    channels.channels.set('datenschutz', {
      groupId: 'datenschutz',
      teamId: ADVISORS_TEAM.id,
      channelId: ADVISORS_CHANNEL_ID,
      conversationReference: channelReference,
      registeredBy: { id: ADVISOR.aadObjectId, displayName: ADVISOR.name },
      registeredAt: new Date().toISOString(),
    });
    const cards = new InMemoryTicketCards();
    const parts = createTicketBotParts({
      tickets: { desk, channels, cards, botAppId: adapter.proactiveAppId, municipalityByTenant: {} },
      adapter,
      conversationState: new ConversationState(new MemoryStorage()),
      entryTitle: () => undefined,
    });
    const requesterChat = `a:1-personal-${REQUESTER.id}`;
    const openTicket = async () => {
      const { advisorGroup: _group, ...request } = openInput({
        category: 'Datenschutz',
        conversationReference: { channelId: 'msteams', serviceUrl, bot: { ...LOTSE_BOT }, conversation: { id: requesterChat, conversationType: 'personal' } },
      });
      return (await desk.open(request)).ticket;
    };
    return { adapter, desk, cards, parts, openTicket, channelReference, requesterChat };
  }

  it('starts a thread with the card in the channel, updates it in place and replies in its thread', async () => {
    const { desk, cards, parts, openTicket, requesterChat } = setup();
    const ticket = await openTicket();
    await parts.notifier.deliver({ kind: 'post_card', ticketId: ticket.id });
    const [thread] = connector.threadsIn(ADVISORS_CHANNEL_ID);
    expect(thread).toBeDefined();
    const post = await cards.get(ticket.id);
    expect(post).toMatchObject({ activityId: thread!.resourceId, conversationReference: { conversation: { id: thread!.threadId } } });

    await desk.claim(ticket.id, { id: ADVISOR.aadObjectId, displayName: ADVISOR.name, role: 'advisor' });
    await parts.notifier.deliver({ kind: 'refresh_card', ticketId: ticket.id });
    const [update] = connector.updatesOf(thread!.resourceId!);
    expect(update?.conversationId).toBe(thread!.threadId);
    expect(JSON.stringify(connector.latestActivity(thread!.resourceId!))).toContain('In Bearbeitung – Jonas Weber');

    await parts.notifier.deliver({ kind: 'remind', ticketId: ticket.id, reminder: 'first_response_due_soon' });
    // Into the card's thread: the conversation id names the thread (the reply-to id is the continuation's own).
    const reminders = connector.sentTo(thread!.threadId!).filter((activity) => typeof activity.text === 'string');
    expect(reminders.map((activity) => activity.text)).toEqual([expect.stringContaining(`Erstantwort zu ${ticket.number} ist bald fällig`)]);

    await parts.notifier.deliver({ kind: 'notify_requester', ticketId: ticket.id, event: { type: 'claimed' } });
    const toRequester = connector.callsTo(requesterChat);
    expect(toRequester.map((call) => call.activity.text)).toEqual([`Ihre Anfrage ${ticket.number} wird jetzt von Jonas Weber bearbeitet.`]);
  });

  it('asks Teams whether the acting user is a member of the team', async () => {
    const { adapter, channelReference } = setup();
    const membership = new TeamsAdvisorMembership();
    const answers: boolean[] = [];
    await adapter.continueConversationAsync('', channelReference, async (context: TurnContext) => {
      answers.push(await membership.isMember(context, ADVISORS_TEAM.id, ADVISOR.aadObjectId));
      answers.push(await membership.isMember(context, ADVISORS_TEAM.id, REQUESTER.aadObjectId));
    });
    expect(answers).toEqual([true, false]);
  });
});

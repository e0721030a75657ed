import type { Activity, AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, ConversationParameters, InvokeResponse, TurnContext } from 'botbuilder';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory, TeamsInfo, TurnContext as Turn } from 'botbuilder';
import { ConnectorClient, MicrosoftAppCredentials } from 'botframework-connector';
import { FakeConnector } from '../../support/fake-connector';
import {
  ADVISOR,
  ADVISORS_CHANNEL_ID,
  ADVISORS_TEAM,
  REQUESTER,
  adaptiveCardActionInvoke,
  channelMentionMessage,
  personalConversationId,
} from '../../support/teams-activities';

/** A no-auth CloudAdapter (as Lotse runs in tests) that hands back invoke responses. */
class NoAuthAdapter extends CloudAdapter {
  constructor() {
    super(new ConfigurationBotFrameworkAuthentication({}));
  }

  run(activity: Record<string, unknown>, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity('', activity as unknown as Activity, logic);
  }
}

const statusOf = (error: unknown) => ({
  statusCode: (error as { statusCode?: number }).statusCode,
  code: (error as { code?: string }).code,
});

describe('FakeConnector as botbuilder sees it', () => {
  const sut = new FakeConnector();
  const adapter = new NoAuthAdapter();
  let serviceUrl: string;
  let client: ConnectorClient;

  /** Runs `logic` in a proactive turn in the advisors' channel (channelData as in a team turn), with botbuilder's real connector client. */
  async function inChannelTurn<T>(logic: (context: TurnContext) => Promise<T>): Promise<T> {
    const reference = Turn.getConversationReference(channelMentionMessage(serviceUrl) as Partial<Activity>);
    let result: T | undefined;
    await adapter.continueConversationAsync('', reference, async (context) => {
      context.activity.channelData = { team: { id: ADVISORS_TEAM.id } };
      result = await logic(context);
    });
    return result as T;
  }

  beforeAll(async () => {
    serviceUrl = await sut.start();
    client = new ConnectorClient(MicrosoftAppCredentials.Empty, { baseUri: serviceUrl });
  });

  beforeEach(() => {
    sut.reset();
    sut.setTeam(ADVISORS_TEAM);
    sut.setTeamMembers(ADVISORS_TEAM.id, [ADVISOR]);
  });

  afterAll(() => sut.stop());

  it('starts a channel thread like Teams: `<channelId>;messageid=<activityId>`, recorded under the new conversation', async () => {
    const created = await client.conversations.createConversation({
      isGroup: true,
      channelData: { channel: { id: ADVISORS_CHANNEL_ID } },
      activity: MessageFactory.text('Neues Ticket T-2025-0001'),
    } as ConversationParameters);

    expect(created.id).toBe(`${ADVISORS_CHANNEL_ID};messageid=${created.activityId}`);
    expect(created.activityId).toMatch(/^\d{13}$/);
    expect(sut.sentTo(created.id)).toEqual([expect.objectContaining({ text: 'Neues Ticket T-2025-0001' })]);
    expect(sut.threadsIn(ADVISORS_CHANNEL_ID)).toEqual([expect.objectContaining({ operation: 'createConversation', resourceId: created.activityId })]);
  });

  it('serves TeamsInfo.sendMessageToTeamsChannel through the CloudAdapter (which hands back the thread id as activity id)', async () => {
    const [reference, newActivityId] = await inChannelTurn((context) =>
      TeamsInfo.sendMessageToTeamsChannel(context, MessageFactory.text('Ticket') as Activity, ADVISORS_CHANNEL_ID, 'lotse-app-id'),
    );

    expect(reference.conversation.id).toMatch(/^19:xyz@thread\.tacv2;messageid=\d+$/);
    expect(newActivityId).toBe(reference.conversation.id);
    expect(sut.channelPosts(ADVISORS_CHANNEL_ID)).toHaveLength(1);
  });

  it('answers a proactive 1:1 chat with the requester\'s existing personal conversation', async () => {
    const created = await client.conversations.createConversation({ isGroup: false, members: [{ id: REQUESTER.id }], tenantId: 't' } as ConversationParameters);
    await client.conversations.sendToConversation(created.id, MessageFactory.text('Ihr Ticket wurde übernommen.'));

    expect(created.id).toBe(personalConversationId(REQUESTER.id));
    expect(sut.callsTo(created.id, 'sendToConversation').map((call) => call.activity.text)).toEqual(['Ihr Ticket wurde übernommen.']);
  });

  it('finds a configured team member by 29: id and by Entra object id, via the team or a thread of its channel', async () => {
    const byId = await inChannelTurn((context) => TeamsInfo.getMember(context, ADVISOR.id));
    const byAad = await inChannelTurn((context) => TeamsInfo.getMember(context, ADVISOR.aadObjectId));
    const inThread = await client.conversations.getConversationMember(`${ADVISORS_CHANNEL_ID};messageid=1700000000000`, ADVISOR.id);

    expect(byId).toMatchObject({ id: ADVISOR.id, aadObjectId: ADVISOR.aadObjectId, name: 'Jonas Weber', email: ADVISOR.email });
    expect(byAad.id).toBe(ADVISOR.id);
    expect(inThread.id).toBe(ADVISOR.id);
  });

  it('answers a non-member with 404 MemberNotFoundInConversation and an unknown conversation with ConversationNotFound', async () => {
    const notMember = await inChannelTurn((context) => TeamsInfo.getMember(context, REQUESTER.id).catch(statusOf));
    const unknown = await client.conversations.getConversationMember('19:unknown@thread.tacv2', ADVISOR.id).catch(statusOf);

    expect(notMember).toEqual({ statusCode: 404, code: 'MemberNotFoundInConversation' });
    expect(unknown).toEqual({ statusCode: 404, code: 'ConversationNotFound' });
  });

  it('pages team members with a continuation token, and lists team details and channels', async () => {
    const third = { ...ADVISOR, id: '29:advisor-3', aadObjectId: '00000000-0000-0000-0000-0000000000b3', name: 'Eva Klein' };
    sut.setTeamMembers(ADVISORS_TEAM.id, [ADVISOR, { ...ADVISOR, id: '29:advisor-2', aadObjectId: 'b2', name: 'Ali Demir' }, third]);

    const first = await inChannelTurn((context) => TeamsInfo.getPagedTeamMembers(context, ADVISORS_TEAM.id, 2));
    const second = await inChannelTurn((context) => TeamsInfo.getPagedTeamMembers(context, ADVISORS_TEAM.id, 2, first.continuationToken));
    const details = await inChannelTurn((context) => TeamsInfo.getTeamDetails(context, ADVISORS_TEAM.id));
    const channels = await inChannelTurn((context) => TeamsInfo.getTeamChannels(context, ADVISORS_TEAM.id));

    expect(first.members.map((member) => member.name)).toEqual(['Jonas Weber', 'Ali Demir']);
    expect(second).toEqual({ continuationToken: undefined, members: [expect.objectContaining({ id: '29:advisor-3' })] });
    expect(details).toMatchObject({ id: ADVISORS_TEAM.id, name: 'Beratung', aadGroupId: ADVISORS_TEAM.aadGroupId });
    expect(channels).toEqual([{ id: ADVISORS_TEAM.id }, { id: ADVISORS_CHANNEL_ID, name: 'Datenschutz' }]);
  });

  it('records updates of a card and returns its latest version, none once deleted', async () => {
    const thread = `${ADVISORS_CHANNEL_ID};messageid=1700000000000`;
    const posted = await client.conversations.sendToConversation(thread, MessageFactory.text('Status: offen'));
    await client.conversations.updateActivity(thread, posted.id, { ...MessageFactory.text('Status: in Arbeit'), id: posted.id } as Activity);
    await client.conversations.updateActivity(thread, posted.id, { ...MessageFactory.text('Status: erledigt'), id: posted.id } as Activity);

    expect(sut.updatesOf(posted.id).map((call) => call.activity.text)).toEqual(['Status: in Arbeit', 'Status: erledigt']);
    expect(sut.latestActivity(posted.id)).toMatchObject({ text: 'Status: erledigt' });
    expect(sut.latestActivity('1')).toBeUndefined();
    await client.conversations.deleteActivity(thread, posted.id);
    expect(sut.latestActivity(posted.id)).toBeUndefined();
  });

  it('fails the next call on purpose, records no call for it, and answers normally afterwards', async () => {
    sut.failNext(1, 403);

    const failed = await client.conversations.sendToConversation('a:1', MessageFactory.text('eins')).catch(statusOf);
    await client.conversations.sendToConversation('a:1', MessageFactory.text('zwei'));

    expect(failed).toMatchObject({ statusCode: 403 });
    expect(sut.sentTo('a:1').map((activity) => activity.text)).toEqual(['zwei']);
    expect(sut.requests.map((request) => [request.status, request.injected])).toEqual([[403, true], [200, false]]);
  });

  it('fails only matching requests, and a 503 with retry-after is retried by botbuilder at once', async () => {
    sut.failNext(1, 503, (method, path) => method === 'POST' && path.includes('/conversations/a:2/'), { retryAfterMs: 0 });

    await client.conversations.sendToConversation('a:1', MessageFactory.text('unberührt'));
    await client.conversations.sendToConversation('a:2', MessageFactory.text('nach Wiederholung'));

    expect(sut.requests.map((request) => `${request.status} ${request.path}`)).toEqual([
      '200 /v3/conversations/a:1/activities',
      '503 /v3/conversations/a:2/activities',
      '200 /v3/conversations/a:2/activities',
    ]);
    expect(sut.sentTo('a:2')).toHaveLength(1);
  });
});

describe('Teams activity builders as botbuilder reads them', () => {
  const adapter = new NoAuthAdapter();

  it('an @mention in a channel leaves the plain request once the bot mention is removed', () => {
    const activity = channelMentionMessage('http://127.0.0.1:1') as unknown as Activity;

    expect(Turn.removeRecipientMention(activity)?.trim()).toBe('Tickets für Datenschutz hier');
    expect(activity.conversation).toMatchObject({ conversationType: 'channel', isGroup: true, id: expect.stringMatching(/^19:xyz@thread\.tacv2;messageid=\d+$/) });
  });

  it('an Action.Execute invoke reaches onAdaptiveCardInvoke with verb and data, and its response comes back', async () => {
    const seen: AdaptiveCardInvokeValue[] = [];
    const bot = new (class extends ActivityHandler {
      protected override async onAdaptiveCardInvoke(_context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
        seen.push(value);
        return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { type: 'AdaptiveCard', version: '1.5', body: [] } };
      }
    })();
    const invoke = adaptiveCardActionInvoke('http://127.0.0.1:1', { verb: 'ticket.claim', data: { ticketId: 'T-1' }, replyToId: '1700000000000' });

    const response = await adapter.run(invoke, (context) => bot.run(context));

    expect(seen).toEqual([expect.objectContaining({ action: expect.objectContaining({ verb: 'ticket.claim', data: { ticketId: 'T-1' } }) })]);
    expect(response).toEqual({ status: 200, body: expect.objectContaining({ value: expect.objectContaining({ type: 'AdaptiveCard' }) }) });
  });
});

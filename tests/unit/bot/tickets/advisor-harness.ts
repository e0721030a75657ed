import { ConversationState, MemoryStorage, TestAdapter, UserState, type Activity, type TurnContext } from 'botbuilder';
import type { LotseTurn } from '../../../../dialogs/dialog-deps';
import { SingleTurnDialog, type Handover } from '../../../../dialogs/single-turn.dialog';
import { LotseBot } from '../../../../src/bot/lotse-bot';
import type { AdvisorInvokeResponse } from '../../../../src/bot/tickets/advisor-turns';
import { createTicketBotParts, type TicketBotParts } from '../../../../src/bot/tickets/ticket-bot-parts';
import type { TicketAdaptiveCard } from '../../../../src/bot/tickets/ticket-card.elements';
import type { AdvisorChannel } from '../../../../src/domain/tickets/advisor-group';
import { AdvisorRouting } from '../../../../src/domain/tickets/advisor-group';
import type { Actor, Ticket } from '../../../../src/domain/tickets/ticket';
import { TicketDesk } from '../../../../src/domain/tickets/ticket-desk';
import { OutboxWorker } from '../../../../src/domain/tickets/outbox-worker';
import { configureLogger } from '../../../../src/logging/logger';
import { FakeAdvisorMembership } from '../../../support/fakes/advisor-membership';
import { FakeTeamsAdapter } from '../../../support/fakes/advisor-teams-adapter';
import { InMemoryOutbox } from '../../../support/fakes/in-memory-outbox';
import { InMemoryAdvisorChannels, InMemoryTicketCards } from '../../../support/fakes/in-memory-ticket-delivery';
import { InMemoryTicketRepository } from '../../tickets/in-memory-ticket.repository';
import { anna, ben } from '../../tickets/ticket-fixtures';
import { TestClock, createTicketService, openInput } from '../../tickets/ticket-service-fixtures';

export { anna, ben };

export const routing = new AdvisorRouting({
  defaultGroupId: 'allgemein',
  groups: [
    { id: 'allgemein', name: 'Allgemeine Beratung', categories: ['Kooperation'] },
    { id: 'datenschutz', name: 'Datenschutz und Informationssicherheit', categories: ['Datenschutz'] },
    { id: 'technik', name: 'Technik und Infrastruktur', categories: ['Infrastruktur'] },
  ],
});

export const TEAM_ID = '19:beratung-general@thread.tacv2';
export const CHANNEL_ID = '19:datenschutz@thread.tacv2';
export const SERVICE_URL = 'https://smba.example/emea/';
/** Not a member of the advisors' team. */
export const outsider: Actor = { id: 'aad-outsider', displayName: 'Olaf Außenstehend', role: 'advisor' };

/** The datenschutz group's channel as the registration command stores it. */
export const DATENSCHUTZ_CHANNEL: AdvisorChannel = {
  groupId: 'datenschutz',
  teamId: TEAM_ID,
  channelId: CHANNEL_ID,
  conversationReference: {
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    bot: { id: '28:lotse', name: 'Lotse' },
    conversation: { id: CHANNEL_ID, isGroup: true, conversationType: 'channel', tenantId: 'tenant-1' },
    locale: 'de-DE',
  },
  registeredBy: { id: anna.id, displayName: anna.displayName },
  registeredAt: '2026-03-01T09:00:00.000Z',
};

const ENTRY_TITLES: Readonly<Record<string, string>> = { 'kb-017': 'Wer darf eine Meldebescheinigung beantragen?' };

/** A root dialog that echoes: whatever the advisors' side does not take ends here. */
class EchoRoot extends SingleTurnDialog<LotseTurn> {
  constructor() {
    super('root');
  }

  override async runTurn(context: TurnContext, turn?: LotseTurn): Promise<Handover | null> {
    await context.sendActivity(`root: ${turn?.input.kind === 'text' ? turn.input.text : turn?.input.kind}`);
    return null;
  }
}

/** The TestAdapter, recording `updateActivity` calls (the Action.Submit fallback updates the card). */
export class RecordingTestAdapter extends TestAdapter {
  readonly updates: Partial<Activity>[] = [];

  override async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<void> {
    this.updates.push(activity);
    await super.updateActivity(context, activity);
  }
}

export interface AdvisorHarness {
  readonly adapter: RecordingTestAdapter;
  readonly teams: FakeTeamsAdapter;
  readonly desk: TicketDesk;
  readonly repository: InMemoryTicketRepository;
  readonly outbox: InMemoryOutbox;
  readonly channels: InMemoryAdvisorChannels;
  readonly cards: InMemoryTicketCards;
  readonly membership: FakeAdvisorMembership;
  readonly storage: MemoryStorage;
  readonly conversationState: ConversationState;
  readonly parts: TicketBotParts;
  readonly clock: TestClock;
  readonly worker: OutboxWorker;
  /** Opens a ticket (category Datenschutz unless overridden) through the desk. */
  openTicket(overrides?: Parameters<typeof openInput>[0]): Promise<Ticket>;
}

/** Lotse with the advisors' side over a real desk (in-memory repository), fakes for Teams and the stores. */
export function createAdvisorHarness(options: { registerChannel?: boolean } = {}): AdvisorHarness {
  configureLogger('silent');
  const clock = new TestClock();
  const repository = new InMemoryTicketRepository();
  const outbox = new InMemoryOutbox();
  const desk = new TicketDesk(createTicketService(repository, clock), routing, outbox);
  const channels = new InMemoryAdvisorChannels();
  if (options.registerChannel !== false) channels.channels.set('datenschutz', DATENSCHUTZ_CHANNEL);
  const cards = new InMemoryTicketCards();
  const membership = new FakeAdvisorMembership().add(TEAM_ID, anna.id, ben.id);
  const storage = new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const teams = new FakeTeamsAdapter();
  const parts = createTicketBotParts({
    tickets: { desk, channels, cards, botAppId: 'app-id', municipalityByTenant: {} },
    adapter: teams,
    conversationState,
    entryTitle: (id) => ENTRY_TITLES[id],
    membership,
    now: clock.now,
  });
  const bot = new LotseBot({ conversationState, userState: new UserState(storage), dialog: new EchoRoot(), advisors: parts.advisorTurns });
  const adapter = new RecordingTestAdapter((context) => bot.run(context));
  const worker = new OutboxWorker({ outbox, handler: parts.notifier, owner: 'test', now: clock.now });
  let sequence = 0;
  return {
    adapter,
    teams,
    desk,
    repository,
    outbox,
    channels,
    cards,
    membership,
    storage,
    conversationState,
    parts,
    clock,
    worker,
    async openTicket(overrides = {}) {
      sequence += 1;
      const { advisorGroup: _group, ...request } = openInput({ category: 'Datenschutz', idempotencyKey: `a:1|activity-${sequence}`, ...overrides });
      return (await desk.open(request)).ticket;
    },
  };
}

/** Who acts in Teams: Bot Framework id, name and the AAD object id the bot checks. */
export function teamsUser(actor: Actor): { id: string; name: string; aadObjectId: string } {
  return { id: `29:${actor.id}`, name: actor.displayName, aadObjectId: actor.id };
}

let activitySequence = 0;

/** Where advisors act: a thread of the datenschutz channel (the card is the thread root). */
function channelPart(rootId: string): Partial<Activity> {
  return {
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    recipient: { id: '28:lotse', name: 'Lotse' },
    conversation: { id: `${CHANNEL_ID};messageid=${rootId}`, isGroup: true, conversationType: 'channel', tenantId: 'tenant-1', name: '' },
    channelData: { team: { id: TEAM_ID }, channel: { id: CHANNEL_ID }, tenant: { id: 'tenant-1' } },
  };
}

/** The invoke Teams sends for an Action.Execute of the card (inputs are merged into `data`). */
export function invokeActivity(actor: Actor, verb: unknown, data: unknown, extra: Partial<Activity> = {}): Partial<Activity> {
  activitySequence += 1;
  return {
    ...channelPart('1700000000001'),
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `invoke-${activitySequence}`,
    from: teamsUser(actor),
    locale: 'de-DE',
    replyToId: '1700000000001',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    ...extra,
  };
}

/** A message in the datenschutz channel (an @mention of Lotse, or a card's Action.Submit with `value`). */
export function channelMessage(actor: Actor, text: string, extra: Partial<Activity> = {}): Partial<Activity> {
  activitySequence += 1;
  return {
    ...channelPart('1700000000001'),
    type: 'message',
    id: `message-${activitySequence}`,
    from: teamsUser(actor),
    locale: 'de-DE',
    text: `<at>Lotse</at> ${text}`,
    entities: [{ type: 'mention', mentioned: { id: '28:lotse', name: 'Lotse' }, text: '<at>Lotse</at>' }],
    ...extra,
  };
}

/** Sends an invoke through the bot and returns the invoke response body. */
export async function invoke(harness: AdvisorHarness, activity: Partial<Activity>): Promise<{ status: number; body: AdvisorInvokeResponse }> {
  await harness.adapter.processActivity(activity);
  const replies = harness.adapter.activeQueue.splice(0);
  const response = replies.find((reply) => reply.type === 'invokeResponse' && reply.replyToId === activity.id);
  if (!response) throw new TypeError(`no invoke response; replies: ${replies.map((reply) => reply.type).join(', ')}`);
  return response.value as { status: number; body: AdvisorInvokeResponse };
}

/** The card of an invoke response; fails for any other response. */
export function cardOfResponse(response: { body: AdvisorInvokeResponse }): TicketAdaptiveCard {
  expect(response.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  return response.body.value as TicketAdaptiveCard;
}

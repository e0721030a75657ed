import type { ConversationState } from 'botbuilder';
import { AdvisorActions } from './advisor-actions';
import { AdvisorChannelCommands } from './advisor-channel-commands';
import { CachedAdvisorMembership, TeamsAdvisorMembership, type AdvisorMembership } from './advisor-membership';
import { AdvisorTurns } from './advisor-turns';
import type { ProactiveAdapter } from './proactive-adapter';
import type { TicketBotDeps } from './ticket-bot-deps';
import { TicketCardRenderer } from './ticket-card-renderer';
import { TicketNotifier } from './ticket-notifier';
import { RequesterNotifier, type RequesterNoticeCards } from './ticket-notifier.requester';

export interface TicketBotPartsDeps {
  readonly tickets: TicketBotDeps;
  /** The bot adapter (`LotseAdapter`): proactive messages and new channel threads. */
  readonly adapter: ProactiveAdapter;
  /** The bot's conversation state (the same object `createBot` gets). */
  readonly conversationState: ConversationState;
  /** Title of a published FAQ entry, e.g. `(id) => knowledge.getEntry(id)?.question`. */
  readonly entryTitle: (entryId: string) => string | undefined;
  /** Default: Teams (`TeamsInfo.getTeamMember`) behind a 5-minute cache. */
  readonly membership?: AdvisorMembership;
  /** Default: `requesterNoticeCards` of `requester-cards.ts`. */
  readonly requesterCards?: RequesterNoticeCards;
  /** Time zone of times on cards and reminders (default Europe/Berlin). */
  readonly timeZone?: string;
  readonly now?: () => Date;
}

export interface TicketBotParts {
  /** For `LotseBotOptions.advisors`: card actions and channel commands. */
  readonly advisorTurns: AdvisorTurns;
  /** For `OutboxWorker`'s `handler`: posts and refreshes cards, reminders, requester messages. */
  readonly notifier: TicketNotifier;
}

/** Builds the advisors' turn handler and the ticket notifier over the ticket deps. */
export function createTicketBotParts(deps: TicketBotPartsDeps): TicketBotParts {
  const { desk, channels, cards, botAppId } = deps.tickets;
  const membership = deps.membership ?? new CachedAdvisorMembership(new TeamsAdvisorMembership());
  const renderer = new TicketCardRenderer({ desk, entryTitle: deps.entryTitle, timeZone: deps.timeZone });
  const actions = new AdvisorActions({ desk, channels, membership, renderer });
  const commands = new AdvisorChannelCommands({ routing: desk.routing, channels, membership, now: deps.now });
  const requester = new RequesterNotifier({ adapter: deps.adapter, botAppId, conversationState: deps.conversationState, cards: deps.requesterCards });
  const notifier = new TicketNotifier({ adapter: deps.adapter, botAppId, desk, channels, cards, renderer, requester, timeZone: deps.timeZone, now: deps.now });
  return { advisorTurns: new AdvisorTurns({ actions, commands, renderer }), notifier };
}

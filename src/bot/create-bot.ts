import { randomUUID } from 'node:crypto';
import type { ConversationState, UserState } from 'botbuilder';
import type { IntentClassifier } from '../domain/knowledge/intent';
import type { QuestionLog } from '../domain/knowledge/question-log';
import type { KeptTicketReply, KnowledgeLookup, SubmittedDraft, TicketDialogDeps } from '../../dialogs/dialog-deps';
import { PENDING_REPLY_PROPERTY, type PendingReply } from '../../dialogs/pending-reply';
import { RootDialog } from '../../dialogs/root.dialog';
import { LotseBot } from './lotse-bot';
import type { AdvisorTurnHandler } from './tickets/advisor-turns';
import { AWAITING_TICKET_REPLY_PROPERTY, type AwaitingTicketReply, type TicketBotDeps } from './tickets/ticket-bot-deps';

export interface BotDeps {
  /** Conversation state (dialog stack, pending typed reply); the same object goes to `createOnTurnError`. */
  readonly conversationState: ConversationState;
  /** User state (the "welcomed" flag, the requester's municipality). */
  readonly userState: UserState;
  /** The knowledge service (`ask`, `getEntry`), loaded before the first turn. */
  readonly knowledge: KnowledgeLookup;
  readonly intents: IntentClassifier;
  readonly questionLog: QuestionLog;
  /** The knowledge categories a ticket can be filed under, read when the form is shown (e.g. `() => knowledge.categories()`). */
  readonly categories?: () => readonly string[];
  /** The ticket desk and its settings; without it the bot offers no tickets and says where to turn instead. */
  readonly tickets?: TicketBotDeps;
  /** The advisors' side of tickets (card actions, channel commands), handed to `LotseBot`. */
  readonly advisors?: AdvisorTurnHandler;
  /** Defaults to the system clock. */
  readonly clock?: () => Date;
  /** Ids of question records and ticket drafts; defaults to `crypto.randomUUID`. */
  readonly idGenerator?: () => string;
}

/** Conversation-state property of a requester's message kept for one of their tickets. */
const KEPT_TICKET_REPLY_PROPERTY = 'keptTicketReply';
/** Conversation-state property of the last submitted ticket draft. */
const SUBMITTED_DRAFT_PROPERTY = 'submittedTicketDraft';
/** User-state property of the requester's municipality. */
const MUNICIPALITY_PROPERTY = 'municipality';

/**
 * Builds Lotse's bot: the root dialog (ask, choose, feedback, and with `tickets` the requester's
 * ticket dialogs) over the domain services, inside the activity handler. Run a turn with
 * `bot.run(context)`; set `adapter.onTurnError = createOnTurnError({ conversationState })` with
 * the same conversation state.
 */
export function createBot(deps: BotDeps): LotseBot {
  const { conversationState, userState } = deps;
  const dialog = new RootDialog({
    knowledge: deps.knowledge,
    intents: deps.intents,
    questionLog: deps.questionLog,
    pending: conversationState.createProperty<PendingReply | undefined>(PENDING_REPLY_PROPERTY),
    clock: deps.clock ?? (() => new Date()),
    idGenerator: deps.idGenerator ?? (() => randomUUID()),
    categories: deps.categories ?? (() => []),
    tickets: deps.tickets && ticketDialogDeps(deps.tickets, conversationState, userState),
  });
  return new LotseBot({ conversationState, userState, dialog, dialogs: dialog.children, advisors: deps.advisors });
}

function ticketDialogDeps(tickets: TicketBotDeps, conversationState: ConversationState, userState: UserState): TicketDialogDeps {
  return {
    desk: tickets.desk,
    municipalityByTenant: tickets.municipalityByTenant,
    awaiting: conversationState.createProperty<AwaitingTicketReply | undefined>(AWAITING_TICKET_REPLY_PROPERTY),
    keptReply: conversationState.createProperty<KeptTicketReply | undefined>(KEPT_TICKET_REPLY_PROPERTY),
    submittedDraft: conversationState.createProperty<SubmittedDraft | undefined>(SUBMITTED_DRAFT_PROPERTY),
    municipality: userState.createProperty<string | undefined>(MUNICIPALITY_PROPERTY),
  };
}

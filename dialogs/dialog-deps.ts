import type { StatePropertyAccessor } from 'botbuilder';
import type { KnowledgeService } from '../src/domain/knowledge/knowledge.service';
import type { IntentClassifier } from '../src/domain/knowledge/intent';
import type { QuestionLog } from '../src/domain/knowledge/question-log';
import type { TicketDesk } from '../src/domain/tickets/ticket-desk';
import type { AwaitingTicketReply } from '../src/bot/tickets/ticket-bot-deps';
import type { TurnInput } from '../src/bot/turn-input';
import type { TurnFacts } from '../src/bot/turn-facts';
import type { PendingReply } from './pending-reply';

/** The part of the knowledge service the dialogs use. */
export type KnowledgeLookup = Pick<KnowledgeService, 'ask' | 'getEntry'>;

/** A requester's message kept while they choose the waiting ticket it belongs to (or after a failed save). */
export interface KeptTicketReply {
  readonly userId: string;
  readonly text: string;
  /** The tickets offered; only these may receive the text. */
  readonly ticketIds: readonly string[];
}

/** The last ticket draft submitted in the conversation, to answer a late second click on its buttons. */
export interface SubmittedDraft {
  readonly draftId: string;
  readonly ticketNumber: string;
}

/** What the requester-side ticket dialogs need; absent when tickets are not set up. */
export interface TicketDialogDeps {
  /** All ticket use cases; `desk.tickets` for the requester's reads. */
  readonly desk: TicketDesk;
  /** Municipality by Entra tenant id, to prefill the requester's municipality. */
  readonly municipalityByTenant: Readonly<Record<string, string>>;
  /** Ids of the requester's tickets that wait for their reply (set by the notifier), in conversation state. */
  readonly awaiting: StatePropertyAccessor<AwaitingTicketReply | undefined>;
  /** A message kept for a ticket, in conversation state. */
  readonly keptReply: StatePropertyAccessor<KeptTicketReply | undefined>;
  /** The last submitted draft, in conversation state. */
  readonly submittedDraft: StatePropertyAccessor<SubmittedDraft | undefined>;
  /** The requester's municipality, asked once, in user state. */
  readonly municipality: StatePropertyAccessor<string | undefined>;
}

/** Everything the dialogs need; built once by `createBot`. */
export interface DialogDeps {
  readonly knowledge: KnowledgeLookup;
  readonly intents: IntentClassifier;
  readonly questionLog: QuestionLog;
  /** The typed reply Lotse waits for (a number after choices, ja/nein after an answer), in conversation state. */
  readonly pending: StatePropertyAccessor<PendingReply | undefined>;
  readonly clock: () => Date;
  /** Ids of question records and ticket drafts. */
  readonly idGenerator: () => string;
  /** The knowledge categories a ticket can be filed under (published entries; read when the form is shown). */
  readonly categories: () => readonly string[];
  readonly tickets?: TicketDialogDeps;
}

/** Options of the root dialog: one turn's facts and cleaned input. */
export interface LotseTurn {
  readonly facts: TurnFacts;
  readonly input: TurnInput;
}

export const ROOT_DIALOG_ID = 'lotse';
export const ASK_DIALOG_ID = 'ask';
export const CHOOSE_DIALOG_ID = 'choose';
export const FEEDBACK_DIALOG_ID = 'feedback';
export const HANDOFF_DIALOG_ID = 'handoff';
export const CREATE_TICKET_DIALOG_ID = 'create-ticket';
export const MY_TICKETS_DIALOG_ID = 'my-tickets';
export const TICKET_REPLY_DIALOG_ID = 'ticket-reply';
export const TICKET_STATUS_DIALOG_ID = 'ticket-status';

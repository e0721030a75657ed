import { randomUUID } from 'node:crypto';
import type { ConversationState, UserState } from 'botbuilder';
import type { IntentClassifier } from '../domain/knowledge/intent';
import type { QuestionLog } from '../domain/knowledge/question-log';
import type { KnowledgeLookup } from '../../dialogs/dialog-deps';
import type { PendingReply } from '../../dialogs/pending-reply';
import { RootDialog } from '../../dialogs/root.dialog';
import { LotseBot } from './lotse-bot';

export interface BotDeps {
  /** Conversation state (dialog stack, pending typed reply); the same object goes to `createOnTurnError`. */
  readonly conversationState: ConversationState;
  /** User state (the "welcomed" flag). */
  readonly userState: UserState;
  /** The knowledge service (`ask`, `getEntry`), loaded before the first turn. */
  readonly knowledge: KnowledgeLookup;
  readonly intents: IntentClassifier;
  readonly questionLog: QuestionLog;
  /** Defaults to the system clock. */
  readonly clock?: () => Date;
  /** Ids of question records; defaults to `crypto.randomUUID`. */
  readonly idGenerator?: () => string;
}

/**
 * Builds Lotse's bot: the root dialog (ask, choose, feedback) over the domain services, inside the
 * activity handler. Run a turn with `bot.run(context)`; set
 * `adapter.onTurnError = createOnTurnError({ conversationState })` with the same conversation state.
 */
export function createBot(deps: BotDeps): LotseBot {
  const { conversationState, userState } = deps;
  const dialog = new RootDialog({
    knowledge: deps.knowledge,
    intents: deps.intents,
    questionLog: deps.questionLog,
    pending: conversationState.createProperty<PendingReply | undefined>('pendingReply'),
    clock: deps.clock ?? (() => new Date()),
    idGenerator: deps.idGenerator ?? (() => randomUUID()),
  });
  return new LotseBot({ conversationState, userState, dialog, dialogs: dialog.children });
}

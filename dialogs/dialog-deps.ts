import type { StatePropertyAccessor } from 'botbuilder';
import type { KnowledgeService } from '../src/domain/knowledge/knowledge.service';
import type { IntentClassifier } from '../src/domain/knowledge/intent';
import type { QuestionLog } from '../src/domain/knowledge/question-log';
import type { TurnInput } from '../src/bot/turn-input';
import type { TurnFacts } from '../src/bot/turn-facts';
import type { PendingReply } from './pending-reply';

/** The part of the knowledge service the dialogs use. */
export type KnowledgeLookup = Pick<KnowledgeService, 'ask' | 'getEntry'>;

/** Everything the dialogs need; built once by `createBot`. */
export interface DialogDeps {
  readonly knowledge: KnowledgeLookup;
  readonly intents: IntentClassifier;
  readonly questionLog: QuestionLog;
  /** The typed reply Lotse waits for (a number after choices, ja/nein after an answer), in conversation state. */
  readonly pending: StatePropertyAccessor<PendingReply | undefined>;
  readonly clock: () => Date;
  readonly idGenerator: () => string;
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
